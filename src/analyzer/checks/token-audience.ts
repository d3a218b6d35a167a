import { RHYTHM_API_DOMAIN, RHYTHM_AUDIENCE, moduleOfHost } from '../rhythm.js';
import { quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, noToken, pass } from './outcome.js';

/** `aud` as a list (RFC 7519 §4.1.3: a string or an array of strings). */
export function audiences(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === 'string');
  return [];
}

/** Why an audience that is not the Rhythm one was probably used. */
export function nearMiss(aud: string): string | null {
  const lower = aud.toLowerCase();
  if (aud === `${RHYTHM_AUDIENCE}/`) return 'has a trailing slash';
  if (lower === RHYTHM_AUDIENCE.toLowerCase() || lower === `${RHYTHM_AUDIENCE}/`.toLowerCase())
    return 'differs in letter case';
  if (lower === `http://${RHYTHM_API_DOMAIN}` || lower === `http://${RHYTHM_API_DOMAIN}/`)
    return 'uses http:// instead of https://';
  if (lower === RHYTHM_API_DOMAIN || lower === `${RHYTHM_API_DOMAIN}/`)
    return 'has no https:// scheme';
  const host = /^https?:\/\/([^/]+)/i.exec(aud)?.[1];
  if (host && moduleOfHost(host))
    return `is a module host (${host}); the audience is the one API identifier, not the host called`;
  // Any host: with an Auth0 custom domain the /userinfo audience is on that domain too.
  if (/^https:\/\/[^/]+\/userinfo\/?$/i.test(aud))
    return "is Auth0's /userinfo audience, which Auth0 adds for the `openid` scope; the API audience was not requested";
  if (/\.auth0\.com\/api\/v2\/?$/i.test(aud))
    return "is the Auth0 Management API's audience, not Rhythm's";
  if (/^[A-Za-z0-9]{20,40}$/.test(aud))
    return 'looks like an Auth0 client id: this is probably an ID token';
  return null;
}

/** Guide §2: `aud` must contain exactly `https://api.rhythmsoftware.com`. */
export const tokenAudience: Check = {
  id: 'token.audience',
  run(ctx) {
    const claims = ctx.claims;
    if (!claims) return noToken(ctx, 'Audience');
    const fix = `Request the token with \`audience=${RHYTHM_AUDIENCE}\` exactly (no trailing slash), in the /oauth/token body or the Auth0 SDK's \`authorizationParams.audience\`.`;
    if (!('aud' in claims)) {
      return fail(
        'Token has no audience (`aud`)',
        'The token carries no `aud` claim, so no API will accept it.',
        fix,
      );
    }
    const list = audiences(claims.aud);
    if (list.includes(RHYTHM_AUDIENCE)) {
      const others = list.filter((a) => a !== RHYTHM_AUDIENCE);
      return pass(
        `Audience is ${RHYTHM_AUDIENCE}`,
        others.length
          ? `\`aud\` is ${quote(claims.aud, 200)}; it contains ${RHYTHM_AUDIENCE}.`
          : `\`aud\` is ${quote(claims.aud)}.`,
      );
    }
    const misses = list.map((a) => ({ a, why: nearMiss(a) })).filter((m) => m.why !== null);
    const first = misses[0];
    if (first) {
      return fail(
        `Wrong audience: ${quote(first.a)} ${first.why}`,
        `\`aud\` is ${quote(claims.aud, 200)}; Rhythm accepts only ${RHYTHM_AUDIENCE}. ${quote(first.a)} ${first.why}.`,
        fix,
      );
    }
    return fail(
      `Wrong audience ${quote(claims.aud, 80)}`,
      `\`aud\` is ${quote(claims.aud, 200)}; Rhythm accepts only ${RHYTHM_AUDIENCE}. The token was issued for another API.`,
      fix,
    );
  },
};
