/**
 * User settings (Options page, issue 7), kept in `storage.sync`. No secrets: issuer, client id
 * and hosts are configuration, not credentials.
 */
import type { AnalyzerSettings } from '../analyzer/index.js';
import type { StorageChanges } from './tab-store.js';

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
