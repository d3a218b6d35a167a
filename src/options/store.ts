/**
 * Where the Options page reads and writes: `storage.sync` under `settings` (no secrets: issuer,
 * client id and hosts are configuration), and the host permissions extra API hosts need. Behind an
 * interface so the page renders in tests without a browser.
 */
import browser from 'webextension-polyfill';
import { syncArea } from '../shared/areas.js';
import { loadSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';

/** What asking for host permissions gave: the patterns still not granted, and the browser's words. */
export interface HostGrant {
  denied: string[];
  /** Why, when the browser refused by itself (no user gesture, a policy) rather than the user. */
  reason?: string;
}

export interface OptionsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  /** Asks for host permissions: call it straight from the click, the prompt needs the gesture. */
  requestHosts(patterns: string[]): Promise<HostGrant>;
  /** Gives back the permissions of hosts no longer listed (never fails the save). */
  releaseHosts(patterns: string[]): Promise<void>;
}

async function notGranted(patterns: string[]): Promise<string[]> {
  const held = await Promise.all(
    patterns.map((p) => browser.permissions.contains({ origins: [p] }).catch(() => false)),
  );
  return patterns.filter((_, i) => !held[i]);
}

export function createBrowserStore(): OptionsStore {
  return {
    load: () => loadSettings(syncArea),
    save: (settings) => syncArea.set({ [SETTINGS_KEY]: settings }),
    requestHosts: (patterns) => {
      if (patterns.length === 0) return Promise.resolve({ denied: [] });
      let asked: Promise<boolean>;
      try {
        asked = browser.permissions.request({ origins: patterns });
      } catch (error) {
        asked = Promise.reject(error);
      }
      // One prompt for all of them, granted or refused as a whole; a host another permission
      // already covers (the Rhythm hosts) counts as granted either way.
      return asked.then(
        async (granted) => ({ denied: granted ? [] : await notGranted(patterns) }),
        async (error: unknown) => ({
          denied: await notGranted(patterns),
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    },
    releaseHosts: async (patterns) => {
      if (patterns.length === 0) return;
      // A host under *.rhythmsoftware.com is a required permission: removing it throws. Fine.
      await browser.permissions.remove({ origins: patterns }).catch(() => false);
    },
  };
}
