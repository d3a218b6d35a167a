/**
 * The tokens of the last few diagnosed 401s, in the worker's MEMORY only, so an active check the
 * user starts later can send the token that request carried (active-checks.ts).
 *
 * Why here and like this: diagnoses live in `storage.session` without their token (SPEC §4, §7),
 * and nothing about tokens may be written anywhere. The active checks need the token at click
 * time, so the worker keeps it in a plain Map, keyed by diagnosis, that
 * - holds at most `max` entries (oldest dropped first),
 * - drops a tab's entries when the tab closes or is cleared,
 * - is lost whenever the worker stops (MV3 stops an idle worker after ~30 s): the panel then says
 *   "token no longer available" and offers to reproduce the request or paste the token. The DevTools
 *   panel also holds the tokens it saw in the network log, so inside DevTools this rarely happens.
 * It is never logged, stored, or sent to a page: pages get plans that name the token by fingerprint.
 * Its values are not in-flight records (no `requestHeaders`/`sentAt`), which SPEC §9 tests look for.
 */
import type { HeldRequest } from '../../shared/active.js';

export const HELD_TOKENS_MAX = 20;

export function createHeldTokens(max = HELD_TOKENS_MAX) {
  const held = new Map<string, HeldRequest>();
  const key = (tabId: number, id: string) => `${tabId}|${id}`;
  return {
    hold(tabId: number, id: string, request: HeldRequest): void {
      if (request.token === null) return; // nothing an active check could use
      const k = key(tabId, id);
      held.delete(k); // re-inserted last: the newest
      held.set(k, request);
      while (held.size > max) held.delete(held.keys().next().value as string);
    },
    get(tabId: number, id: string): HeldRequest | null {
      return held.get(key(tabId, id)) ?? null;
    },
    dropTab(tabId: number): void {
      for (const k of [...held.keys()]) if (k.startsWith(`${tabId}|`)) held.delete(k);
    },
    get size(): number {
      return held.size;
    },
  };
}

export type HeldTokens = ReturnType<typeof createHeldTokens>;
