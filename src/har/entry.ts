/**
 * One HAR 1.2 entry → a CapturedRequest. Used by the DevTools panel (`getHAR()`,
 * `onRequestFinished`) and the CLI's `--har`. HAR files come from Chrome, Firefox, Safari, Charles
 * and Fiddler with their own quirks (header-name case, missing optional fields, `_`-prefixed
 * extensions), so every field is read defensively: an entry that cannot be read yields null.
 */
import {
  type CapturedRequest,
  hostOf,
  type HttpHeader,
  isObject,
  isRhythmApiHost,
} from '../analyzer/index.js';

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

function headersOf(raw: unknown): HttpHeader[] {
  if (!Array.isArray(raw)) return [];
  const out: HttpHeader[] = [];
  for (const h of raw) {
    if (!isObject(h) || typeof h.name !== 'string') continue;
    // HTTP/2 pseudo-headers (`:authority`, `:path`) are not request headers.
    if (h.name.startsWith(':')) continue;
    out.push({ name: h.name, value: textOf(h.value) });
  }
  return out;
}

/** The request of a HAR entry, or null when it lacks a URL, a method, a status or a start time. */
export function capturedFromHarEntry(entry: unknown): CapturedRequest | null {
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response)) return null;
  const { request, response } = entry;
  if (typeof request.url !== 'string' || typeof request.method !== 'string') return null;
  const status = statusOf(response.status);
  if (status === null) return null;
  const started = entry.startedDateTime;
  const sentAt =
    typeof started === 'string' && ISO_WITH_ZONE.test(started.trim())
      ? Date.parse(started.trim())
      : NaN;
  if (!Number.isFinite(sentAt)) return null;
  const type =
    typeof entry._resourceType === 'string'
      ? entry._resourceType
      : typeof entry._type === 'string'
        ? entry._type
        : undefined;
  return {
    url: request.url,
    method: request.method,
    status,
    sentAt,
    requestHeaders: headersOf(request.headers),
    responseHeaders: headersOf(response.headers),
    ...(type ? { type } : {}),
  };
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

/** A 401 answered by a Rhythm API host (`*.api.rhythmsoftware.com`): what `--har` diagnoses. */
export function isRhythm401(request: CapturedRequest): boolean {
  if (request.status !== 401) return false;
  const host = hostOf(request.url);
  return host !== null && isRhythmApiHost(host);
}

/**
 * Counts over a HAR's requests that tell whether whoever exported it removed the credentials
 * (Chrome's "Export HAR (sanitized)", the default since Chrome 130, drops `Authorization`,
 * `Cookie` and `Set-Cookie`; other tools replace the values with a mask).
 */
export interface HarCredentialTally {
  /** Rhythm 401s, CORS preflights aside (they never carry credentials). */
  rhythm401s: number;
  rhythm401sWithoutAuthorization: number;
  /** Rhythm 401s without Authorization that still have other request headers (so headers were kept). */
  rhythm401sWithOtherHeaders: number;
  /** Rhythm API calls that succeeded without an Authorization header: only an exporter does that. */
  rhythmSuccessesWithoutAuthorization: number;
  /** Requests of any host with an Authorization or Cookie header that is not a mask. */
  requestsWithCredentials: number;
  /** Rhythm 401s with an Authorization header, and those whose value is a mask (`REDACTED`, `***`). */
  rhythm401sWithAuthorization: number;
  rhythm401sMasked: number;
}

export function createHarCredentialTally(): HarCredentialTally {
  return {
    rhythm401s: 0,
    rhythm401sWithoutAuthorization: 0,
    rhythm401sWithOtherHeaders: 0,
    rhythmSuccessesWithoutAuthorization: 0,
    requestsWithCredentials: 0,
    rhythm401sWithAuthorization: 0,
    rhythm401sMasked: 0,
  };
}

const MASK = /^(?:bearer\s+)?(?:\[?redacted\]?|<redacted>|\*{3,}|x{5,}|removed|hidden|sanitized)$/i;

