/**
 * The analyzer's public data shapes (SPEC §4). Everything here is plain JSON: no Map, Date or
 * class instances, so a Diagnosis crosses extension messaging and `JSON.stringify` unchanged.
 */

export interface HttpHeader {
  name: string;
  value: string;
}

/** One request as any shell saw it: webRequest, devtools.network, a HAR entry or the CLI. */
export interface CapturedRequest {
  url: string;
  method: string;
  status: number;
  /** When the request was sent, epoch milliseconds. The analyzer's only clock. */
  sentAt: number;
  requestHeaders: HttpHeader[];
  responseHeaders: HttpHeader[];
  /** URLs this request was redirected from, oldest first. */
  redirectedFrom?: string[];
  /** The resource type as the browser named it (`xmlhttprequest`, `fetch`, `preflight`…). */
  type?: string;
}

/**
 * The checks, in the order of SPEC §3. The order is the order of the checklist and decides the
 * root cause (the first `fail`). The ids are a public contract: never rename one.
 */
export const CHECK_IDS = [
  'request.preflight',
  'header.name',
  'header.present',
  'header.scheme',
  'token.format',
  'token.kind',
  'token.audience',
  'token.expiry',
  'token.issuer',
  'claims.tenant_id',
  'claims.customer_id',
  'claims.contact_id',
  'url.service',
  'url.ids',
  'url.tenant',
  'server.challenge',
  'clock.skew',
  'token.signature',
  'contact.verified',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export const CHECK_STATUSES = ['pass', 'fail', 'warn', 'info', 'skip'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  /** One line: what was checked, phrased for the outcome ("Token expired 2 h 14 min before the request"). */
  title: string;
  /** The evidence: values, times, by how much. */
  detail: string;
  /** For `fail` and `warn`: what exactly to change. */
  fix?: string;
}

export type Verdict = 'pass' | 'warn' | 'fail';

export type TokenForm = 'jws' | 'jwe' | 'opaque' | 'none';
export type TokenSubject = 'user' | 'm2m' | 'unknown';

export interface TokenInfo {
  form: TokenForm;
  /** The decoded protected header, when it decoded to a JSON object. */
  header: Record<string, unknown> | null;
  /** The decoded payload, when it decoded to a JSON object. */
  claims: Record<string, unknown> | null;
  subject: TokenSubject;
  /** First 12 hex chars of SHA-256 of the token string; null without a token. */
  fingerprint: string | null;
  /**
   * Set when the extension kept this diagnosis with its claims (and header) cut to fit the size
   * cap of a stored diagnosis (SPEC §7): how many bytes were cut. Reports and the panel say so.
   */
  truncated?: { bytes: number };
}

export interface ServiceInfo {
  /** The Rhythm module (`rolodex`, `membership`…), or null when the host is not a module host. */
  module: string | null;
  host: string;
}

export interface WwwAuthenticateChallenge {
  scheme: string;
  params: Record<string, string>;
}

export interface ServerInfo {
  /** The raw `WWW-Authenticate` value, when the response carried one. */
  challenge: string | null;
  /** The response's `Date` header, when present. */
  date: string | null;
}

export interface Diagnosis {
  schema: 'rhythm-auth/diagnosis@1';
  request: { method: string; url: string; status: number; sentAt: number };
  verdict: Verdict;
  rootCause: { id: CheckId; summary: string; fix?: string } | null;
  checks: CheckResult[];
  token: TokenInfo;
  service: ServiceInfo | null;
  server: ServerInfo;
}

/** The outcome of an active check the user ran (SPEC §3: `token.signature`, `contact.verified`). */
export interface ActiveCheckOutcome {
  status: Exclude<CheckStatus, 'skip'>;
  title: string;
  detail: string;
  fix?: string;
}

export interface AnalyzerSettings {
  /** The expected Auth0 issuer, e.g. `https://acme-org.us.auth0.com/` (Options page). */
  expectedIssuer?: string;
  /** The expected client id (`azp`) of the app. */
  expectedClientId?: string;
  /** Extra API hosts treated as Rhythm module hosts (a staging domain). */
  extraApiHosts?: string[];
  /** Diagnose 403s as well as 401s (which requests `isDiagnosable` takes; the checks ignore it). */
  capture403?: boolean;
  /**
   * The request comes from a HAR whose exporter removed the credentials (`removed`: certainly, as
   * Chrome's default "Export HAR (sanitized)" does; `maybe-removed`: that, or never sent). Set by
   * the HAR readers once the whole file is read (src/har/credential-tally.ts): `header.present`
   * then says the header is not in the HAR instead of "send one". `not-seen`: the capture saw
   * only the response (the extension's service worker restarted while the request was in flight,
   * SPEC §7), so the request headers are unknown, not missing.
   */
  harCredentials?: 'removed' | 'maybe-removed' | 'not-seen';
  /** Results of active checks, once the user ran them. */
  active?: {
    signature?: ActiveCheckOutcome;
    contact?: ActiveCheckOutcome;
  };
  /**
   * The SHA-256 behind the token fingerprint, as lowercase hex of the UTF-8 text: a platform
   * input, not a user setting (SPEC §9). Node passes node:crypto's; without it the analyzer uses
   * its own pure-JS one (the browser's WebCrypto digest is async, and analyze() is not).
   */
  sha256Hex?: (text: string) => string;
}
