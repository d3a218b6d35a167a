import { parseHttpDate } from '../parse/http-date.js';
import { duration, isoTime } from '../text.js';
import type { Check } from './outcome.js';
import { pass, skip, warn } from './outcome.js';

const MAX_SKEW_MS = 60_000;

/** `a; b`: the parts of one sentence, without an array per request. */
const joined = (list: string, item: string) => (list === '' ? item : `${list}; ${item}`);

/** Expiry verdicts assume the local clock is right: compare it with the server's and the issuer's. */
export const clockSkew: Check = {
  id: 'clock.skew',
  run(ctx) {
    const sentAt = ctx.request.sentAt;
    let findings = '';
    let evidence = '';
    const serverMs = ctx.dateHeader ? parseHttpDate(ctx.dateHeader) : NaN;
    if (Number.isFinite(serverMs)) {
      const diff = serverMs - sentAt;
      evidence = `the response's \`Date\` is ${isoTime(serverMs)}, the request was sent at ${ctx.sentAtIso}`;
      if (Math.abs(diff) > MAX_SKEW_MS) {
        findings = `the server's clock is ${duration(diff)} ${diff > 0 ? 'ahead of' : 'behind'} this machine's`;
      }
    }
    const iat = ctx.claims?.iat;
    if (typeof iat === 'number' && Number.isFinite(iat)) {
      evidence = joined(evidence, `\`iat\` is ${isoTime(iat * 1000)}`);
      if (iat * 1000 - sentAt > MAX_SKEW_MS) {
        findings = joined(
          findings,
          `the token was issued ${duration(iat * 1000 - sentAt)} after the request was sent, so this machine's clock is behind the issuer's`,
        );
      }
    }
    if (evidence === '')
      return skip(
        'No clock to compare',
        'The response had no `Date` header and the token no `iat`.',
      );
    if (findings !== '') {
      return warn(
        'Clocks disagree: expiry verdicts may be off',
        `${findings} (${evidence}).`,
        "Synchronize this machine's clock (NTP); expiry was judged by it.",
      );
    }
    return pass('Clocks agree within 60 s', `${evidence}.`);
  },
};
