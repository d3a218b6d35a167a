/**
 * The webRequest listeners of the capture pipeline for one URL filter. SPEC §9: the worker runs no
 * code for other hosts, so every listener is filtered; the Rhythm hosts get one set at the top
 * level of main.ts, the extra hosts of the settings another, replaced when they change.
 */
import type { Capture } from './capture.js';

type Listener<T> = (details: T) => void;
interface WebRequestEvent<T> {
  addListener(listener: Listener<T>, filter: { urls: string[] }, extra?: string[]): void;
  removeListener(listener: Listener<T>): void;
}

type Details<K extends keyof Capture> = Capture[K] extends (d: infer D) => unknown ? D : never;

/** The slice of `browser.webRequest` used here. */
export interface WebRequestEvents {
  onSendHeaders: WebRequestEvent<Details<'onSendHeaders'>>;
  onBeforeRedirect: WebRequestEvent<Details<'onBeforeRedirect'>>;
  onErrorOccurred: WebRequestEvent<Details<'onErrorOccurred'>>;
  onCompleted: WebRequestEvent<Details<'onCompleted'>>;
}

/** `*://host/*` for each host (an extra API host is a hostname, validated by the settings). */
export function hostFilter(hosts: readonly string[]): { urls: string[] } {
  return { urls: hosts.map((h) => `*://${h}/*`) };
}

/** Adds the four listeners for `filter`; returns a function that removes them. */
export function watchRequests(
  events: WebRequestEvents,
  capture: Capture,
  filter: { urls: string[] },
): () => void {
  const onSend: Listener<Details<'onSendHeaders'>> = (d) => capture.onSendHeaders(d);
  const onRedirect: Listener<Details<'onBeforeRedirect'>> = (d) => capture.onBeforeRedirect(d);
  const onError: Listener<Details<'onErrorOccurred'>> = (d) => capture.onErrorOccurred(d);
  const onDone: Listener<Details<'onCompleted'>> = (d) => void capture.onCompleted(d);
  events.onSendHeaders.addListener(onSend, filter, ['requestHeaders']);
  events.onBeforeRedirect.addListener(onRedirect, filter);
  events.onErrorOccurred.addListener(onError, filter);
  // `extraHeaders`: without it Chrome (79+) hides CORS preflights from every listener, and a 401
  // on a preflight (`request.preflight`) would never be diagnosed.
  events.onCompleted.addListener(onDone, filter, ['responseHeaders', 'extraHeaders']);
  return () => {
    events.onSendHeaders.removeListener(onSend);
    events.onBeforeRedirect.removeListener(onRedirect);
    events.onErrorOccurred.removeListener(onError);
    events.onCompleted.removeListener(onDone);
  };
}
