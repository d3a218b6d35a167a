/**
 * `webRequest` objects shaped like each browser's, for the real listener registration
 * (watch-requests.ts, listeners.ts). The enums and the errors are the ones Chromium 156 and
 * Firefox ESR 153 show (measured: /work/shared/notes/firefox-e2e.md); `addListener` validates its
 * third argument against its event's enum the way each browser does, and throws the same way.
 */
import type { WebRequestEvents } from '../../../src/background/watch-requests.js';

export type BrowserShape = 'chrome' | 'firefox';
export type EventName =
  'onSendHeaders' | 'onHeadersReceived' | 'onBeforeRedirect' | 'onErrorOccurred' | 'onCompleted';

const ENUMS: Record<BrowserShape, Record<string, Record<string, string>>> = {
  chrome: {
    OnSendHeadersOptions: { EXTRA_HEADERS: 'extraHeaders', REQUEST_HEADERS: 'requestHeaders' },
    OnHeadersReceivedOptions: {
      BLOCKING: 'blocking',
      EXTRA_HEADERS: 'extraHeaders',
      RESPONSE_HEADERS: 'responseHeaders',
      SECURITY_INFO: 'securityInfo',
      SECURITY_INFO_RAW_DER: 'securityInfoRawDer',
    },
    OnBeforeRedirectOptions: { EXTRA_HEADERS: 'extraHeaders', RESPONSE_HEADERS: 'responseHeaders' },
    OnErrorOccurredOptions: { EXTRA_HEADERS: 'extraHeaders' },
    OnCompletedOptions: { EXTRA_HEADERS: 'extraHeaders', RESPONSE_HEADERS: 'responseHeaders' },
  },
  firefox: {
    OnSendHeadersOptions: { REQUESTHEADERS: 'requestHeaders' },
    OnHeadersReceivedOptions: { BLOCKING: 'blocking', RESPONSEHEADERS: 'responseHeaders' },
    OnBeforeRedirectOptions: { RESPONSEHEADERS: 'responseHeaders' },
    // Firefox's onErrorOccurred has no extraInfoSpec parameter at all.
    OnCompletedOptions: { RESPONSEHEADERS: 'responseHeaders' },
  },
};

const enumName = (event: EventName) => `O${event.slice(1)}Options`;

interface Added {
  event: EventName;
  filter: { urls: string[] };
  extra?: string[];
}

export interface FakeWebRequest {
  events: WebRequestEvents;
  /** Every listener added, in order, with its filter and third argument. */
  added: Added[];
  /** Listeners currently registered. */
  count(): number;
  /** Calls every listener of `event` (the filter is the browser's business). */
  emit(event: EventName, details: unknown): void;
  /** Makes `event.addListener` throw, whatever its arguments (a browser bug, a missing API). */
  breakEvent(event: EventName): void;
}

export function fakeWebRequest(shape: BrowserShape): FakeWebRequest {
  const added: Added[] = [];
  const listeners = new Map<EventName, Set<(d: unknown) => void>>();
  const broken = new Set<EventName>();
  const enums = ENUMS[shape];

  function validate(event: EventName, args: unknown[]): void {
    const known = enums[enumName(event)];
    if (args.length === 0) return;
    if (!known) {
      if (shape === 'firefox') throw new Error(`Incorrect argument types for webRequest.${event}.`);
      return;
    }
    const allowed = new Set(Object.values(known));
    const spec = Array.isArray(args[0]) ? (args[0] as unknown[]) : [];
    spec.forEach((value, i) => {
      if (typeof value === 'string' && allowed.has(value)) return;
      throw new Error(
        shape === 'firefox'
          ? `Type error for parameter extraInfoSpec (Error processing ${i}: Invalid enumeration value ${JSON.stringify(value)}) for webRequest.${event}.`
          : `Error in invocation of webRequest.${event}: Invalid value for argument 3.`,
      );
    });
  }

  const event = (name: EventName) => ({
    addListener(listener: (d: unknown) => void, filter: { urls: string[] }, ...rest: unknown[]) {
      if (broken.has(name)) throw new Error(`webRequest.${name} is not available`);
      validate(name, rest);
      added.push({ event: name, filter, ...(rest.length ? { extra: rest[0] as string[] } : {}) });
      (listeners.get(name) ?? listeners.set(name, new Set()).get(name)!).add(listener);
    },
    removeListener(listener: (d: unknown) => void) {
      listeners.get(name)?.delete(listener);
    },
  });

  const events = {
    ...enums,
    onSendHeaders: event('onSendHeaders'),
    onHeadersReceived: event('onHeadersReceived'),
    onBeforeRedirect: event('onBeforeRedirect'),
    onErrorOccurred: event('onErrorOccurred'),
    onCompleted: event('onCompleted'),
  } as unknown as WebRequestEvents;

  return {
    events,
    added,
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    emit: (name, details) => {
      for (const listener of listeners.get(name) ?? []) listener(details);
    },
    breakEvent: (name) => broken.add(name),
  };
}
