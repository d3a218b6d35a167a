/**
 * The requests (with their tokens) the panel itself holds, in memory only, for the active checks:
 * pasted ones, and the 401s DevTools' network log showed it (DevTools keeps them anyway). At a
 * click the panel hands the matching one to the worker, which checks that its token is the one
 * the diagnosis is about. Nothing here is stored, rendered or exported; it goes when the panel
 * closes. Without a match the worker uses its own memory (src/background/active/held-tokens.ts).
 */
import type { CapturedRequest } from '../../analyzer/index.js';
import { diagnosisKey, sameRequest } from '../../analyzer/index.js';
import type { StoredDiagnosis } from '../../shared/stored.js';
import type { SeenRequest } from '../entry.js';

export const HELD_MAX = 200;

export function createHeldRequests(max = HELD_MAX) {
  const byId = new Map<string, CapturedRequest>();
  return {
    /** Under the id of the entry it belongs to: `paste:<n>`, or `devtools:<key>` for DevTools' copy. */
    hold(id: string, request: CapturedRequest): void {
      byId.delete(id);
      byId.set(id, request);
      while (byId.size > max) byId.delete(byId.keys().next().value as string);
    },
    /** The held request of an entry: its own, or DevTools' copy of the same request. */
    find(entry: StoredDiagnosis, seen: readonly SeenRequest[]): CapturedRequest | undefined {
      const own = byId.get(entry.id);
      if (own) return own;
      const key = diagnosisKey(entry.diagnosis);
      for (const s of seen) {
        if (!sameRequest(s.requestKey, key)) continue;
        const copy = byId.get(`devtools:${s.key}`);
        if (copy) return copy;
      }
      return undefined;
    },
    /** Clear: DevTools' copies go; pasted ones stay with their entries until those are cleared. */
    drop(prefix: string): void {
      for (const id of [...byId.keys()]) if (id.startsWith(prefix)) byId.delete(id);
    },
    /** These entries are gone for good (Clear's Undo is over): their requests go too. */
    forget(ids: readonly string[]): void {
      for (const id of ids) byId.delete(id);
    },
  };
}

export type HeldRequests = ReturnType<typeof createHeldRequests>;
