/**
 * The key of a request (same-request.ts) read without running the checks: what the panel keys
 * DevTools' copies by, instead of analyzing them (the worker does).
 */
import { readToken } from './context.js';
import { redactUrl } from './redact/redact.js';
import { fingerprint } from './sha256.js';
import type { RequestKey } from './same-request.js';
import type { CapturedRequest } from './types.js';

/** The key of a request, exactly as the diagnosis `analyze` would make of it has it. */
export function requestKey(request: CapturedRequest): RequestKey {
  const { token } = readToken(request);
  return {
    method: request.method.toUpperCase(),
    url: redactUrl(request.url),
    status: request.status,
    fingerprint: token ? fingerprint(token) : null,
    sentAt: request.sentAt,
  };
}
