/**
 * The panel's shell: the only module here that touches `browser.*` / `chrome.*`. It finds the tab
 * and the theme, connects to the worker (connection.ts), reads DevTools' network log
 * (devtools-network.ts) and hands what the worker missed to it with `add-captured`.
 */
import browser from 'webextension-polyfill';
import { analyze } from '../analyzer/analyze.js';
import { isRhythmApiHost } from '../analyzer/rhythm.js';
import { send } from '../shared/client.js';
import { saveFile } from '../shared/export.js';
import {
  analyzerSettings,
  capturedStatuses,
  DEFAULT_SETTINGS,
  parseSettings,
  SETTINGS_KEY,
  type Settings,
} from '../shared/settings.js';
import type { PermissionsLike } from '../shared/rhythm-access.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import { readTab, type SessionArea } from '../shared/tab-store.js';
import { copyText } from './clipboard.js';
import { readNetworkHar, saveHarFile } from './har-shell.js';
import { createHeldRequests, type HeldRequests } from './held-requests.js';
import { startConnection, type PortLike } from './connection.js';
import { watchNetwork, type NetworkLike, type SeenCapture } from './devtools-network.js';
import { currentBrowserName } from '../shared/browser-name.js';
import { applyTheme, devtoolsApi, resolveTabId, resolveTheme } from './environment.js';
import type { PanelServices } from './services.js';
import type { SeenRequest } from './state.js';
import type { PanelStore } from './store.js';

/** How often "now" moves on the lifetime picture. */
const CLOCK_TICK_MS = 15_000;
/** Requests per `add-captured` message (the worker accepts up to 5,000). */
const ADD_BATCH = 200;

async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.sync.get(SETTINGS_KEY);
    return parseSettings(got[SETTINGS_KEY]);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function createServices(
  tabId: number,
  inDevtools: boolean,
  settings: () => Settings,
  held: HeldRequests = createHeldRequests(),
  seen: () => readonly SeenRequest[] = () => [],
): PanelServices {
  const heldFor = (entry: StoredDiagnosis) => {
    const request = held.find(entry, seen());
    return request ? { request } : {};
  };
  return {
    tabId,
    inDevtools,
    async clearTab() {
      held.drop('');
      await send('clear-tab', { tabId });
    },
    async lastSuccess(host) {
      return (await send('get-last-success', { tabId, host })).value;
    },
    settings: () => analyzerSettings(settings()),
    reportContext: () => ({
      extensionVersion: browser.runtime.getManifest().version,
      browser: currentBrowserName(),
      generatedAt: Date.now(),
    }),
    now: () => Date.now(),
    copy: copyText,
    save: saveFile,
    saveHar: saveHarFile,
    ...(inDevtools ? { networkHar: readNetworkHar } : {}),
    active: {
      plan: (entry) => send('plan-active', { tabId, entryId: entry.id, ...heldFor(entry) }),
      run: (entry, action, url) =>
        send('run-active', { tabId, entryId: entry.id, action, url, ...heldFor(entry) }),
      // No await before this call: Chrome shows the prompt only inside the click's user gesture.
      requestPermission: (pattern) => browser.permissions.request({ origins: [pattern] }),
      holdRequest: (entryId, request) => held.hold(entryId, request),
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
    permissions: browser.permissions as unknown as PermissionsLike,
  };
}

/** Starts everything for a known tab; returns the services the views use. */
export function boot(store: PanelStore): PanelServices | null {
  const devtools = devtoolsApi();
  const root = document.documentElement;
  applyTheme(root, resolveTheme(location.search, devtools?.panels.themeName));
  devtools?.panels.setThemeChangeHandler?.((name) =>
    applyTheme(root, resolveTheme(location.search, name)),
  );

  const tabId = resolveTabId(location.search, devtools);
  if (tabId === null) {
    store.dispatch({
      type: 'connection-failed',
      message: 'no tab to watch. Open this panel in DevTools, or as a page with ?tabId=<tab id>.',
    });
    return null;
  }

  let settings = DEFAULT_SETTINGS;
  const held = createHeldRequests();
  const area = browser.storage.session as unknown as SessionArea;
  startConnection({
    tabId,
    connect: (name) => browser.runtime.connect({ name }) as unknown as PortLike,
    readTab: (id) => readTab(area, id),
    dispatch: (event) => store.dispatch(event),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  setInterval(() => (store.clock.value = Date.now()), CLOCK_TICK_MS);

  const network = devtools?.network as NetworkLike | undefined;
  void loadSettings().then((loaded) => {
    settings = loaded;
    if (!network) return;
    watchNetwork({
      network,
      // Read at each request: a change on the Options page applies from the next one.
      isApiHost: (host) => isRhythmApiHost(host) || settings.extraApiHosts.includes(host),
      get statuses() {
        return capturedStatuses(settings);
      },
      onSeen: (captures) => {
        for (const c of captures) held.hold(`devtools:${c.key}`, c.request);
        handOver(store, tabId, captures, analyzerSettings(settings));
      },
    });
  });
  // Settings changed on the Options page: what is seen and pasted from now on uses them.
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync' && changes[SETTINGS_KEY])
      settings = parseSettings(changes[SETTINGS_KEY].newValue);
  });
  return createServices(
    tabId,
    network !== undefined,
    () => settings,
    held,
    () => store.state.value.seen,
  );
}

/** Keeps DevTools' copy (for the body), and gives the worker what it may have missed. */
function handOver(
  store: PanelStore,
  tabId: number,
  captures: SeenCapture[],
  settings: ReturnType<typeof analyzerSettings>,
): void {
  store.dispatch({
    type: 'devtools-seen',
    requests: captures.map((c) => ({
      key: c.key,
      diagnosis: analyze(c.request, settings),
      ...(c.responseBody !== undefined ? { body: c.responseBody } : {}),
    })),
  });
  // The worker dedupes (same key, or the same request it captured itself) and counts the rest.
  for (let i = 0; i < captures.length; i += ADD_BATCH) {
    void send('add-captured', { tabId, requests: captures.slice(i, i + ADD_BATCH) }).catch(
      (error: unknown) =>
        store.dispatch({
          type: 'notice',
          message: `DevTools saw ${captures.length} 401(s) the extension could not record: ${
            error instanceof Error ? error.message : String(error)
          }`,
        }),
    );
  }
}
