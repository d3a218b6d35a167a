/**
 * Whether a HAR lost its credentials on export (Chrome's "Export HAR (sanitized)", the default
 * since Chrome 130, drops `Authorization`, `Cookie` and `Set-Cookie`; other tools mask the
 * values): counts over its requests as they stream by, and what to say about them.
 */
import {
  findHeader,
  hostOf,
  isRhythmApiHost,
  readToken,
  type AnalyzerSettings,
  type CapturedRequest,
} from '../analyzer/index.js';

/** Counts over a HAR's requests that tell whether whoever exported it removed the credentials. */
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
  const auth = findHeader(request.requestHeaders, 'authorization');
  const masked = auth !== undefined && MASK.test(auth.value.trim());
  const cookie = findHeader(request.requestHeaders, 'cookie') !== undefined;
  if ((auth && !masked) || cookie) tally.requestsWithCredentials++;
  if (request.method.toUpperCase() === 'OPTIONS' || !request.url.includes('rhythmsoftware.com')) {
    return;
  }
  // Only a 401 and a success without Authorization are counted below: no URL to parse for the rest.
  const success = request.status >= 200 && request.status < 300;
  if (request.status !== 401 && !(success && !auth)) return;
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

/**
 * A request whose diagnosis depends on the finding: it carries no token at all (no Authorization,
 * no look-alike header, none in the query), so "No Authorization header" may be the exporter's.
 */
export function lacksCredentials(request: CapturedRequest): boolean {
  return readToken(request).source === null;
}

/**
 * The settings to diagnose such a request with once the finding is known, so that its row says
 * what the banner says (`header.present`: removed on export, or maybe); null when the finding
 * changes nothing (no finding, or masked values: those rows have a header to judge).
 */
export function settingsForFinding(
  settings: AnalyzerSettings,
  finding: SanitizedExportFinding | null,
): AnalyzerSettings | null {
  if (finding?.kind !== 'removed' && finding?.kind !== 'maybe-removed') return null;
  return { ...settings, harCredentials: finding.kind };
}
