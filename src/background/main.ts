/**
 * The service worker: wiring only. Every listener is registered synchronously at the top level,
 * so an event that wakes a stopped worker finds its listener (MV3 worker lifecycle).
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { CapturedRequest } from '../analyzer/index.js';
import { heldFrom } from './active/held.js';
import { parseEnvelope, PANEL_PORT_PREFIX, type PortEvent } from '../shared/messages.js';
import { sessionArea, syncArea, syncChanges } from '../shared/areas.js';
import {
  analyzerSettings,
  DEFAULT_SETTINGS,
  loadSettings,
  watchSettings,
  type Settings,
} from '../shared/settings.js';
import { WELCOME_PAGE } from '../shared/pages.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import { createTabStore } from '../shared/tab-store.js';
import { createActiveChecks } from './active/active-checks.js';
import { coalescedBadge, showCount } from './badge.js';
import { createCapture } from './capture.js';
import { opensWelcome } from './first-run.js';
import { createHandlers, dispatch } from './handlers.js';
import { createHeldTokens } from './active/held-tokens.js';
import { hostFilter, watchRequests, type WebRequestEvents } from './watch-requests.js';

const RHYTHM_API_URLS = ['*://*.api.rhythmsoftware.com/*'];

let settings: Settings = DEFAULT_SETTINGS;
/** The analyzer's view of them, made once per change (read two or three times per request). */
let checkSettings = analyzerSettings(settings);
function applySettings(next: Settings): void {
  settings = next;
  checkSettings = analyzerSettings(next);
  watchExtraHosts(next.extraApiHosts);
}
void loadSettings(syncArea).then(applySettings);
// Only storage.sync's changes: storage.onChanged would send the worker its own session writes.
watchSettings(syncChanges, applySettings);

const store = createTabStore(sessionArea, { keep: () => settings.keepPerTab });
const held = createHeldTokens();
const hold = (entry: StoredDiagnosis, request: CapturedRequest) =>
  held.hold(entry.tabId, entry.id, heldFrom(request));
const ports = new Map<number, Set<Runtime.Port>>();

function broadcast(tabId: number, event: PortEvent): void {
  for (const port of ports.get(tabId) ?? []) {
    try {
      port.postMessage(event);
    } catch {
      ports.get(tabId)?.delete(port);
    }
  }
}

/** The badge and its tooltip, which says whether 403s are counted too. */
const badge = (tabId: number, count: number) =>
  showCount(browser.action, tabId, count, settings.capture403);

/** The badge after a 401: the tab's exact count, however many arrive at once. */
const refreshBadge = coalescedBadge(badge, (tabId) => store.count(tabId));

function onDiagnosed(entry: StoredDiagnosis): void {
  refreshBadge(entry.tabId);
  broadcast(entry.tabId, { type: 'request-diagnosed', entry });
}

const capture = createCapture({
  store,
  settings: () => checkSettings,
  now: () => Date.now(),
  onDiagnosed,
  hold,
});

const webRequest = browser.webRequest as unknown as WebRequestEvents;
// The Rhythm hosts: registered synchronously here, so a request that wakes the worker finds them.
watchRequests(webRequest, capture, { urls: RHYTHM_API_URLS });

/**
 * Extra API hosts from the settings (a staging domain): a second set of listeners, replaced when
 * the settings change. They can only be added once the settings are read (storage is async), so a
 * request to such a host that itself wakes a stopped worker may be missed; the next one is seen.
 */
let unwatchExtra: (() => void) | null = null;
let watchedExtra = '';
function watchExtraHosts(hosts: readonly string[]): void {
  const key = hosts.join(' ');
  if (key === watchedExtra) return;
  watchedExtra = key;
  unwatchExtra?.();
  unwatchExtra = hosts.length ? watchRequests(webRequest, capture, hostFilter(hosts)) : null;
}

const active = createActiveChecks({
  keyCache: sessionArea,
  store,
  held,
  settings: () => checkSettings,
  fetch: (input, init) => fetch(input, init),
  hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  now: () => Date.now(),
  startedAt: Date.now(),
  onUpdated: (entry) => broadcast(entry.tabId, { type: 'diagnosis-updated', entry }),
});

const handlers = createHandlers({
  store,
  settings: () => checkSettings,
  now: () => Date.now(),
  onDiagnosed,
  async onCleared(tabId) {
    held.dropTab(tabId);
    refreshBadge(tabId, true);
    broadcast(tabId, { type: 'tab-cleared', tabId });
  },
  active,
  hold,
});

function fromThisExtension(sender: Runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''))
  );
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  if (!fromThisExtension(sender)) return undefined;
  const envelope = parseEnvelope(raw);
  if (!envelope) {
    return Promise.resolve({
      ok: false,
      error: { code: 'bad-message', message: 'Unknown or malformed message' },
    });
  }
  return dispatch(handlers, envelope);
});

browser.runtime.onConnect.addListener((port) => {
  if (!port.name.startsWith(PANEL_PORT_PREFIX) || !port.sender || !fromThisExtension(port.sender)) {
    port.disconnect();
    return;
  }
  const tabId = Number(port.name.slice(PANEL_PORT_PREFIX.length));
  if (!Number.isInteger(tabId) || tabId < 0) return port.disconnect();
  const set = ports.get(tabId) ?? new Set();
  set.add(port);
  ports.set(tabId, set);
  port.onDisconnect.addListener(() => set.delete(port));
});

// Chrome resets a tab's badge when it navigates; the diagnoses stay until the tab closes.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') refreshBadge(tabId, true);
});
browser.runtime.onInstalled.addListener((details) => {
  if (opensWelcome(details))
    void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
});
browser.tabs.onRemoved.addListener((tabId) => {
  held.dropTab(tabId);
  void store.clear(tabId);
});
