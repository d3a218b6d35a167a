import type { Check } from './outcome.js';
import { fail, pass } from './outcome.js';

/** A CORS preflight never carries credentials: a 401 on it is the server's CORS set-up, not the token. */
export const requestPreflight: Check = {
  id: 'request.preflight',
  run(ctx) {
    if (!ctx.isPreflight) {
      return pass(
        'Not a CORS preflight',
        `The request was a ${ctx.method}, not an OPTIONS preflight.`,
      );
    }
    if (ctx.request.status !== 401) {
      return pass('Preflight answered', `The OPTIONS preflight got ${ctx.request.status}.`);
    }
    return fail(
      'The 401 was on a CORS preflight (OPTIONS)',
      'Browsers send the preflight without credentials (no Authorization header, by the Fetch standard), so the server must answer OPTIONS without asking for a token. Nothing about the token can fix this.',
      'Make the API (or its gateway) answer OPTIONS with 2xx and the CORS headers (Access-Control-Allow-Origin, Access-Control-Allow-Headers: Authorization) before any authentication; if this is the Rhythm API, report it to Rhythm support with this diagnosis.',
    );
  },
};
