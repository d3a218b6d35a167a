/**
 * The panel's line to the service worker: a port named `panel:<tabId>` for live events. The MV3
 * worker dies when idle and its ports disconnect with it; connecting again wakes it, and the tab
 * is read again from `storage.session` (the source of truth), so nothing pushed while the port was
 * down is missed. Browser-free: the caller passes `connect` and `readTab`.
 */
import { PANEL_PORT_PREFIX, type PortEvent } from '../shared/messages.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import type { PanelEvent } from './state.js';

export interface PortLike {
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface ConnectionDeps {
  tabId: number;
  connect(name: string): PortLike;
  readTab(tabId: number): Promise<StoredDiagnosis[]>;
  dispatch(event: PanelEvent): void;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The delay before the n-th reconnection: quick at first (a worker restart), then backing off. */
export function reconnectDelay(attempt: number): number {
  return Math.min(5000, 100 * 2 ** Math.max(0, attempt - 1));
}

/** After this long without a disconnect the connection counts as healthy again. */
export const STABLE_MS = 10_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Validates a port message (STYLE.md: listeners receive `unknown`). */
export function parsePortEvent(raw: unknown): PortEvent | null {
  if (!isObject(raw)) return null;
  if (raw.type === 'tab-cleared' && typeof raw.tabId === 'number')
    return raw as unknown as PortEvent;
  if (
    (raw.type === 'request-diagnosed' || raw.type === 'diagnosis-updated') &&
    isObject(raw.entry)
  ) {
    const e = raw.entry;
    const d = e.diagnosis;
    const ok =
      typeof e.id === 'string' &&
      typeof e.tabId === 'number' &&
      typeof e.capturedAt === 'number' &&
      isObject(d) &&
      isObject(d.request) &&
      Array.isArray(d.checks) &&
      isObject(d.token);
    return ok ? (raw as unknown as PortEvent) : null;
  }
  return null;
}

export function startConnection(deps: ConnectionDeps): { stop(): void } {
  let attempt = 0;
  let port: PortLike | null = null;
  let stopped = false;
  let timer: unknown = null;
  let stable: unknown = null;

  const schedule = (run: () => void, ms: number) => {
    if (timer !== null) deps.clearTimeout(timer);
    timer = deps.setTimeout(() => {
      timer = null;
      run();
    }, ms);
  };

  const open = () => {
    if (stopped) return;
    deps.dispatch({ type: 'connecting', attempt });
    let current: PortLike;
    try {
      current = deps.connect(`${PANEL_PORT_PREFIX}${deps.tabId}`);
    } catch (error) {
      // The extension was reloaded or removed: this page's context is gone for good.
      deps.dispatch({
        type: 'connection-failed',
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    port = current;
    current.onMessage.addListener((raw) => {
      if (port !== current) return;
      const event = parsePortEvent(raw);
      if (!event) return;
      switch (event.type) {
        case 'request-diagnosed':
          if (event.entry.tabId === deps.tabId)
            deps.dispatch({ type: 'request-diagnosed', entry: event.entry });
          break;
        case 'diagnosis-updated':
          if (event.entry.tabId === deps.tabId)
            deps.dispatch({ type: 'entry-updated', entry: event.entry });
          break;
        case 'tab-cleared':
          if (event.tabId === deps.tabId) deps.dispatch({ type: 'tab-cleared' });
          break;
        default: {
          const unhandled: never = event;
          return unhandled;
        }
      }
    });
    current.onDisconnect.addListener(() => {
      if (port !== current || stopped) return;
      port = null;
      if (stable !== null) deps.clearTimeout(stable);
      stable = null;
      attempt += 1;
      deps.dispatch({ type: 'connecting', attempt });
      schedule(open, reconnectDelay(attempt));
    });
    if (stable !== null) deps.clearTimeout(stable);
    stable = deps.setTimeout(() => {
      stable = null;
      attempt = 0;
    }, STABLE_MS);
    deps.dispatch({ type: 'sync-started' });
    deps.readTab(deps.tabId).then(
      (entries) => {
        if (port === current) deps.dispatch({ type: 'synced', entries });
      },
      (error: unknown) =>
        deps.dispatch({
          type: 'connection-failed',
          message: `Could not read this tab's diagnoses: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  };

  open();
  return {
    stop() {
      stopped = true;
      if (timer !== null) deps.clearTimeout(timer);
      if (stable !== null) deps.clearTimeout(stable);
      port?.disconnect();
      port = null;
    },
  };
}
