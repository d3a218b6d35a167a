import { CLAIM_CUSTOMER_ID } from '../rhythm.js';
import { quote } from '../text.js';
import { FIX_RHYTHM_CLAIMS, missingClaimReason } from './claims-tenant-id.js';
import type { Check } from './outcome.js';
import { fail, noToken, pass } from './outcome.js';

/** Guide §3: `http://rhythmsoftware.com/customer_id` present and non-empty. */
export const claimsCustomerId: Check = {
  id: 'claims.customer_id',
  run(ctx) {
    const claims = ctx.claims;
    if (!claims) return noToken(ctx, 'customer_id claim');
    const value = claims[CLAIM_CUSTOMER_ID];
    const present =
      (typeof value === 'string' && value.trim() !== '') ||
      (typeof value === 'number' && Number.isFinite(value));
    if (present) {
      const quoted = quote(value);
      return pass(`customer_id is ${quoted}`, `\`${CLAIM_CUSTOMER_ID}\` is ${quoted}.`);
    }
    const why = missingClaimReason(claims, CLAIM_CUSTOMER_ID);
    return fail(
      'customer_id claim missing',
      `${why} Every Rhythm API call needs it.`,
      FIX_RHYTHM_CLAIMS,
    );
  },
};
