/**
 * An in-memory `chrome.storage.session` for unit tests. Like the real area it is asynchronous,
 * hands out copies (a caller mutating what it read does not change what is stored, nor does
 * mutating what it wrote afterwards), answers `get(null)` with everything, and leaves missing keys
 * out of a `get` instead of reporting them as `undefined`.
 * https://developer.chrome.com/docs/extensions/reference/api/storage#type-StorageArea
 */
import type {
  SessionArea,
  StorageChanges,
  StorageListener,
} from '../../../src/shared/tab-store.js';

export interface MemoryArea extends SessionArea {
  /** A copy of everything stored, for assertions. */
  snapshot(): Record<string, unknown>;
  /** The stored keys, sorted. */
  keys(): string[];
  /** `storage.onChanged` for this area: every write and removal, as the area `session`. */
  changes: StorageChanges;
}

/** Resolve on a later turn, as the real area's IPC does, so unserialized writes would interleave. */
const later = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createMemoryArea(initial: Record<string, unknown> = {}): MemoryArea {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  const list = (keys: string | string[]) => (typeof keys === 'string' ? [keys] : keys);
  const listeners = new Set<StorageListener>();
  const changed = (changes: Record<string, { newValue?: unknown }>) => {
    for (const listener of listeners) listener(changes, 'session');
  };

  return {
    async get(keys) {
      // Read when the call is made (the real area queues operations in call order).
      const wanted = keys === null ? [...data.keys()] : list(keys);
      const out: Record<string, unknown> = {};
      for (const key of wanted) if (data.has(key)) out[key] = structuredClone(data.get(key));
      await later();
      return out;
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
      await later();
      changed(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])));
    },
    async remove(keys) {
      const gone = list(keys).filter((key) => data.delete(key));
      await later();
      if (gone.length) changed(Object.fromEntries(gone.map((k) => [k, {}])));
    },
    changes: {
      addListener: (listener) => void listeners.add(listener),
      removeListener: (listener) => void listeners.delete(listener),
    },
    snapshot() {
      return structuredClone(Object.fromEntries(data));
    },
    keys() {
      return [...data.keys()].sort();
    },
  };
}