export function tallyHarRequest(tally: HarCredentialTally, request: CapturedRequest): void {
  const auth = request.requestHeaders.find((h) => h.name.toLowerCase() === 'authorization');
  const masked = auth !== undefined && MASK.test(auth.value.trim());
  const cookie = request.requestHeaders.some((h) => h.name.toLowerCase() === 'cookie');
  if ((auth && !masked) || cookie) tally.requestsWithCredentials++;
  if (request.method.toUpperCase() === 'OPTIONS' || !request.url.includes('rhythmsoftware.com')) {
    return;
  }
  const host = hostOf(request.url);
  if (host === null || !isRhythmApiHost(host)) return;
  if (request.status === 401) {
    tally.rhythm401s++;
    if (auth) tally.rhythm401sWithAuthorization++;
    if (masked) tally.rhythm401sMasked++;
    if (!auth) {
      tally.rhythm401sWithoutAuthorization++;
      if (request.requestHeaders.length > 0) tally.rhythm401sWithOtherHeaders++;
    }
  } else if (request.status >= 200 && request.status < 300 && !auth) {
    tally.rhythmSuccessesWithoutAuthorization++;
  }
}

export interface SanitizedExportFinding {
  /** `removed`: certainly stripped; `maybe-removed`: stripped, or never sent; `masked`: values masked. */
  kind: 'removed' | 'maybe-removed' | 'masked';
  summary: string;
  /** How to export a HAR that can be diagnosed, one browser per line. */
  howToExport: string[];
}

export const HAR_EXPORT_ADVICE = [
  'Chrome and Edge (130+): DevTools Settings (⚙) → Preferences → Network → tick "Allow to generate HAR with sensitive data"; then in the Network panel, the Export HAR (⤓) menu → "Export HAR (with sensitive data)".',
  'Firefox: Network panel → right-click any request → "Save All As HAR" (it keeps the headers).',
  'Safari: Web Inspector → Network → Export (it keeps the headers).',
];

/** Whether the HAR looks exported without its credentials, and what to say about it. */
export function sanitizedExportFinding(tally: HarCredentialTally): SanitizedExportFinding | null {
  const n = tally.rhythm401s;
  const plural = n === 1 ? '' : 's';
  // Every Authorization a mask: an exporter's doing (one masked value among tokens is a finding).
  const masked = tally.rhythm401sMasked;
  if (masked > 0 && masked === tally.rhythm401sWithAuthorization) {
    return {
      kind: 'masked',
      summary: `The Authorization headers in this HAR were masked by the tool that exported it: ${masked === 1 ? 'the Rhythm 401 carries' : `all ${masked} Rhythm 401s carry`} a placeholder like REDACTED instead of the token, so the token itself cannot be checked.`,
      howToExport: HAR_EXPORT_ADVICE,
    };
  }
  const allWithout =
    n > 0 &&
    tally.rhythm401sWithoutAuthorization === n &&
    tally.rhythm401sWithOtherHeaders === n &&
    tally.requestsWithCredentials === 0;
  if (!allWithout) return null;
  if (tally.rhythmSuccessesWithoutAuthorization > 0) {
    const ok = tally.rhythmSuccessesWithoutAuthorization;
    return {
      kind: 'removed',
      summary: `This HAR was exported without credentials: none of its ${n} Rhythm 401${plural} has an Authorization header, yet ${ok === 1 ? 'a Rhythm API call' : `${ok} Rhythm API calls`} without one succeeded, which only happens when the exporter removed it. Chrome's "Export HAR (sanitized)", its default since Chrome 130, removes Authorization, Cookie and Set-Cookie: the diagnoses below only see a missing header, not your token.`,
      howToExport: HAR_EXPORT_ADVICE,
    };
  }
  return {
    kind: 'maybe-removed',
    summary: `None of the ${n} Rhythm 401${plural} has an Authorization header, and no request in this HAR has any credential: either the app never sent the token, or the HAR was exported sanitized (Chrome's "Export HAR (sanitized)", its default since Chrome 130, removes Authorization, Cookie and Set-Cookie).`,
    howToExport: HAR_EXPORT_ADVICE,
  };
}
