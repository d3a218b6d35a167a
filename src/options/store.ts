/**
 * Where the Options page reads and writes: `storage.sync` under `settings` (no secrets: issuer,
 * client id and hosts are configuration), and the host permissions extra API hosts need. Behind an
 * interface so the page renders in tests without a browser.
 */
import browser from 'webextension-polyfill';
import { syncArea } from '../shared/areas.js';
import { loadSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';

export interface OptionsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  /** Asks for host permissions: call it straight from the click, the prompt needs the gesture. */
  requestHosts(patterns: string[]): Promise<boolean>;
  /** Gives back the permissions of hosts no longer listed (never fails the save). */
  releaseHosts(patterns: string[]): Promise<void>;
}

export function createBrowserStore(): OptionsStore {
  return {
    load: () => loadSettings(syncArea),
    save: (settings) => syncArea.set({ [SETTINGS_KEY]: settings }),
    requestHosts: (patterns) =>
      patterns.length === 0
        ? Promise.resolve(true)
        : browser.permissions.request({ origins: patterns }),
    releaseHosts: async (patterns) => {
      if (patterns.length === 0) return;
      // A host under *.rhythmsoftware.com is a required permission: removing it throws. Fine.
      await browser.permissions.remove({ origins: patterns }).catch(() => false);
    },
  };
}
