import { CLAIM_TENANT_ID } from '../rhythm.js';
import { quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, noToken, pass } from './outcome.js';

export const FIX_RHYTHM_CLAIMS =
  "Request the token for the audience https://api.rhythmsoftware.com with a client set up in Rhythm Console (Security & Settings → API Keys): Rhythm's Auth0 rules add the tenant and customer claims only then.";

/** Why a required Rhythm claim is missing or unusable, naming the https:// look-alike when present. */
export function missingClaimReason(claims: Record<string, unknown>, name: string): string {
  const value = claims[name];
  if (value !== undefined) return `\`${name}\` is ${quote(value)}.`;
  const httpsVariant = name.replace('http://', 'https://');
  return httpsVariant in claims
    ? `The token has no \`${name}\` claim, but it has \`${httpsVariant}\`: Rhythm's claim namespace is \`http://\`, not https.`
    : `The token has no \`${name}\` claim.`;
}

/** Guide §3: `http://rhythmsoftware.com/tenant_id` present, a non-empty string. */
export const claimsTenantId: Check = {
  id: 'claims.tenant_id',
  run(ctx) {
    const claims = ctx.claims;
    if (!claims) return noToken(ctx, 'tenant_id claim');
    const value = claims[CLAIM_TENANT_ID];
    if (typeof value === 'string' && value.trim() !== '') {
      const quoted = quote(value);
      return pass(`tenant_id is ${quoted}`, `\`${CLAIM_TENANT_ID}\` is ${quoted}.`);
    }
    const why = missingClaimReason(claims, CLAIM_TENANT_ID);
    return fail(
      'tenant_id claim missing',
      `${why} Every Rhythm API call needs it.`,
      FIX_RHYTHM_CLAIMS,
    );
  },
};
