/**
 * The panel's shell: the only module here that touches `browser.*` / `chrome.*`. It finds the tab
 * and the theme, connects to the worker (connection.ts), reads DevTools' network log
 * (devtools-network.ts) and hands what the worker missed to it with `add-captured`.
 */
import browser from 'webextension-polyfill';
import { requestKey } from '../analyzer/index.js';
import { sessionArea, storageChanges, syncArea } from '../shared/areas.js';
import { reportContext, send } from '../shared/client.js';
import { download, saveReport } from '../shared/export.js';
import {
  analyzerSettings,
  DEFAULT_SETTINGS,
  followSettings,
  type Settings,
} from '../shared/settings.js';
import type { PermissionsLike } from '../shared/rhythm-access.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import { createTabStore } from '../shared/tab-store.js';
import { copyText } from '../shared/ui/clipboard.js';
import { readNetworkHar } from './har/shell.js';
import { createHeldRequests, type HeldRequests } from './active/held-requests.js';
import { startConnection, type PortLike } from './connection.js';
import { watchNetwork, type NetworkLike, type SeenCapture } from './devtools-network.js';
import { applyTheme, devtoolsApi, resolveTabId, resolveTheme } from './environment.js';
import { createHarActions } from './har/actions.js';
import type { Panel, PanelServices } from './services.js';
import type { SeenRequest } from './entry.js';
import type { PanelStore } from './store.js';

/** How often "now" moves on the lifetime picture. */
const CLOCK_TICK_MS = 15_000;
/** Requests per `add-captured` message (the worker accepts up to 5,000). */
const ADD_BATCH = 200;

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
      held.drop('devtools:');
      await send('clear-tab', { tabId });
    },
    forgetPasted(ids) {
      held.forget(ids);
    },
    async lastSuccess(wanted) {
      return (await send('get-last-success', { tabId, ...wanted })).value;
    },
    settings: () => analyzerSettings(settings()),
    reportContext,
    now: () => Date.now(),
    copy: copyText,
    save: saveReport,
    saveHar: (text, fileName) => download(text, fileName, 'application/json'),
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

/** Starts everything for the panel's tab; returns what the views use (services, HAR actions). */
export function boot(store: PanelStore): Panel {
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
    // Without a tab (opened bare), the views still get services; the store shows why nothing loads.
    return withHar(
      store,
      createServices(-1, false, () => DEFAULT_SETTINGS),
    );
  }

  let settings = DEFAULT_SETTINGS;
  const held = createHeldRequests();
  const tabs = createTabStore(sessionArea);
  startConnection({
    tabId,
    connect: (name) => browser.runtime.connect({ name }) as unknown as PortLike,
    readTab: (id) => tabs.read(id),
    dispatch: (event) => store.dispatch(event),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  setInterval(() => (store.clock.value = Date.now()), CLOCK_TICK_MS);

  const network = devtools?.network as NetworkLike | undefined;
  network?.onNavigated?.addListener((url) => {
    if (typeof url === 'string') store.dispatch({ type: 'navigated', url, at: Date.now() });
  });
  // A change on the Options page applies to what is seen and pasted from then on.
  void followSettings(syncArea, storageChanges, (next) => (settings = next)).then(() => {
    if (!network) return;
    watchNetwork({
      network,
      // Read at each request.
      settings: () => analyzerSettings(settings),
      onSeen: (captures) => {
        for (const c of captures) held.hold(`devtools:${c.key}`, c.request);
        handOver(store, tabId, captures);
      },
    });
  });
  return withHar(
    store,
    createServices(
      tabId,
      network !== undefined,
      () => settings,
      held,
      () => store.state.value.seen,
    ),
  );
}

function withHar(store: PanelStore, services: PanelServices): Panel {
  return { store, services, har: createHarActions(store, services) };
}

/**
 * Keeps DevTools' copy (for the body, matched by request key: the panel does not analyze it), and
 * gives the worker what it may have missed; the worker diagnoses them.
 */
function handOver(store: PanelStore, tabId: number, captures: SeenCapture[]): void {
  store.dispatch({
    type: 'devtools-seen',
    requests: captures.map((c) => ({
      key: c.key,
      requestKey: requestKey(c.request),
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
