/**
 * Per-tab diagnoses in `chrome.storage.session` (memory only, never disk; SPEC §7). The service
 * worker may die at any moment, so nothing lives only in its memory. Layout, chosen so a burst of
 * 401s writes one small record each instead of rewriting the whole list:
 *   `tab:<tabId>`          → TabIndex (ids, newest last; at most `limit`)
 *   `d:<tabId>:<id>`       → StoredDiagnosis
 *   `ok:<tabId>`           → { ["<host> <route> <subject>"]: LastSuccess }
 */
import { diagnosisKey, sameRequest } from '../analyzer/index.js';
import { successKey } from '../analyzer/index.js';
import type { LastSuccess, StoredDiagnosis, SuccessLookup } from './stored.js';

/** The slice of `chrome.storage.StorageArea` the store needs; tests pass an in-memory one. */
export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** `chrome.storage.onChanged`, as far as a watcher needs it. */
export interface StorageChanges {
  addListener(listener: StorageListener): void;
  removeListener(listener: StorageListener): void;
}
export type StorageListener = (
  changes: Record<string, { newValue?: unknown }>,
  areaName: string,
) => void;

export interface TabIndex {
  ids: string[];
}

export const DEFAULT_KEEP = 100;

const indexKey = (tabId: number) => `tab:${tabId}`;
const itemKey = (tabId: number, id: string) => `d:${tabId}:${id}`;
const okKey = (tabId: number) => `ok:${tabId}`;

function isIndex(value: unknown): value is TabIndex {
  return typeof value === 'object' && value !== null && Array.isArray((value as TabIndex).ids);
}

export async function readIndex(area: SessionArea, tabId: number): Promise<string[]> {
  const key = indexKey(tabId);
  const got = await area.get(key);
  const value = got[key];
  return isIndex(value) ? value.ids : [];
}

export async function readSuccesses(
  area: SessionArea,
  tabId: number,
): Promise<Record<string, LastSuccess>> {
  const key = okKey(tabId);
  const got = await area.get(key);
  const value = got[key];
  return value && typeof value === 'object' ? (value as Record<string, LastSuccess>) : {};
}

export interface AddResult {
  added: boolean;
  count: number;
}

/**
 * Writes are serialized per tab: two 401s finishing together must not both read the same index
 * and lose one. The queue lives in memory; a worker that dies mid-write loses at most that write.
 */
export interface TabStoreOptions {
  /** How many diagnoses a tab keeps (the Options page; at most 100). */
  keep?: () => number;
  /** Where `watch` hears of changes: `storage.onChanged` (pages that only read pass this). */
  changes?: StorageChanges;
}

