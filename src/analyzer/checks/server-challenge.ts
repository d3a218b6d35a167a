import { bearerErrorMeaning, findBearerChallenge } from '../parse/www-authenticate.js';
import { clip, quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, info, pass, skip } from './outcome.js';

/** The server's own words: the `WWW-Authenticate` challenge (RFC 6750 §3), quoted and explained. */
export const serverChallenge: Check = {
  id: 'server.challenge',
  run(ctx) {
    const raw = ctx.challengeRaw;
    const status = ctx.request.status;
    if (raw === null) {
      return status === 401
        ? info(
            'No WWW-Authenticate header',
            'The 401 response carried no `WWW-Authenticate` challenge (or the browser did not expose it), so the server gave no reason.',
          )
        : status === 0
          ? skip(
              'No response',
              'No response was recorded (a pasted token or request), so there is no server challenge to read.',
            )
          : skip('No challenge', `The response status was ${status}.`);
    }
    const bearer = findBearerChallenge(ctx.challenges);
    if (!bearer) {
      const schemes =
        ctx.challenges
          .map((c) => c.scheme)
          .filter(Boolean)
          .join(', ') || 'none readable';
      return info(
        `Server challenge: ${quote(raw, 80)}`,
        `\`WWW-Authenticate: ${raw.slice(0, 300)}\`; no Bearer challenge (schemes: ${schemes}).`,
      );
    }
    const error = bearer.params.error;
    const description = bearer.params.error_description;
    const said = `\`WWW-Authenticate: ${raw.slice(0, 300)}\`${raw.length > 300 ? '…' : ''}`;
    if (!error) {
      return status === 401
        ? info(
            'Server asked for a bearer token',
            `${said}. Without an \`error\`, RFC 6750 §3.1 means the request carried no credentials the server recognized.`,
          )
        : pass('Server challenge without error', said);
    }
    const meaning = bearerErrorMeaning(error) ?? 'an error code outside RFC 6750';
    // Quoted once: the title shows the first 100 characters of the fix's 200.
    const described = description ? quote(description, 200) : '';
    return fail(
      `Server says ${quote(error)}${described ? `: ${clip(described, 100)}` : ''}`,
      `${said}. \`${error}\` means ${meaning}.`,
      described
        ? `Act on the server's description: ${described}. The checks above name the likely cause.`
        : 'The checks above name the likely cause; if none fails, verify the signature and the contact (the active checks).',
    );
  },
};
