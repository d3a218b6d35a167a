/**
 * `withDiagnosis(fetch, { onDiagnosis })` for Node backends: the same fetch, which on a 401 (and
 * a 403, if asked) from a Rhythm API host builds the CapturedRequest the analyzer reads (the
 * `Authorization` that was sent, the response's `WWW-Authenticate` and `Date`), diagnoses it and
 * hands the callback the diagnosis, redacted as every export is (SPEC §6). The response is
 * returned as it came: its body is not read. By default one line goes to stderr: the request,
 * the root cause and the fix, never the token.
 */
import { analyze } from '../analyzer/index.js';
import {
  outcomeText,
  redactDiagnosis,
  redactJwtsInText,
  requestSecrets,
  requestText,
  type ReportedDiagnosis,
} from '../analyzer/index.js';
import { diagnosedStatuses, isDiagnosable, type AnalyzerSettings } from '../analyzer/index.js';
import type { CapturedRequest, HttpHeader } from '../analyzer/index.js';
import { terminalSafe } from '../cli/terminal.js';
import { nodeSha256Hex } from './sha256.js';

/** What withDiagnosis reads of a response: fetch's Response has all of it. */
export interface ResponseLike {
  status: number;
  url: string;
  redirected?: boolean;
  headers: { forEach(callback: (value: string, name: string) => void): void };
}

/** Any fetch: the global one, undici's, node-fetch's. */
export type FetchLike = (...args: never[]) => Promise<ResponseLike>;

export interface WithDiagnosisOptions {
  /** Gets each diagnosis, redacted. Default: one line on stderr. Its errors are warnings only. */
  onDiagnosis?: (diagnosis: ReportedDiagnosis) => void;
  /** Diagnose 403 answers too (a permission refused); default only 401. */
  capture403?: boolean;
  /** Hosts to watch besides `*.api.rhythmsoftware.com` (a staging API). */
  extraApiHosts?: readonly string[];
  /** The Auth0 issuer the tokens should come from, e.g. `https://acme-org.us.auth0.com/`. */
  expectedIssuer?: string;
  /** The client id (`azp`) the tokens should be issued to. */
  expectedClientId?: string;
}

/** `rhythm-auth: 401 GET https://… — token.audience: Wrong audience… Fix: …`, on one line. */
export function diagnosisLine(d: ReportedDiagnosis): string {
  const fix = d.rootCause?.fix ? ` Fix: ${d.rootCause.fix}` : '';
  return `rhythm-auth: ${terminalSafe(`${requestText(d)} — ${outcomeText(d)}.${fix}`)}`;
}

function writeLine(d: ReportedDiagnosis): void {
  process.stderr.write(`${diagnosisLine(d)}\n`);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** The request as fetch was asked to send it: `fetch(input, init)`, input a URL or a Request. */
function sentRequest(args: readonly unknown[]): {
  url: string;
  method: string;
  headers: HttpHeader[];
} {
  const [input, init] = args;
  const request = isObject(input) && !(input instanceof URL) ? input : {};
  const options = isObject(init) ? init : {};
  const url =
    typeof input === 'string'
      ? input
      : input instanceof URL
        ? input.href
        : String(request.url ?? '');
  const method = String(options.method ?? request.method ?? 'GET').toUpperCase();
  const headers: HttpHeader[] = [];
  // As fetch does: the init's headers replace the Request's; Headers reads all three forms.
  new Headers((options.headers ?? request.headers ?? undefined) as HeadersInit | undefined).forEach(
    (value, name) => headers.push({ name, value }),
  );
  return { url, method, headers };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function captured(args: readonly unknown[], response: ResponseLike, sentAt: number) {
  const sent = sentRequest(args);
  const url = response.url || sent.url;
  // fetch drops Authorization on a redirect to another origin (Fetch §4.4): the final request
  // went without it, which is exactly what header.present explains.
  const crossOrigin = response.redirected === true && originOf(url) !== originOf(sent.url);
  const responseHeaders: HttpHeader[] = [];
  response.headers.forEach((value, name) => responseHeaders.push({ name, value }));
  const request: CapturedRequest = {
    url,
    method: sent.method,
    status: response.status,
    sentAt,
    requestHeaders: crossOrigin
      ? sent.headers.filter((h) => h.name !== 'authorization')
      : sent.headers,
    responseHeaders,
    ...(response.redirected ? { redirectedFrom: [sent.url] } : {}),
  };
  // The secrets of the request as it was asked for: the token is scrubbed even if it was dropped.
  return { request, secrets: requestSecrets({ ...request, requestHeaders: sent.headers }) };
}

export function withDiagnosis<F extends FetchLike>(
  fetch: F,
  options: WithDiagnosisOptions = {},
): F {
  const extraHosts = (options.extraApiHosts ?? []).map((h) => h.toLowerCase());
  const settings: AnalyzerSettings = {
    sha256Hex: nodeSha256Hex,
    ...(options.capture403 ? { capture403: true } : {}),
    ...(options.expectedIssuer ? { expectedIssuer: options.expectedIssuer } : {}),
    ...(options.expectedClientId ? { expectedClientId: options.expectedClientId } : {}),
    ...(extraHosts.length ? { extraApiHosts: extraHosts } : {}),
  };
  const onDiagnosis = options.onDiagnosis ?? writeLine;
  const call = fetch as unknown as (...args: unknown[]) => Promise<ResponseLike>;

  const wrapped = async (...args: unknown[]): Promise<ResponseLike> => {
    const sentAt = Date.now();
    const response = await call(...args);
    // Only the statuses and hosts the extension would diagnose (one rule: isDiagnosable).
    if (!diagnosedStatuses(settings).includes(response.status)) return response;
    try {
      const { request, secrets } = captured(args, response, sentAt);
      if (isDiagnosable(request, settings)) {
        onDiagnosis(redactDiagnosis({ diagnosis: analyze(request, settings), ...secrets }));
      }
    } catch (error) {
      // The diagnosis is a side channel: it never changes what the caller's fetch returns.
      const message = error instanceof Error ? error.message : String(error);
      process.emitWarning(
        `rhythm-auth: withDiagnosis could not diagnose a ${response.status}: ${redactJwtsInText(message, { keepHeaderPayload: false })}`,
      );
    }
    return response;
  };
  // Same parameters and result as the fetch it wraps: only a side effect was added.
  return wrapped as unknown as F;
}
