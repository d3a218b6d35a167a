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
const DEMO_CLAIM_VALUES: readonly string[] = [
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
const SESSION_CLAIM_VALUES: readonly string[] = [ACME.customerId, ADA.contactId!];

/** The `values` found anywhere in `stored` (read as JSON). */
function foundIn(stored: unknown, values: readonly string[]): string[] {
  const json = JSON.stringify(stored);
  return values.filter((value) => json.includes(value));
}

type Area = 'local' | 'sync' | 'session';

/**
 * Where the secrets and claims are found in the extension's storage. The answer to expect is
 * `NOTHING_STORED`: the search finds the claims where they belong (the diagnoses in
 * storage.session), so it would find them elsewhere too; the tokens are not even there.
 */
export async function whereStored(
  read: (area: Area) => Promise<Record<string, unknown>>,
  secrets: readonly string[],
) {
  const [local, sync, session] = await Promise.all([read('local'), read('sync'), read('session')]);
  const lasting = [...secrets, ...DEMO_CLAIM_VALUES];
  return {
    local: foundIn(local, lasting),
    sync: foundIn(sync, lasting),
    sessionClaims: foundIn(session, SESSION_CLAIM_VALUES),
    sessionSecrets: foundIn(session, secrets),
  };
}

export const NOTHING_STORED = {
  local: [],
  sync: [],
  sessionClaims: SESSION_CLAIM_VALUES,
  sessionSecrets: [],
};
