/**
 * What must never be stored (SPEC §7), for the privacy tests of both browsers: every part of a
 * token that would let it be replayed, and the demo tenant's claim values.
 */
import { ACME } from '../../tools/reference-api/world.js';

const ADA = ACME.users[0]!;

/** Each token whole, without its signature, and its signature alone. */
export function tokenSecrets(tokens: readonly string[]): string[] {
  return tokens.flatMap((token) => {
    const [header, payload, signature] = token.split('.');
    return [token, `${header}.${payload}`, signature!];
  });
}

/** The demo tenant's and its first user's claim values. */
export const DEMO_CLAIM_VALUES: readonly string[] = [
  ACME.id,
  ACME.customerId,
  ACME.m2m.clientId,
  ACME.spa.clientId,
  ADA.contactId!,
  ADA.sub,
  ADA.email,
  ADA.name,
];

/** Claims a diagnosis keeps in storage.session: the search must find them there. */
export const SESSION_CLAIM_VALUES: readonly string[] = [ACME.customerId, ADA.contactId!];

/** The `values` found anywhere in `stored` (read as JSON). */
export function foundIn(stored: unknown, values: readonly string[]): string[] {
  const json = JSON.stringify(stored);
  return values.filter((value) => json.includes(value));
}
