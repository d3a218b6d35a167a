/**
 * The webRequest listeners of the capture pipeline for one URL filter. SPEC §9: the worker runs no
 * code for other hosts, so every listener is filtered; the Rhythm hosts get one set at the top
 * level of main.ts, the extra hosts of the settings another, replaced when they change.
 */
import type { Capture } from './capture.js';
import {
  addGuarded,
  extraInfoSpec,
  logFailure,
  preflightsReachOnCompleted,
  type RegistrationFailure,
  type SpecEvent,
} from './listeners.js';

type Listener<T> = (details: T) => void;
interface WebRequestEvent<T> {
  addListener(listener: Listener<T>, filter: { urls: string[] }, extra?: string[]): void;
  removeListener(listener: Listener<T>): void;
}

type Details<K extends keyof Capture> = Capture[K] extends (d: infer D) => unknown ? D : never;

/** The slice of `browser.webRequest` used here (its `On…Options` enums are read by listeners.ts). */
export interface WebRequestEvents {
  onSendHeaders: WebRequestEvent<Details<'onSendHeaders'>>;
  onHeadersReceived: WebRequestEvent<Details<'onHeadersReceived'>>;
  onBeforeRedirect: WebRequestEvent<Details<'onBeforeRedirect'>>;
  onErrorOccurred: WebRequestEvent<Details<'onErrorOccurred'>>;
  onCompleted: WebRequestEvent<Details<'onCompleted'>>;
}

/** `*://host/*` for each host (an extra API host is a hostname, validated by the settings). */
export function hostFilter(hosts: readonly string[]): { urls: string[] } {
  return { urls: hosts.map((h) => `*://${h}/*`) };
}

/**
 * Adds the capture listeners for `filter` (onHeadersReceived only where preflights need it), each
 * in its own guarded step (listeners.ts); returns a function that removes them.
 */
export function watchRequests(
  events: WebRequestEvents,
  capture: Capture,
  filter: { urls: string[] },
  onFailure: (failure: RegistrationFailure) => void = logFailure,
): () => void {
  const onSend: Listener<Details<'onSendHeaders'>> = (d) => capture.onSendHeaders(d);
  const onHeaders: Listener<Details<'onHeadersReceived'>> = (d) =>
    void capture.onHeadersReceived(d);
  const onRedirect: Listener<Details<'onBeforeRedirect'>> = (d) => capture.onBeforeRedirect(d);
  const onError: Listener<Details<'onErrorOccurred'>> = (d) => capture.onErrorOccurred(d);
  const onDone: Listener<Details<'onCompleted'>> = (d) => void capture.onCompleted(d);
  const spec = (event: SpecEvent, wanted: string[]) => extraInfoSpec(events, event, wanted);
  const guarded = (event: string, add: () => void) => addGuarded(event, add, onFailure);
  guarded('onSendHeaders', () =>
    events.onSendHeaders.addListener(onSend, filter, spec('onSendHeaders', ['requestHeaders'])),
  );
  // `extraHeaders` (where listed, on onCompleted): without it Chrome hides CORS preflights from
  // every listener, and a 401 on a preflight (`request.preflight`) would never be diagnosed. With
  // it Chrome sends a preflight's 401 to onCompleted. Firefox shows preflights but sends their 401
  // only to onHeadersReceived (never to onCompleted): capture diagnoses it there. So
  // onHeadersReceived is watched only where `extraHeaders` is not listed (Firefox): in Chrome it
  // cost every Rhythm request one more event (its response headers sent to the worker, which
  // looks only at OPTIONS there): measured, a fifth of what the worker adds to the page's requests.
  const watchingHeaders =
    !preflightsReachOnCompleted(events) &&
    guarded('onHeadersReceived', () =>
      events.onHeadersReceived.addListener(
        onHeaders,
        filter,
        spec('onHeadersReceived', ['responseHeaders', 'extraHeaders']),
      ),
    );
  guarded('onBeforeRedirect', () => events.onBeforeRedirect.addListener(onRedirect, filter));
  guarded('onErrorOccurred', () => events.onErrorOccurred.addListener(onError, filter));
  guarded('onCompleted', () =>
    events.onCompleted.addListener(
      onDone,
      filter,
      spec('onCompleted', ['responseHeaders', 'extraHeaders']),
    ),
  );
  return () => {
    events.onSendHeaders.removeListener(onSend);
    if (watchingHeaders) events.onHeadersReceived.removeListener(onHeaders);
    events.onBeforeRedirect.removeListener(onRedirect);
    events.onErrorOccurred.removeListener(onError);
    events.onCompleted.removeListener(onDone);
  };
}
