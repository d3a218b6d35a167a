/**
 * `token.format` for tokens that are not a JWS at all, named from the evidence only (SPEC §3):
 * Auth0's no-audience token (5 parts, `alg: dir` + `enc`, the Auth0 tenant as `iss` in the
 * header), any other JWE by its `alg`/`enc`, a nested JWT (`cty: JWT`), and opaque tokens, dots or
 * not. Only the first of these has the "no audience was requested" cause.
 */
import { opaquePrefix } from '../parse/opaque-prefixes.js';
import type { DecodedToken } from '../parse/decode-token.js';
import { PROVIDER_NAMES, providerOfIssuer } from '../providers.js';
import { quote } from '../text.js';
import type { CheckOutcome } from './outcome.js';
import { fail } from './outcome.js';
import { FIX_AUDIENCE, FIX_RHYTHM_TOKEN } from './token-fixes.js';

/** Auth0's no-audience token names its tenant in the header; a configured issuer counts too. */
function isAuth0NoAudience(header: Record<string, unknown>, expectedIssuer?: string): boolean {
  const { alg, enc, iss } = header;
  if (alg !== 'dir' || typeof enc !== 'string' || typeof iss !== 'string') return false;
  return (
    providerOfIssuer(iss) === 'auth0' || (expectedIssuer !== undefined && iss === expectedIssuer)
  );
}

export function encryptedOutcome(
  header: Record<string, unknown> | null,
  nested: boolean,
  expectedIssuer?: string,
): CheckOutcome {
  const shown = header ? ` and the header ${quote(header, 160)}` : '';
  if (header && !nested && isAuth0NoAudience(header, expectedIssuer)) {
    return fail(
      "Token is Auth0's encrypted no-audience token (JWE): no audience was requested",
      `The token has 5 segments${shown}: \`alg: dir\` with the Auth0 tenant as \`iss\`. Auth0 returns this encrypted token when the authorize/token request has no \`audience\`; it is meant for Auth0's /userinfo only, and Rhythm cannot read it.`,
      FIX_AUDIENCE,
    );
  }
  const alg = typeof header?.alg === 'string' ? header.alg : '?';
  const enc = typeof header?.enc === 'string' ? header.enc : '?';
  const iss = header?.iss;
  const dirNote =
    alg !== 'dir'
      ? ''
      : typeof iss === 'string'
        ? ` If ${quote(iss)} is your Auth0 tenant's custom domain, this is the token Auth0 returns when the request names no \`audience\`: ${FIX_AUDIENCE}`
        : " It is not Auth0's no-audience token: that one names the Auth0 tenant as `iss` in its header.";
  if (nested) {
    return fail(
      `Token is a nested JWT: a signed JWT inside an encrypted one (JWE ${alg}, ${enc})`,
      `The token has 5 segments${shown}: \`cty: JWT\` says a signed JWT is inside, encrypted for whoever holds the key, so neither Rhythm nor this tool can read its claims.${dirNote}`,
      FIX_RHYTHM_TOKEN,
    );
  }
  const provider = providerOfIssuer(iss);
  return fail(
    `Token is encrypted (JWE ${alg}, ${enc}), not a signed JWT`,
    `The token has 5 segments${shown}: it is encrypted for whoever holds the key${provider ? ` (the header names ${PROVIDER_NAMES[provider]})` : ''}, and only they can read its claims. Rhythm reads only the signed JWTs Auth0 issues for it.${dirNote}`,
    FIX_RHYTHM_TOKEN,
  );
}

export function opaqueOutcome(decoded: DecodedToken, token: string): CheckOutcome {
  const known = opaquePrefix(token)?.text;
  if (decoded.segments === 1) {
    return fail(
      'Token is opaque, not a JWT',
      `The token has no dots: an opaque string, not a JSON Web Token, and Rhythm accepts only JWTs.${known ? ` ${known}.` : ' Older Auth0 tenants return such an opaque access token when the request has no `audience`.'}`,
      known ? FIX_RHYTHM_TOKEN : FIX_AUDIENCE,
    );
  }
  return fail(
    'Token is opaque, not a JWT',
    `The token has ${decoded.segments} dot-separated parts, but none of them is base64url JSON: an opaque token, not a JSON Web Token, whatever its dots.${known ? ` ${known}.` : ''} Rhythm accepts only the JWTs Auth0 issues.`,
    FIX_RHYTHM_TOKEN,
  );
}
