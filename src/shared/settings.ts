/**
 * User settings (Options page, issue 7), kept in `storage.sync`. No secrets: issuer, client id
 * and hosts are configuration, not credentials.
 */
import type { AnalyzerSettings } from '../analyzer/index.js';
import type { StorageChanges, StorageListener } from './tab-store.js';

export interface Settings {
  expectedIssuer: string;
  expectedClientId: string;
  extraApiHosts: string[];
  capture403: boolean;
  keepPerTab: number;
}

export const DEFAULT_SETTINGS: Settings = {
  expectedIssuer: '',
  expectedClientId: '',
  extraApiHosts: [],
  capture403: false,
  keepPerTab: 100,
};

export const SETTINGS_KEY = 'settings';
export const MAX_KEEP_PER_TAB = 100;

/** Reads whatever is stored, keeping only well-typed fields. */
export function parseSettings(raw: unknown): Settings {
  const s = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v.trim() : d);
  const keep =
    typeof s.keepPerTab === 'number' && Number.isInteger(s.keepPerTab) ? s.keepPerTab : 100;
  return {
    expectedIssuer: str(s.expectedIssuer, ''),
    expectedClientId: str(s.expectedClientId, ''),
    extraApiHosts: Array.isArray(s.extraApiHosts)
      ? s.extraApiHosts
          .filter((h): h is string => typeof h === 'string')
          .map((h) => h.trim().toLowerCase())
          .filter((h) => h !== '')
      : [],
    capture403: s.capture403 === true,
    // SPEC §7: at most 100 per tab (storage.session holds 10 MB for every tab together).
    keepPerTab: Math.min(MAX_KEEP_PER_TAB, Math.max(1, keep)),
  };
}

export function analyzerSettings(settings: Settings): AnalyzerSettings {
  return {
    ...(settings.expectedIssuer ? { expectedIssuer: settings.expectedIssuer } : {}),
    ...(settings.expectedClientId ? { expectedClientId: settings.expectedClientId } : {}),
    ...(settings.extraApiHosts.length ? { extraApiHosts: settings.extraApiHosts } : {}),
    ...(settings.capture403 ? { capture403: true } : {}),
  };
}

/** The slice of `storage.sync` the settings need (src/shared/areas.ts gives the real one). */
export interface SyncArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The settings as stored (parsed: anything malformed becomes its default). Rejects when storage does. */
export async function loadSettings(area: SyncArea): Promise<Settings> {
  return parseSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** A listener of one area's own `onChanged`: it gets the changes only, not the area's name. */
type AreaListener = (changes: Record<string, { newValue?: unknown }>) => void;

/** One storage area's own `onChanged` (`storage.sync.onChanged`). */
export interface AreaChangeEvent {
  addListener(listener: AreaListener): void;
  removeListener(listener: AreaListener): void;
}

/**
 * The changes of one area (`areaName`) as a `StorageChanges`, from the area's own event where the
 * browser has it, else from `all` (every area's). The worker hears of the settings this way: on
 * `storage.onChanged` it would also be sent every `storage.session` write of its own (a storm's
 * hundreds of diagnoses per commit, each deserialized in the worker only to be ignored).
 */
export function areaChanges(
  event: AreaChangeEvent | undefined,
  areaName: string,
  all: StorageChanges,
): StorageChanges {
  if (!event || typeof event.addListener !== 'function') return all;
  const wrapped = new Map<StorageListener, AreaListener>();
  return {
    addListener(listener) {
      if (wrapped.has(listener)) return;
      const own: AreaListener = (changes) => listener(changes, areaName);
      wrapped.set(listener, own);
      event.addListener(own);
    },
    removeListener(listener) {
      const own = wrapped.get(listener);
      if (!own) return;
      wrapped.delete(listener);
      event.removeListener(own);
    },
  };
}

/** Calls `onChange` with the new settings whenever the Options page saves them. */
export function watchSettings(changes: StorageChanges, onChange: (next: Settings) => void): void {
  changes.addListener((changed, areaName) => {
    if (areaName === 'sync' && changed[SETTINGS_KEY])
      onChange(parseSettings(changed[SETTINGS_KEY].newValue));
  });
}

/**
 * The settings now and from now on, for a page: `onChange` gets the stored ones (the defaults when
 * storage fails), then every saved change. Resolves once the first ones are in.
 */
export async function followSettings(
  area: SyncArea,
  changes: StorageChanges,
  onChange: (next: Settings) => void,
): Promise<void> {
  watchSettings(changes, onChange);
  onChange(await loadSettings(area).catch(() => DEFAULT_SETTINGS));
}
