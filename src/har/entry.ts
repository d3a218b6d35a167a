/**
 * One HAR 1.2 entry → a CapturedRequest. Used by the DevTools panel (`getHAR()`,
 * `onRequestFinished`), its Import HAR and the CLI's `--har`. HAR files come from Chrome, Firefox, Safari, Charles
 * and Fiddler with their own quirks (header-name case, missing optional fields, `_`-prefixed
 * extensions), so every field is read defensively: an entry that cannot be read yields null.
 */
import { isObject, type CapturedRequest, type HttpHeader } from '../analyzer/index.js';

/** A header value as text: Fiddler writes numbers; an object (`{"toString": 1}`) must not throw. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** An HTTP status: an integer from 0 (Chrome's "no response") to 999, or its decimal string. */
function statusOf(raw: unknown): number | null {
  const status = typeof raw === 'string' && /^\s*\d{1,3}\s*$/.test(raw) ? Number(raw) : raw;
  return typeof status === 'number' && Number.isInteger(status) && status >= 0 && status <= 999
    ? status
    : null;
}

/**
 * ISO 8601 with a zone, as HAR 1.2 requires. Without one `Date.parse` reads the local time zone
 * (and takes `"1"` for the year 2001), so the time would depend on the machine reading the file.
 */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The headers of a HAR request or response. Polly.JS writes each value as an array of the
 * header's values (`["Bearer eyJ…"]`): joined as HTTP joins repeated headers (`, `; a new line
 * between cookies of `Set-Cookie`, whose values hold commas).
 */
export function headersOf(raw: unknown): HttpHeader[] {
  if (!Array.isArray(raw)) return [];
  const out: HttpHeader[] = [];
  for (const h of raw) {
    if (!isObject(h) || typeof h.name !== 'string') continue;
    // HTTP/2 pseudo-headers (`:authority`, `:path`) are not request headers.
    if (h.name.startsWith(':')) continue;
    const value = Array.isArray(h.value)
      ? h.value.map(textOf).join(h.name.toLowerCase() === 'set-cookie' ? '\n' : ', ')
      : textOf(h.value);
    out.push({ name: h.name, value });
  }
  return out;
}

/** Why an entry could not be read as a request (the CLI's summary says it). */
export type UnreadableReason =
  'not an entry' | 'no URL' | 'no method' | 'no status' | 'no start time';

/**
 * An absolute URL for a request: as written, or, for a relative one (`/contacts/…`, written by
 * proxies such as Akita), built from its `Host` (or HTTP/2 `:authority`) header and `:scheme`
 * (https when absent: the Rhythm APIs serve nothing else).
 */
function absoluteUrl(url: string, headers: unknown): string {
  if (!url.startsWith('/') || url.startsWith('//') || !Array.isArray(headers)) return url;
  const value = (name: string) => {
    for (const h of headers) {
      if (isObject(h) && typeof h.name === 'string' && h.name.toLowerCase() === name) {
        const v = textOf(Array.isArray(h.value) ? h.value[0] : h.value).trim();
        if (v) return v;
      }
    }
    return undefined;
  };
  const host = value(':authority') ?? value('host');
  // A host and an optional port, nothing else: a header that holds more is not used.
  if (!host || !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return url;
  const scheme = value(':scheme')?.toLowerCase() === 'http' ? 'http' : 'https';
  return `${scheme}://${host}${url}`;
}

/** The request of a HAR entry, or why it cannot be read (no URL, method, status or start time). */
export function readHarEntry(
  entry: unknown,
): { request: CapturedRequest; reason?: never } | { request?: never; reason: UnreadableReason } {
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response))
    return { reason: 'not an entry' };
  const { request, response } = entry;
  if (typeof request.url !== 'string') return { reason: 'no URL' };
  if (typeof request.method !== 'string') return { reason: 'no method' };
  const status = statusOf(response.status);
  if (status === null) return { reason: 'no status' };
  const started = entry.startedDateTime;
  const sentAt =
    typeof started === 'string' && ISO_WITH_ZONE.test(started.trim())
      ? Date.parse(started.trim())
      : NaN;
  if (!Number.isFinite(sentAt)) return { reason: 'no start time' };
  const type =
    typeof entry._resourceType === 'string'
      ? entry._resourceType
      : typeof entry._type === 'string'
        ? entry._type
        : undefined;
  return {
    request: {
      url: absoluteUrl(request.url, request.headers),
      method: request.method,
      status,
      sentAt,
      requestHeaders: headersOf(request.headers),
      responseHeaders: headersOf(response.headers),
      ...(type ? { type } : {}),
    },
  };
}

/** The request of a HAR entry, or null when it lacks a URL, a method, a status or a start time. */
export function capturedFromHarEntry(entry: unknown): CapturedRequest | null {
  return readHarEntry(entry).request ?? null;
}

/** The response body as text, first `max` characters; undefined when absent or binary. */
export function harResponseText(entry: unknown, max = 2048): string | undefined {
  if (!isObject(entry) || !isObject(entry.response) || !isObject(entry.response.content))
    return undefined;
  const content = entry.response.content;
  if (typeof content.text !== 'string' || content.text === '') return undefined;
  if (content.encoding === 'base64') return undefined; // binary, or text we would have to decode
  return content.text.slice(0, max);
}

/** A stable key for one HAR entry, to deduplicate repeated reports of it. */
export function harEntryKey(request: CapturedRequest): string {
  return `${request.sentAt}|${request.method}|${request.url}|${request.status}`;
}
