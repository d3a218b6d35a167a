/**
 * Browser differences of `webRequest.addListener`, detected from the API itself (SPEC §11), never
 * from the user agent:
 * - `extraHeaders` is Chrome's (79+): without it Chrome hides CORS preflights from every listener.
 *   Firefox rejects it ("Invalid enumeration value") and adds no listener. Each event lists what
 *   it accepts in its `On…Options` enum (`OnCompletedOptions` and so on), in both browsers.
 * - Firefox's `onErrorOccurred` takes no third argument at all, not even `undefined` ("Incorrect
 *   argument types"): a listener that needs no extra info is added with two.
 * An exception from one `addListener` must not stop the ones after it (main.ts registers them at
 * its top level, where one throw ends the script), so each is added in its own guarded step.
 */

/** The events whose `extraInfoSpec` this extension uses, and the name of each one's enum. */
const OPTIONS_ENUM = {
  onSendHeaders: 'OnSendHeadersOptions',
  onHeadersReceived: 'OnHeadersReceivedOptions',
  onCompleted: 'OnCompletedOptions',
} as const;

export type SpecEvent = keyof typeof OPTIONS_ENUM;

/** Chrome-only values: passed only where the browser's enum lists them. */
const CHROME_ONLY = new Set(['extraHeaders']);

/** The values of `webRequest[name]` (`{ RESPONSE_HEADERS: 'responseHeaders', … }`), or null. */
function enumValues(webRequest: object, name: string): Set<string> | null {
  const found: unknown = (webRequest as Record<string, unknown>)[name];
  if (typeof found !== 'object' || found === null) return null;
  return new Set(Object.values(found).filter((v): v is string => typeof v === 'string'));
}

/**
 * The `extraInfoSpec` for `event`: the `wanted` values the browser lists for it. Its keys differ
 * (`EXTRA_HEADERS` in Chrome, `RESPONSEHEADERS` in Firefox), so only the values are read. Without
 * an enum, the standard values are kept and the Chrome-only ones dropped.
 */
export function extraInfoSpec(
  webRequest: object,
  event: SpecEvent,
  wanted: readonly string[],
): string[] {
  const listed = enumValues(webRequest, OPTIONS_ENUM[event]);
  return wanted.filter((value) => (listed ? listed.has(value) : !CHROME_ONLY.has(value)));
}

/**
 * Whether a CORS preflight's 401 reaches onCompleted: in Chrome, whose `OnCompletedOptions` list
 * `extraHeaders` (with it, preflights are shown to the listeners and end in onCompleted). Firefox
 * lists no such value and sends a preflight's 401 to onHeadersReceived alone (it then ends in
 * onErrorOccurred), so there onHeadersReceived must be watched too.
 */
export function preflightsReachOnCompleted(webRequest: object): boolean {
  return extraInfoSpec(webRequest, 'onCompleted', ['extraHeaders']).length > 0;
}

/** What a failed registration reports (no request data: only the event and the browser's words). */
export interface RegistrationFailure {
  event: string;
  message: string;
}

/** Runs `add`; a throw becomes a reported failure instead of ending the caller. */
export function addGuarded(
  event: string,
  add: () => void,
  onFailure: (failure: RegistrationFailure) => void,
): boolean {
  try {
    add();
    return true;
  } catch (error) {
    onFailure({ event, message: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/** The default report: one console line, prefixed so the end-to-end suites can spot it. */
export function logFailure(failure: RegistrationFailure): void {
  // eslint-disable-next-line no-console -- no request data here: an event name and the browser's words
  console.error(`Rhythm Auth: could not watch webRequest.${failure.event}: ${failure.message}`);
}
