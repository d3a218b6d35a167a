import { RHYTHM_TOKEN_LIFETIME_S } from '../rhythm.js';
import { duration, isoTime, quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, noToken, pass, warn } from './outcome.js';

/** Below this many seconds left, a token may expire on its way to the API. */
const NEAR_EXPIRY_S = 60;
/** A NumericDate beyond this (year 5138) is milliseconds, not seconds. */
const MS_THRESHOLD = 1e11;

const FIX_RENEW =
  'Get a new token before it expires: renew when `exp` is near (Auth0 SPA SDK: `getTokenSilently()` renews by itself; for client credentials, cache the token and request a new one a few minutes before `exp`).';

/** Guide §1: "The token has not expired", judged at the time the request was sent. */
export const tokenExpiry: Check = {
  id: 'token.expiry',
  run(ctx) {
    const claims = ctx.claims;
    if (!claims) return noToken(ctx, 'Expiry');
    const sentAt = ctx.request.sentAt;
    const sentS = sentAt / 1000;
    const { exp, nbf, iat } = claims;
    const lifetime =
      typeof exp === 'number' && typeof iat === 'number' && exp - iat !== RHYTHM_TOKEN_LIFETIME_S
        ? ` Its lifetime is ${duration((exp - iat) * 1000)} (Rhythm tokens live 24 h).`
        : '';

    if (exp === undefined) {
      return warn(
        'Token has no expiry (`exp`)',
        'The token carries no `exp` claim. Auth0 access tokens always do: this token was not issued by Auth0 for the Rhythm API.',
        'Use the access token your Auth0 tenant issues.',
      );
    }
    if (typeof exp !== 'number' || !Number.isFinite(exp)) {
      return fail(
        '`exp` is not a number',
        `\`exp\` is ${quote(exp)}; it must be a NumericDate (seconds since 1970).`,
        'Use the access token your Auth0 tenant issues.',
      );
    }
    if (exp > MS_THRESHOLD) {
      return fail(
        '`exp` is in milliseconds, not seconds',
        `\`exp\` is ${exp}, which read as seconds is ${isoTime(exp * 1000)}; read as milliseconds it is ${isoTime(exp)}. JWT times are seconds since 1970, so the API reads this as invalid.`,
        'Use the access token Auth0 issued; if your code builds or rewrites tokens, set `exp` in seconds (Math.floor(Date.now() / 1000) + lifetime).',
      );
    }
    if (typeof nbf === 'number' && nbf > sentS) {
      return fail(
        `Token not valid yet: \`nbf\` is ${duration((nbf - sentS) * 1000)} after the request`,
        `\`nbf\` is ${isoTime(nbf * 1000)}; the request was sent at ${ctx.sentAtIso}. If the token is fresh, the sending machine's clock is behind (see clock.skew).`,
        "Wait until the token's `nbf`, or correct the machine's clock (NTP).",
      );
    }
    if (exp <= sentS) {
      return fail(
        `Token expired ${duration((sentS - exp) * 1000)} before this request`,
        `\`exp\` is ${isoTime(exp * 1000)}; the request was sent at ${ctx.sentAtIso}.${lifetime}`,
        FIX_RENEW,
      );
    }
    const left = exp - sentS;
    if (left < NEAR_EXPIRY_S) {
      return warn(
        `Token had only ${duration(left * 1000)} left`,
        `\`exp\` is ${isoTime(exp * 1000)}; the request was sent at ${ctx.sentAtIso}. It may have expired on the way or by the time the API checked it.`,
        FIX_RENEW,
      );
    }
    return pass(
      `Token valid for ${duration(left * 1000)} more at the time of the request`,
      `\`exp\` is ${isoTime(exp * 1000)}; the request was sent at ${ctx.sentAtIso}.${lifetime}`,
    );
  },
};
