import type { ActiveCheckOutcome } from '../types.js';
import type { Check, CheckOutcome } from './outcome.js';
import { skip } from './outcome.js';

function fromOutcome(outcome: ActiveCheckOutcome): CheckOutcome {
  const { status, title, detail, fix } = outcome;
  return fix === undefined ? { status, title, detail } : { status, title, detail, fix };
}

/** Active: verified against the issuer's JWKS, only when the user asks (SPEC §7). */
export const tokenSignature: Check = {
  id: 'token.signature',
  run(ctx) {
    const ran = ctx.settings.active?.signature;
    if (ran) return fromOutcome(ran);
    if (ctx.decoded?.form !== 'jws')
      return skip('Signature: no JWT to verify', 'There is no signed JWT to verify.');
    return skip(
      'Signature not verified (not run)',
      "Not run: verifying fetches the issuer's public keys (JWKS), so it runs only when you ask.",
    );
  },
};

/** Active: the guide's Rolodex probe (§5) with this token, only when the user asks. */
export const contactVerified: Check = {
  id: 'contact.verified',
  run(ctx) {
    const ran = ctx.settings.active?.contact;
    if (ran) return fromOutcome(ran);
    if (ctx.token === null) return skip('Contact: no token', 'No bearer token was sent.');
    return skip(
      'Contact not verified (not run)',
      'Not run: it calls Rolodex (GET /contacts/{tenantId}/current, or /contacts/current) with this token, so it runs only when you ask.',
    );
  },
};
