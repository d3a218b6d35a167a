/**
 * The library's `analyze`: the analyzer's, with node:crypto's SHA-256 for the fingerprint
 * (SPEC §9), and a checked boundary. A JavaScript caller's request is `unknown` until proven a
 * CapturedRequest; `sentAt`, `method`, `status` and the header lists have defaults, and headers
 * may be given as a plain object.
 */
import { analyze as analyzeRequest } from '../analyzer/index.js';
import type {
  AnalyzerSettings,
  CapturedRequest,
  Diagnosis,
  HttpHeader,
} from '../analyzer/index.js';
import { nodeSha256Hex } from '../node/sha256.js';

/** Headers as the SPEC's list, or as a plain `{name: value}` object. */
export type HeadersInput = readonly HttpHeader[] | Readonly<Record<string, string>>;

/** A request to diagnose: CapturedRequest (SPEC §4), with defaults for all but `url`. */
export interface RequestInput {
  url: string;
  /** Default `GET`. */
  method?: string;
  /** Default 401. */
  status?: number;
  /** When it was sent, epoch ms; default now. Expiry is judged at this time. */
  sentAt?: number;
  requestHeaders?: HeadersInput;
  responseHeaders?: HeadersInput;
  redirectedFrom?: readonly string[];
  type?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function headers(value: unknown, field: string): HttpHeader[] {
  if (value === undefined) return [];
  const list = Array.isArray(value)
    ? value
    : isObject(value)
      ? Object.entries(value).map(([name, v]) => ({ name, value: v }))
      : null;
  if (list === null)
    throw new TypeError(`analyze: ${field} must be a list of {name, value} or an object`);
  return list.map((h: unknown, i) => {
    if (!isObject(h) || typeof h.name !== 'string' || typeof h.value !== 'string') {
      throw new TypeError(`analyze: ${field}[${i}] must be {name: string, value: string}`);
    }
    return { name: h.name, value: h.value };
  });
}

/** The caller's request as a CapturedRequest, or a TypeError naming the first bad field. */
export function capturedRequest(input: unknown, now: number): CapturedRequest {
  if (!isObject(input)) throw new TypeError('analyze: the request must be an object');
  const { url, method = 'GET', status = 401, sentAt = now, redirectedFrom, type } = input;
  if (typeof url !== 'string') throw new TypeError('analyze: request.url must be a string');
  if (typeof method !== 'string') throw new TypeError('analyze: request.method must be a string');
  if (typeof status !== 'number' || !Number.isInteger(status)) {
    throw new TypeError('analyze: request.status must be an integer (401)');
  }
  if (typeof sentAt !== 'number' || !Number.isFinite(sentAt)) {
    throw new TypeError('analyze: request.sentAt must be epoch milliseconds');
  }
  if (
    redirectedFrom !== undefined &&
    !(Array.isArray(redirectedFrom) && redirectedFrom.every((u) => typeof u === 'string'))
  ) {
    throw new TypeError('analyze: request.redirectedFrom must be a list of URLs');
  }
  return {
    url,
    method,
    status,
    sentAt,
    requestHeaders: headers(input.requestHeaders, 'requestHeaders'),
    responseHeaders: headers(input.responseHeaders, 'responseHeaders'),
    ...(redirectedFrom ? { redirectedFrom: redirectedFrom as string[] } : {}),
    ...(typeof type === 'string' ? { type } : {}),
  };
}

/**
 * Diagnoses one request that got a 401 (SPEC §3): every check, the verdict and the root cause.
 * The Diagnosis never holds the token, only its fingerprint.
 */
export function analyze(request: RequestInput, settings: AnalyzerSettings = {}): Diagnosis {
  return analyzeRequest(capturedRequest(request, Date.now()), {
    sha256Hex: nodeSha256Hex,
    ...settings,
  });
}
