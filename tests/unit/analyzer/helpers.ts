/**
 * Shared helpers for analyzer tests: build a CapturedRequest with sensible defaults (a GET to a
 * Rolodex route of the test tenant, answered 401, sent one hour after the test tokens' `iat`),
 * run the real `analyze()`, and pick one check out of the Diagnosis by id.
 */
import { expect } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import type {
  AnalyzerSettings,
  CapturedRequest,
  CheckId,
  CheckResult,
  Diagnosis,
  HttpHeader,
} from '../../../src/analyzer/types.js';
import { T0, TEST_TENANT } from '../../helpers/tokens.js';

export const DEFAULT_URL = `https://rolodex.api.rhythmsoftware.com/contacts/${TEST_TENANT}`;
/** One hour after T0: a default test token (iat = T0, 24 h) is valid then. */
export const DEFAULT_SENT_AT = T0 + 3_600_000;

type Headers = HttpHeader[] | Record<string, string>;

export interface RequestOptions {
  /** The Authorization header value; omitted → no Authorization header. */
  auth?: string;
  /** Further request headers (after Authorization, if any). */
  headers?: Headers;
  url?: string;
  method?: string;
  status?: number;
  sentAt?: number;
  responseHeaders?: Headers;
  redirectedFrom?: string[];
  type?: string;
}

function toList(headers: Headers | undefined): HttpHeader[] {
  if (!headers) return [];
  if (Array.isArray(headers)) return headers;
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

export function request(options: RequestOptions = {}): CapturedRequest {
  const requestHeaders = [
    ...(options.auth !== undefined ? [{ name: 'Authorization', value: options.auth }] : []),
    ...toList(options.headers),
  ];
  return {
    url: options.url ?? DEFAULT_URL,
    method: options.method ?? 'GET',
    status: options.status ?? 401,
    sentAt: options.sentAt ?? DEFAULT_SENT_AT,
    requestHeaders,
    responseHeaders: toList(options.responseHeaders),
    ...(options.redirectedFrom ? { redirectedFrom: options.redirectedFrom } : {}),
    ...(options.type !== undefined ? { type: options.type } : {}),
  };
}

/** The check with this id; fails the test when the diagnosis lacks it. */
export function check(diagnosis: Diagnosis, id: CheckId): CheckResult {
  const found = diagnosis.checks.find((c) => c.id === id);
  if (!found) throw new Error(`diagnosis has no check ${id}`);
  return found;
}

/** `analyze(request(options), settings)` and the one check asked for. */
export function runCheck(
  id: CheckId,
  options: RequestOptions = {},
  settings: AnalyzerSettings = {},
): CheckResult {
  return check(analyze(request(options), settings), id);
}

/** SPEC §3: every `fail` and `warn` carries a concrete, non-empty fix. */
export function expectFixWhenActionable(result: CheckResult): void {
  if (result.status === 'fail' || result.status === 'warn') {
    expect(result.fix?.trim(), `${result.id} ${result.status} has a fix`).toBeTruthy();
  }
}

/** A base64url segment of a JSON value, or of a string as is: for deliberately malformed tokens. */
export function segment(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString(
    'base64url',
  );
}

/** The header, payload and signature segments of a compact JWS. */
export function partsOf(token: string): [header: string, payload: string, signature: string] {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return [header, payload, signature];
}
