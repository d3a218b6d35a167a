import { PROVIDER_NAMES, providerOfIssuer } from '../providers.js';
import { quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, noToken, pass, warn } from './outcome.js';

const FIX_ISSUER =
  'Get the token from your own Auth0 domain (Rhythm Console → Security & Settings → API Keys shows it).';

/** `iss` present, an https URL ending in `/`; the expected issuer and client when configured. */
export const tokenIssuer: Check = {
  id: 'token.issuer',
  run(ctx) {
    const claims = ctx.claims;
    if (!claims) return noToken(ctx, 'Issuer');
    const { iss, azp } = claims;
    if (iss === undefined)
      return fail(
        'Token has no issuer (`iss`)',
        'The token carries no `iss` claim; Auth0 always sets it.',
        FIX_ISSUER,
      );
    if (typeof iss !== 'string' || !/^https:\/\/[^/\s]+\/(.*\/)?$/.test(iss)) {
      return fail(
        `Issuer ${quote(iss)} is not an https URL ending in \`/\``,
        `\`iss\` is ${quote(iss)}. Auth0 issuers look like \`https://<tenant>.us.auth0.com/\` (with the trailing slash).`,
        FIX_ISSUER,
      );
    }
    const expected = ctx.settings.expectedIssuer;
    if (expected && iss !== expected) {
      return fail(
        `Issued by ${quote(iss)}, not the expected ${quote(expected)}`,
        `\`iss\` is ${quote(iss)}; your settings expect ${quote(expected)}. A token from another Auth0 tenant (another environment or customer) is rejected.`,
        `Request the token from ${expected}, or update the expected issuer in the settings if it changed.`,
      );
    }
    const clientId = ctx.settings.expectedClientId;
    if (clientId && azp !== undefined && azp !== clientId) {
      return warn(
        `Token issued to client ${quote(azp)}, not ${quote(clientId)}`,
        `\`azp\` is ${quote(azp)}; your settings expect the client id ${quote(clientId)}.`,
        'Check which application (client id) requested the token.',
      );
    }
    const provider = providerOfIssuer(iss);
    const kind = provider
      ? PROVIDER_NAMES[provider]
      : 'not an auth0.com domain: an Auth0 custom domain, or another identity provider';
    const quoted = quote(iss);
    return pass(
      `Issuer ${quoted}`,
      `\`iss\` is ${quoted} (${kind}).${expected ? ' It matches the expected issuer.' : ''}`,
    );
  },
};
