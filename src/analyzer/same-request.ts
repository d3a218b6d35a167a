/**
 * Which captures are the same request (SPEC §7: DevTools and webRequest both see a 401, and it is
 * counted once): the method, the URL as a diagnosis keeps it (redacted), the status, the token's
 * fingerprint, and the time it was sent, within 2 s. A key comes from a diagnosis already made, or
 * from a request without running the checks (request-key.ts), and the two compare alike. Imports
 * nothing: the tab store of every page uses it.
 */
import type { Diagnosis } from './types.js';

export interface RequestKey {
  /** Upper case. */
  method: string;
  /** Redacted, as `Diagnosis.request.url`. */
  url: string;
  status: number;
  fingerprint: string | null;
  sentAt: number;
}

/** The key of the request a diagnosis was made from. */
export function diagnosisKey(diagnosis: Diagnosis): RequestKey {
  const { method, url, status, sentAt } = diagnosis.request;
  return {
    method: method.toUpperCase(),
    url,
    status,
    fingerprint: diagnosis.token.fingerprint,
    sentAt,
  };
}

/** Two captures are one request when method, URL, status and token agree and they were sent within 2 s. */
export function sameRequest(a: RequestKey, b: RequestKey): boolean {
  return (
    a.method === b.method &&
    a.url === b.url &&
    a.status === b.status &&
    a.fingerprint === b.fingerprint &&
    Math.abs(a.sentAt - b.sentAt) < 2000
  );
}
