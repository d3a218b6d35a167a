/**
 * The size cap of a stored diagnosis (SPEC §7: storage is fair). A token can carry claims of any
 * size; kept as they are, one tab's large tokens would fill `storage.session` (10 MB for every
 * tab). A diagnosis over the cap keeps its claims and header cut to fit, and says by how much
 * (`token.truncated`), so the panel and the reports show that they are incomplete.
 */
import type { StoredDiagnosis } from './stored.js';

/** At most this many bytes of JSON per stored diagnosis. */
export const ENTRY_CAP_BYTES = 8 * 1024;
/** A string claim is cut to this many characters before whole claims are dropped. */
const LONG_STRING = 256;
/** What replaces the cut part of a string, and stands for the claims dropped entirely. */
export const TRUNCATED_MARK = '…[truncated]';

/** Size in bytes as storage.session counts it (the JSON of the value, UTF-16 code units close enough). */
export const jsonBytes = (value: unknown): number => JSON.stringify(value)?.length ?? 0;

/** Cuts an object's values to fit `budget` bytes: long strings first, then whole members. */
function fit(
  value: Record<string, unknown> | null,
  budget: number,
): Record<string, unknown> | null {
  if (value === null) return null;
  const out: Record<string, unknown> = {};
  let used = 2;
  let dropped = 0;
  for (const [name, raw] of Object.entries(value)) {
    let v: unknown = raw;
    if (typeof v === 'string' && v.length > LONG_STRING)
      v = v.slice(0, LONG_STRING) + TRUNCATED_MARK;
    else if (typeof v === 'object' && v !== null && jsonBytes(v) > LONG_STRING) v = TRUNCATED_MARK;
    const size = jsonBytes(name) + jsonBytes(v) + 2;
    if (used + size > budget) {
      dropped++;
      continue;
    }
    out[name] = v;
    used += size;
  }
  if (dropped) out[TRUNCATED_MARK] = `${dropped} more claim${dropped === 1 ? '' : 's'} not kept`;
  return out;
}

/** The entry as stored: itself when within the cap, else with its token's claims and header cut. */
export function capEntry(entry: StoredDiagnosis, cap = ENTRY_CAP_BYTES): StoredDiagnosis {
  return capEntrySized(entry, cap).entry;
}

/**
 * `capEntry`, with the stored entry's JSON: what the store writes, and whose length is the size it
 * counts against the tab's share (tab-store.ts).
 */
export function capEntrySized(
  entry: StoredDiagnosis,
  cap = ENTRY_CAP_BYTES,
): { entry: StoredDiagnosis; json: string } {
  const whole = JSON.stringify(entry);
  const size = whole.length;
  if (size <= cap) return { entry, json: whole };
  const token = entry.diagnosis.token;
  const rest = size - jsonBytes(token.claims) - jsonBytes(token.header);
  // What is left for claims and header, shared 3:1 (the claims are what a reader needs).
  const room = Math.max(256, cap - rest - 64);
  const claims = fit(token.claims, Math.floor((room * 3) / 4));
  const header = fit(token.header, Math.floor(room / 4));
  const cut = { ...token, claims, header };
  const cutSize = jsonBytes({ ...entry, diagnosis: { ...entry.diagnosis, token: cut } });
  const stored = {
    ...entry,
    diagnosis: {
      ...entry.diagnosis,
      token: { ...cut, truncated: { bytes: Math.max(0, size - cutSize) } },
    },
  };
  return { entry: stored, json: JSON.stringify(stored) };
}
