/**
 * The capture pipeline: webRequest events in, diagnoses out. Headers of a request live in the
 * in-flight map only while it is in flight (SPEC §7) and are dropped when it completes, fails or
 * is redirected off the Rhythm hosts. A 401 without a flight (the worker restarted meanwhile) is
 * diagnosed from its response alone. Pure of `chrome.*`: main.ts hands in the dependencies.
 */
import {
  decodeToken,
  fingerprint,
  hostOf,
  isApiHost,
  isDiagnosable,
  jsonSafeObject,
  readToken,
  redactUrl,
  routeOf,
  subjectOf,
  successKey,
  type AnalyzerSettings,
  type CapturedRequest,
  type HttpHeader,
} from '../analyzer/index.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import { createRecorder, type RecordDeps } from './record.js';

/** The fields of chrome.webRequest details this module reads. */
export interface RequestEvent {
  requestId: string;
  tabId: number;
  url: string;
  method: string;
  timeStamp: number;
  type?: string;
  requestHeaders?: Array<{ name: string; value?: string }>;
}
export interface RedirectEvent extends RequestEvent {
  redirectUrl: string;
}
export interface CompletedEvent extends RequestEvent {
  statusCode: number;
  responseHeaders?: Array<{ name: string; value?: string }>;
}

interface InFlight {
  tabId: number;
  url: string;
  method: string;
  sentAt: number;
  type?: string;
  requestHeaders: HttpHeader[];
  redirectedFrom: string[];
}

export interface CaptureDeps extends RecordDeps {
  /** Read at each request: the checks' settings, and which requests are ours (`isDiagnosable`). */
  settings: () => AnalyzerSettings;
}

const toHeaders = (headers: RequestEvent['requestHeaders']): HttpHeader[] =>
  (headers ?? []).map((h) => ({ name: h.name, value: h.value ?? '' }));

export function createCapture(deps: CaptureDeps) {
  const inFlight = new Map<string, InFlight>();
  const record = createRecorder(deps);
  /** Preflights diagnosed at onHeadersReceived, until their onCompleted/onErrorOccurred. */
  const diagnosedEarly = new Set<string>();
  const watched = (url: string) => {
    const host = hostOf(url);
    return host !== null && isApiHost(host, deps.settings());
  };

  async function rememberSuccess(flight: InFlight): Promise<void> {
    // Found the way the analyzer finds it: a look-alike header or the query counts too.
    const { token } = readToken(flight);
    const host = hostOf(flight.url);
    if (!token || !host) return;
    // A run of 200s with the same token is the common case: decode and write only for a new one.
    const route = routeOf(flight.url);
    if (route === null) return;
    const print = fingerprint(token);
    // The subject is a function of the token, so one fingerprint has one key per route.
    const known = (['user', 'm2m', 'unknown'] as const).some((s) =>
      deps.store.hasLastSuccess(flight.tabId, successKey(host, route, s), print),
    );
    if (known) return;
    const decoded = decodeToken(token);
    if (!decoded.claims) return;
    await deps.store.setLastSuccess(flight.tabId, {
      host,
      route,
      subject: subjectOf(decoded.claims),
      at: flight.sentAt,
      url: redactUrl(flight.url),
      // The same JSON-safe values the analyzer keeps (no Infinity, no pathological nesting).
      header: jsonSafeObject(decoded.header),
      claims: jsonSafeObject(decoded.claims) ?? {},
      fingerprint: print,
    });
  }

  return {
    /** In flight right now (tests assert nothing is left behind). */
    get inFlightCount(): number {
      return inFlight.size + diagnosedEarly.size;
    },

    onSendHeaders(e: RequestEvent): void {
      if (e.tabId < 0) return; // not from a tab (e.g. the extension itself or a page's worker)
      const previous = inFlight.get(e.requestId);
      inFlight.set(e.requestId, {
        tabId: e.tabId,
        url: e.url,
        method: e.method,
        sentAt: e.timeStamp,
        type: e.type,
        requestHeaders: toHeaders(e.requestHeaders),
        redirectedFrom: previous?.redirectedFrom ?? [],
      });
    },

    onBeforeRedirect(e: RedirectEvent): void {
      const flight = inFlight.get(e.requestId);
      if (!flight) return;
      // Off the Rhythm hosts, this extension will see no more of the request: drop it now.
      if (!watched(e.redirectUrl)) {
        inFlight.delete(e.requestId);
        return;
      }
      flight.redirectedFrom = [...flight.redirectedFrom, e.url];
    },

    onErrorOccurred(e: RequestEvent): void {
      inFlight.delete(e.requestId);
      diagnosedEarly.delete(e.requestId);
    },

    /**
     * A CORS preflight answered with a status we explain is diagnosed as soon as its headers
     * arrive: Firefox never sends it to onCompleted (it ends in onErrorOccurred with
     * NS_ERROR_DOM_BAD_URI). Chrome sends it to onCompleted too, and there onHeadersReceived is not
     * even watched (watch-requests.ts); where both run, onCompleted skips it.
     */
    onHeadersReceived(e: CompletedEvent): Promise<StoredDiagnosis | null> {
      if (
        e.method.toUpperCase() !== 'OPTIONS' ||
        !isDiagnosable({ url: e.url, status: e.statusCode }, deps.settings())
      )
        return Promise.resolve(null);
      diagnosedEarly.add(e.requestId);
      return finish(e);
    },

    /** A finished request: diagnosed by finish() unless onHeadersReceived already did. */
    onCompleted(e: CompletedEvent): Promise<StoredDiagnosis | null> {
      if (diagnosedEarly.delete(e.requestId)) {
        inFlight.delete(e.requestId);
        return Promise.resolve(null);
      }
      return finish(e);
    },
  };

  /** Diagnoses a request answered with a status we explain; always drops its headers. */
  async function finish(e: CompletedEvent): Promise<StoredDiagnosis | null> {
    const flight = inFlight.get(e.requestId);
    inFlight.delete(e.requestId);
    const tabId = flight?.tabId ?? e.tabId;
    if (tabId < 0) return null;
    if (e.statusCode >= 200 && e.statusCode < 300) {
      if (flight) await rememberSuccess(flight);
      return null;
    }
    if (!isDiagnosable({ url: e.url, status: e.statusCode }, deps.settings())) return null;
    // No flight for a request that is not a preflight: the worker restarted while it was in
    // flight (SPEC §7). It still counts, diagnosed from what onCompleted gives, saying that its
    // request headers were not seen (a preflight never carries any: nothing is missing there).
    const headersNotSeen = !flight && e.method.toUpperCase() !== 'OPTIONS';
    const request: CapturedRequest = {
      url: e.url,
      method: e.method,
      status: e.statusCode,
      sentAt: flight?.sentAt ?? e.timeStamp,
      requestHeaders: flight?.requestHeaders ?? [],
      responseHeaders: toHeaders(e.responseHeaders),
      ...(flight?.redirectedFrom.length ? { redirectedFrom: flight.redirectedFrom } : {}),
      ...(e.type ? { type: e.type } : {}),
    };
    const { added, entry } = await record('webRequest', e.requestId, request, {
      tabId,
      ...(headersNotSeen ? { headersNotSeen } : {}),
    });
    return added ? entry : null;
  }
}

export type Capture = ReturnType<typeof createCapture>;
