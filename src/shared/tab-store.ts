/**
 * Per-tab diagnoses in `chrome.storage.session` (memory only, never disk; SPEC §7). Layout, so a
 * burst of 401s writes one small record each instead of rewriting the whole list:
 *   `tab:<tabId>`          → TabIndex (ids, newest last; at most `keep`)
 *   `d:<tabId>:<id>`       → StoredDiagnosis as JSON text (at most ENTRY_CAP_BYTES: entry-cap.ts)
 *   `ok:<tabId>`           → { ["<host> <route> <subject>"]: LastSuccess }
 *
 * Under a storm (SPEC §7, §9: 5,000 401s in seconds) the writer (the service worker) keeps each
 * tab it writes to in memory, loaded once from storage after the worker starts, and group-commits:
 * the changes made while a write is under way go out together in the next one, one `remove` and
 * one `set` per tab. An `add` resolves once its write is done, so what the badge and the panel are
 * told is in storage: the worker may die at any moment and storage stays the truth (a restarted
 * worker loads it again). Pages that only read (popup, panel) never load a tab: they read storage.
 *
 * Entries are stored as their JSON text, not as objects: the store has that text already (an
 * entry's size is its JSON's length), and a string crosses to the browser process as one value.
 * An object is converted member by member, by the worker and again by the browser: a commit of
 * 100 diagnoses cost 26–28 ms of the worker's time and 31–33 ms of CPU in all, against 4 ms as
 * text (measured in Chromium). Objects, as older versions wrote them, are still read.
 *
 * Fair storage: each tab has its own share (TAB_SHARE_BYTES) and evicts only its own oldest
 * diagnoses to stay within it, so one tab's large tokens never push out another tab's 401s.
 */
import { diagnosisKey, sameRequest, successKey, type RequestKey } from '../analyzer/index.js';
import { capEntrySized } from './entry-cap.js';
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
/**
 * Each tab's share of `storage.session` (10 MB for every tab of the browser): sixteen tabs at their
 * share fit. 100 typical diagnoses (about 4 KB each) stay well within it; a tab of large tokens
 * (each diagnosis at the 8 KB cap) keeps its newest 80 or so.
 */
export const TAB_SHARE_BYTES = 640_000;
/** How many of a tab's newest diagnoses a new one is compared with (the same request, other path). */
const DEDUPE_WINDOW = 20;
/**
 * Under a storm, at most one commit per tab this often: 401s one after another are written at
 * once (a commit that answered one caller does not wait), a storm's in batches of a quarter second
 * while the tab fills (each commit costs the worker an IPC and the index; halving the commits took
 * a fifth off its time under a storm). An add resolves only once written: a worker that dies loses
 * no 401 it has counted, only those of the last quarter second (the last second once the tab is
 * full), not yet on the badge or in the panel.
 */
const COMMIT_INTERVAL_MS = 250;
/**
 * The spacing once the tab is full (it keeps `keep` diagnoses and each new one evicts the oldest):
 * its badge can no longer change, and each commit writes up to `keep` whole diagnoses that the next
 * ones evict unread. Each is converted by the worker (about 0.3 ms per 5 KB diagnosis) and stored by
 * the browser process, which every request of the page passes through while the worker has
 * webRequest listeners: at a storm's 300 401s a second, commits a quarter second apart wrote about
 * every one, one a second writes a third of them. The panel's list then follows once a second.
 */
const FULL_COMMIT_INTERVAL_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

export interface TabStoreOptions {
  /** How many diagnoses a tab keeps (the Options page; at most 100). */
  keep?: () => number;
  /** Where `watch` hears of changes: `storage.onChanged` (pages that only read pass this). */
  changes?: StorageChanges;
  /** Each tab's share of storage.session, in bytes (tests pass a small one). */
  tabShareBytes?: number;
}

/** A tab as the writer holds it: what storage has, plus the changes of the write to come. */
interface TabState {
  /** Kept ids, newest last, and what is kept of each. */
  ids: string[];
  kept: Map<string, Kept>;
  bytes: number;
  successes: Record<string, LastSuccess>;
  /** Keys to write and to remove in the next commit. */
  dirty: Set<string>;
  removed: Set<string>;
  /** The callers waiting for the next commit. */
  waiting: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
  /** The commit under way, if any. */
  writing: Promise<void> | null;
  /** Set after a failed write: the next operation loads the tab from storage again. */
  stale: boolean;
  /** When the last commit started (epoch ms). */
  lastCommit: number;
  /** How many callers the last commit answered: more than one means 401s come faster than writes. */
  lastBatch: number;
}

