/**
 * The extension's storage areas, typed once. One of the two modules of src/shared/ that touch the
 * browser (client.ts is the other): webextension-polyfill types `storage.session` loosely (and
 * Firefox's polyfill types predate it), so the one cast of it is here, not in every page.
 */
import browser from 'webextension-polyfill';
import { areaChanges, type AreaChangeEvent, type SyncArea } from './settings.js';
import type { SessionArea, StorageChanges } from './tab-store.js';

/** `storage.session`: per-tab diagnoses, in memory only (SPEC §7). */
export const sessionArea = browser.storage.session as unknown as SessionArea;
/** `storage.sync`: the settings (no secrets). */
export const syncArea: SyncArea = browser.storage.sync;
/** `storage.onChanged`, for every area. */
export const storageChanges: StorageChanges = browser.storage.onChanged;
/**
 * `storage.sync`'s changes only (its own `onChanged`): the settings' watcher in the worker, which
 * so is not sent its own `storage.session` writes.
 */
export const syncChanges: StorageChanges = areaChanges(
  (browser.storage.sync as unknown as { onChanged?: AreaChangeEvent }).onChanged,
  'sync',
  storageChanges,
);
