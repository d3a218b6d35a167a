import { RHYTHM_AUDIENCE } from '../rhythm.js';
import { quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, noToken, pass } from './outcome.js';
import { audiences } from './token-audience.js';

/** Claims only ID tokens carry (OIDC Core §2, §3.1.3.6). */
const ID_TOKEN_CLAIMS = ['nonce', 'at_hash', 'c_hash', 'auth_time'];
const PROFILE_CLAIMS = ['email', 'name', 'nickname', 'picture', 'email_verified'];

/** Guide §2 and SPEC §2: an access token, not an ID token used as a bearer. */
export const tokenKind: Check = {
  id: 'token.kind',
  run(ctx) {
    const claims = ctx.claims;
    if (!claims) return noToken(ctx, 'Token kind');
    const aud = audiences(claims.aud);
    const forApi = aud.includes(RHYTHM_AUDIENCE);
    const idMarkers = ID_TOKEN_CLAIMS.filter((c) => c in claims);
    const profile = PROFILE_CLAIMS.filter((c) => c in claims);
    const audIsClientId = aud.length === 1 && !/^[a-z]+:\/\//i.test(aud[0]!);
    if (!forApi && (idMarkers.length > 0 || (audIsClientId && profile.length > 0))) {
      const evidence = [...idMarkers, ...profile].map((c) => `\`${c}\``).join(', ');
      return fail(
        'This is an ID token, not an access token',
        `The token's \`aud\` is ${quote(claims.aud)} (the app's client id, not the API) and it carries ${evidence}: the marks of an OpenID Connect ID token. ID tokens prove who logged in to the app; APIs accept only access tokens.`,
        'Send the access_token from the token response, not the id_token (Auth0 SPA SDK: `await getTokenSilently()`, not `getIdTokenClaims()`).',
      );
    }
    const kind =
      ctx.subject === 'm2m'
        ? 'machine-to-machine access token (client credentials)'
        : ctx.subject === 'user'
          ? 'user access token'
          : 'access token';
    return pass(`An access token`, `No ID-token marks (nonce, at_hash); this is a ${kind}.`);
  },
};