/** A kept diagnosis, with its JSON (what is stored; its length is the size) and its request key (for the dedupe). */
interface Kept {
  entry: StoredDiagnosis;
  json: string;
  key: RequestKey;
}

const isEntry = (value: unknown): value is StoredDiagnosis =>
  typeof value === 'object' && value !== null;

/** A stored entry read back: its JSON text parsed (an object as older versions stored it, kept). */
function parseStored(value: unknown): StoredDiagnosis | null {
  if (typeof value !== 'string') return isEntry(value) ? value : null;
  try {
    const parsed: unknown = JSON.parse(value);
    return isEntry(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function createTabStore(area: SessionArea, options: TabStoreOptions = {}) {
  /** The tabs this store wrote to (the writer's memory); each one's operations run in order. */
  const tabs = new Map<
    number,
    { state: Promise<TabState>; last: Promise<unknown>; queued: number }
  >();
  /**
   * The token fingerprint last written per `<tabId>|<host>`, so a run of 200s writes once. It lives
   * here, beside `clear`, so clearing a tab also forgets it (else the same token would never be
   * recorded again after a Clear). Lost with the worker: the next 200 then writes once more.
   */
  const lastOk = new Map<string, string>();
  const keep = () => Math.max(1, options.keep?.() ?? DEFAULT_KEEP);
  const share = options.tabShareBytes ?? TAB_SHARE_BYTES;

  async function load(tabId: number): Promise<TabState> {
    const ids = await readIndex(area, tabId);
    const got = await area.get([...ids.map((id) => itemKey(tabId, id)), okKey(tabId)]);
    const state: TabState = {
      ids: [],
      kept: new Map(),
      bytes: 0,
      successes: {},
      dirty: new Set(),
      removed: new Set(),
      waiting: [],
      writing: null,
      stale: false,
      lastCommit: 0,
      lastBatch: 0,
    };
    for (const id of ids) {
      const value = got[itemKey(tabId, id)];
      const entry = parseStored(value);
      if (entry) remember(state, entry, typeof value === 'string' ? value : JSON.stringify(entry));
    }
    const ok = got[okKey(tabId)];
    if (ok && typeof ok === 'object') state.successes = ok as Record<string, LastSuccess>;
    return state;
  }

  /** Keeps an entry in the tab's memory with its JSON (its request key computed once, by the caller if known). */
  function remember(
    state: TabState,
    entry: StoredDiagnosis,
    json: string,
    key = diagnosisKey(entry.diagnosis),
  ): void {
    const before = state.kept.get(entry.id);
    if (!before) state.ids.push(entry.id);
    state.bytes += json.length - (before?.json.length ?? 0);
    state.kept.set(entry.id, { entry, json, key });
  }

  /** Forgets the oldest `n` entries of the tab and marks their keys for removal. */
  function evict(state: TabState, tabId: number, n: number): void {
    for (const id of state.ids.splice(0, n)) {
      state.bytes -= state.kept.get(id)?.json.length ?? 0;
      state.kept.delete(id);
      const key = itemKey(tabId, id);
      state.dirty.delete(key);
      state.removed.add(key);
    }
  }

  /** Runs `job` on the tab's state after the operations queued before it (loads it the first time). */
  function withTab<T>(tabId: number, job: (state: TabState) => T | Promise<T>): Promise<T> {
    let tab = tabs.get(tabId);
    if (!tab) {
      const state = load(tabId);
      const created = { state, last: state as Promise<unknown>, queued: 0 };
      // A tab that could not be read is read again by the next operation.
      state.catch(() => tabs.get(tabId) === created && tabs.delete(tabId));
      tab = created;
      tabs.set(tabId, tab);
    }
    const current = tab;
    current.queued++;
    const run = current.last
      .then(
        () => current.state,
        () => current.state,
      )
      .then(async (state) => {
        if (state.stale) {
          current.state = load(tabId);
          return job(await current.state);
        }
        return job(state);
      });
    current.last = run.catch(() => undefined).finally(() => current.queued--);
    return run;
  }

  /** Forgets a cleared tab once nothing is queued or being written for it (a closed tab's memory). */
  function forget(tabId: number): void {
    const tab = tabs.get(tabId);
    if (!tab) return;
    const last = tab.last;
    void last.then(async () => {
      const state = await tab.state.catch(() => null);
      const idle =
        state !== null && !state.writing && state.waiting.length === 0 && state.ids.length === 0;
      if (idle && tabs.get(tabId) === tab && tab.last === last && tab.queued === 0)
        tabs.delete(tabId);
    });
  }

  /** Resolves once the state's changes so far are in storage (one commit for all who wait). */
  function commit(tabId: number, state: TabState): Promise<void> {
    const done = new Promise<void>((resolve, reject) => state.waiting.push({ resolve, reject }));
    if (!state.writing) state.writing = write(tabId, state);
    return done;
  }

  async function write(tabId: number, state: TabState): Promise<void> {
    while (state.waiting.length) {
      // Let the events of this turn join the commit, and under a storm (the last commit answered
      // several callers: 401s come faster than writes) those of the next few hundred milliseconds
      // too (each commit costs the worker an IPC). One 401 after another is written at once.
      const storm = state.lastBatch > 1;
      const until = (spacing: number) => Math.max(0, state.lastCommit + spacing - Date.now());
      await sleep(storm ? until(COMMIT_INTERVAL_MS) : 0);
      // Full by now (each new 401 evicts the oldest, the badge can no longer change): longer.
      if (storm && state.ids.length >= keep() && until(FULL_COMMIT_INTERVAL_MS) > 0)
        await sleep(until(FULL_COMMIT_INTERVAL_MS));
      state.lastCommit = Date.now();
      const waiting = state.waiting.splice(0);
      state.lastBatch = waiting.length;
      try {
        await flush(tabId, state);
        for (const w of waiting) w.resolve();
      } catch (error) {
        // What storage holds is the truth: every caller still waiting fails, and the next
        // operation loads the tab again.
        state.stale = true;
        state.dirty.clear();
        state.removed.clear();
        for (const w of [...waiting, ...state.waiting.splice(0)]) w.reject(error);
      }
    }
    state.writing = null;
  }

  function pendingItems(tabId: number, state: TabState): Record<string, unknown> {
    const items: Record<string, unknown> = { [indexKey(tabId)]: { ids: [...state.ids] } };
    for (const key of state.dirty) {
      if (key === okKey(tabId)) items[key] = state.successes;
      else {
        const json = state.kept.get(key.slice(itemKey(tabId, '').length))?.json;
        if (json !== undefined) items[key] = json;
      }
    }
    return items;
  }

  async function flush(tabId: number, state: TabState): Promise<void> {
    const removed = [...state.removed];
    state.removed.clear();
    let items = pendingItems(tabId, state);
    state.dirty.clear();
    if (removed.length) await area.remove(removed);
    try {
      await area.set(items);
    } catch (error) {
      // storage.session is full (10 MB for every tab): make room from this tab's own oldest half
      // and try once more; a diagnosis is worth more than its old neighbours.
      if (state.ids.length < 2) throw error;
      for (const key of Object.keys(items))
        if (key.startsWith(itemKey(tabId, ''))) state.dirty.add(key);
      evict(state, tabId, Math.floor(state.ids.length / 2));
      await area.remove([...state.removed]);
      state.removed.clear();
      items = pendingItems(tabId, state);
      state.dirty.clear();
      await area.set(items);
    }
  }

  function count(tabId: number): Promise<number> {
    if (tabs.has(tabId)) return withTab(tabId, (state) => state.ids.length);
    return readIndex(area, tabId).then((ids) => ids.length);
  }

  return {
    /** How many tabs this store holds in memory (tests: a cleared tab is let go). */
    get loadedTabs(): number {
      return tabs.size;
    },

    /** The tab's diagnoses, newest first. */
    async read(tabId: number): Promise<StoredDiagnosis[]> {
      const tab = tabs.get(tabId);
      if (tab) {
        return withTab(tabId, (state) =>
          state.ids.map((id) => state.kept.get(id)!.entry).reverse(),
        );
      }
      const ids = await readIndex(area, tabId);
      if (ids.length === 0) return [];
      const keys = ids.map((id) => itemKey(tabId, id));
      const got = await area.get(keys);
      const out: StoredDiagnosis[] = [];
      for (let i = keys.length - 1; i >= 0; i--) {
        const entry = parseStored(got[keys[i]!]);
        if (entry) out.push(entry);
      }
      return out;
    },

    /** One kept diagnosis, or null when it is not (or no longer) kept. */
    async entry(tabId: number, id: string): Promise<StoredDiagnosis | null> {
      if (tabs.has(tabId)) return withTab(tabId, (state) => state.kept.get(id)?.entry ?? null);
      const key = itemKey(tabId, id);
      return parseStored((await area.get(key))[key]);
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

    /**
     * Adds a diagnosis unless the same request is already kept (DevTools and webRequest both saw
     * it); resolves once it is in storage, with the tab's count right after it was added.
     */
    add(input: StoredDiagnosis): Promise<AddResult> {
      const tabId = input.tabId;
      return withTab(tabId, (state) => {
        if (state.kept.has(input.id)) return { added: false, done: null };
        // Dedupe across sources against the newest few entries (same request, other capture path).
        const key = diagnosisKey(input.diagnosis);
        for (const id of state.ids.slice(-DEDUPE_WINDOW)) {
          const other = state.kept.get(id);
          if (other && other.entry.source !== input.source && sameRequest(other.key, key))
            return { added: false, done: null };
        }
        const { entry, json } = capEntrySized(input);
        remember(state, entry, json, key);
        state.dirty.add(itemKey(tabId, entry.id));
        state.removed.delete(itemKey(tabId, entry.id));
        const over = state.ids.length - keep();
        if (over > 0) evict(state, tabId, over);
        // This tab's own share of storage: its oldest go first, never another tab's.
        let n = 0;
        let total = state.bytes;
        while (total > share && n < state.ids.length - 1)
          total -= state.kept.get(state.ids[n++]!)?.json.length ?? 0;
        if (n) evict(state, tabId, n);
        return { added: true, done: commit(tabId, state).then(() => state.ids.length) };
      }).then(async ({ added, done }) => {
        // The count once this add is in storage (what the badge shows), read from the state the
        // commit wrote, without queueing behind the tab's operations once more (a storm's 5,000).
        return { added, count: done ? await done : await count(tabId) };
      });
    },

    /**
     * Replaces a kept diagnosis (an active check's result written into it); false when it is no
     * longer kept (cleared or evicted meanwhile), so a late result never brings it back.
     */
    update(input: StoredDiagnosis): Promise<boolean> {
      return withTab(input.tabId, (state) => {
        if (!state.kept.has(input.id)) return { done: null };
        const { entry, json } = capEntrySized(input);
        remember(state, entry, json);
        state.dirty.add(itemKey(input.tabId, input.id));
        return { done: commit(input.tabId, state) };
      }).then(async ({ done }) => {
        await done;
        return done !== null;
      });
    },

    /** Drops everything kept for the tab (Clear, or the tab closed). */
    clear(tabId: number): Promise<void> {
      for (const key of lastOk.keys()) if (key.startsWith(`${tabId}|`)) lastOk.delete(key);
      return withTab(tabId, async (state) => {
        const all = [
          indexKey(tabId),
          okKey(tabId),
          ...state.ids.map((id) => itemKey(tabId, id)),
          ...state.removed,
        ];
        const waiting = state.writing;
        evict(state, tabId, state.ids.length);
        state.successes = {};
        state.dirty.clear();
        state.removed.clear();
        // After the commit under way (it may still write what was there), the tab's keys go.
        await waiting?.catch(() => undefined);
        await area.remove(all);
      }).then(() => forget(tabId));
    },

    /** How many diagnoses the tab keeps (the badge's number). */
    count,

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
      return withTab(tabId, (state) => {
        state.successes = { ...state.successes, [entryKey]: value };
        state.dirty.add(okKey(tabId));
        return { done: commit(tabId, state) };
      }).then(({ done }) => done);
    },

    /** The last success comparable with a 401: same host, same route, same subject kind. */
    async lastSuccess(tabId: number, wanted: SuccessLookup): Promise<LastSuccess | null> {
      const all = tabs.has(tabId)
        ? await withTab(tabId, (state) => state.successes)
        : await readSuccesses(area, tabId);
      const key = successKey(wanted.host, wanted.route, wanted.subject);
      return Object.hasOwn(all, key) ? (all[key] ?? null) : null;
    },
  };
}

export type TabStore = ReturnType<typeof createTabStore>;