export function createTabStore(area: SessionArea, options: TabStoreOptions = {}) {
  const queues = new Map<number, Promise<unknown>>();
  /**
   * The token fingerprint last written per `<tabId>|<host>`, so a run of 200s writes once. It lives
   * here, beside `clear`, so clearing a tab also forgets it (else the same token would never be
   * recorded again after a Clear). Lost with the worker: the next 200 then writes once more.
   */
  const lastOk = new Map<string, string>();
  const keep = () => Math.max(1, options.keep?.() ?? DEFAULT_KEEP);

  function serialized<T>(tabId: number, job: () => Promise<T>): Promise<T> {
    const previous = queues.get(tabId) ?? Promise.resolve();
    const next = previous.then(job, job);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    queues.set(tabId, settled);
    void settled.then(() => {
      if (queues.get(tabId) === settled) queues.delete(tabId);
    });
    return next;
  }

  return {
    /** The tab's diagnoses, newest first. */
    async read(tabId: number): Promise<StoredDiagnosis[]> {
      const ids = await readIndex(area, tabId);
      if (ids.length === 0) return [];
      const keys = ids.map((id) => itemKey(tabId, id));
      const got = await area.get(keys);
      const out: StoredDiagnosis[] = [];
      for (let i = keys.length - 1; i >= 0; i--) {
        const value = got[keys[i]!];
        if (value && typeof value === 'object') out.push(value as StoredDiagnosis);
      }
      return out;
    },

    /** One kept diagnosis, or null when it is not (or no longer) kept. */
    async entry(tabId: number, id: string): Promise<StoredDiagnosis | null> {
      const key = itemKey(tabId, id);
      const value = (await area.get(key))[key];
      return value && typeof value === 'object' ? (value as StoredDiagnosis) : null;
    },

    /**
     * Calls `onChange` whenever the tab's diagnoses change: a new 401 (the index), or an entry on
     * its own (an active check wrote its result). Returns the function that stops watching.
     */
    watch(tabId: number, onChange: () => void): () => void {
      const changes = options.changes;
      if (!changes) throw new Error('createTabStore: watch needs the `changes` option');
      const entryPrefix = itemKey(tabId, '');
      const listener: StorageListener = (changed, areaName) => {
        if (areaName !== 'session') return;
        const keys = Object.keys(changed);
        if (keys.includes(indexKey(tabId)) || keys.some((k) => k.startsWith(entryPrefix)))
          onChange();
      };
      changes.addListener(listener);
      return () => changes.removeListener(listener);
    },

    /** Adds a diagnosis unless the same request is already kept (DevTools and webRequest both saw it). */
    add(entry: StoredDiagnosis): Promise<AddResult> {
      return serialized(entry.tabId, async () => {
        const ids = await readIndex(area, entry.tabId);
        if (ids.includes(entry.id)) return { added: false, count: ids.length };
        // Dedupe across sources against the newest few entries (same request, other capture path).
        const recent = ids.slice(-20).map((id) => itemKey(entry.tabId, id));
        const got = recent.length ? await area.get(recent) : {};
        const key = diagnosisKey(entry.diagnosis);
        for (const recentKey of recent) {
          const other = got[recentKey] as StoredDiagnosis | undefined;
          if (
            other &&
            other.source !== entry.source &&
            sameRequest(diagnosisKey(other.diagnosis), key)
          ) {
            return { added: false, count: ids.length };
          }
        }
        const nextIds = [...ids, entry.id];
        const evicted = nextIds.splice(0, Math.max(0, nextIds.length - keep()));
        const write = () =>
          area.set({
            [itemKey(entry.tabId, entry.id)]: entry,
            [indexKey(entry.tabId)]: { ids: nextIds } satisfies TabIndex,
          });
        try {
          await write();
        } catch (error) {
          // storage.session is full (10 MB shared by every tab): make room from this tab's oldest
          // half and try once more; a diagnosis is worth more than its old neighbours.
          if (nextIds.length < 2) throw error;
          evicted.push(...nextIds.splice(0, Math.floor(nextIds.length / 2)));
          await area.remove(evicted.map((id) => itemKey(entry.tabId, id)));
          evicted.length = 0;
          await write();
        }
        if (evicted.length) await area.remove(evicted.map((id) => itemKey(entry.tabId, id)));
        return { added: true, count: nextIds.length };
      });
    },

    /**
     * Replaces a kept diagnosis (an active check's result written into it); false when it is no
     * longer kept (cleared or evicted meanwhile), so a late result never brings it back.
     */
    update(entry: StoredDiagnosis): Promise<boolean> {
      return serialized(entry.tabId, async () => {
        const ids = await readIndex(area, entry.tabId);
        if (!ids.includes(entry.id)) return false;
        await area.set({ [itemKey(entry.tabId, entry.id)]: entry });
        return true;
      });
    },

    /** Drops everything kept for the tab (Clear, or the tab closed). */
    clear(tabId: number): Promise<void> {
      for (const key of lastOk.keys()) if (key.startsWith(`${tabId}|`)) lastOk.delete(key);
      return serialized(tabId, async () => {
        const ids = await readIndex(area, tabId);
        await area.remove([indexKey(tabId), okKey(tabId), ...ids.map((id) => itemKey(tabId, id))]);
      });
    },

    count(tabId: number): Promise<number> {
      return readIndex(area, tabId).then((ids) => ids.length);
    },

    /**
     * True when this token is already the recorded last success of the host, route and subject
     * (`successKey`; no decoding needed).
     */
    hasLastSuccess(tabId: number, key: string, fingerprint: string): boolean {
      return lastOk.get(`${tabId}|${key}`) === fingerprint;
    },

    /** Records the last success of a host, route and subject; a no-op for the same token. */
    setLastSuccess(tabId: number, value: LastSuccess): Promise<void> {
      const entryKey = successKey(value.host, value.route, value.subject);
      const key = `${tabId}|${entryKey}`;
      if (value.fingerprint !== null) {
        if (lastOk.get(key) === value.fingerprint) return Promise.resolve();
        lastOk.set(key, value.fingerprint);
      }
      return serialized(tabId, async () => {
        const all = await readSuccesses(area, tabId);
        await area.set({ [okKey(tabId)]: { ...all, [entryKey]: value } });
      });
    },

    /** The last success comparable with a 401: same host, same route, same subject kind. */
    async lastSuccess(tabId: number, wanted: SuccessLookup): Promise<LastSuccess | null> {
      const all = await readSuccesses(area, tabId);
      const key = successKey(wanted.host, wanted.route, wanted.subject);
      return Object.hasOwn(all, key) ? (all[key] ?? null) : null;
    },
  };
}

export type TabStore = ReturnType<typeof createTabStore>;
