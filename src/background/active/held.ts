/** From a captured request to what the active checks need of it (types.ts `HeldRequest`). */
import { type CapturedRequest, findHeader, readToken } from '../../analyzer/index.js';
import type { HeldRequest } from '../../shared/active.js';

export function heldFrom(request: CapturedRequest): HeldRequest {
  return {
    url: request.url,
    method: request.method,
    authorization: findHeader(request.requestHeaders, 'authorization')?.value ?? null,
    token: readToken(request).token,
  };
}

/** How a token is shown in a plan: by fingerprint, never itself. */
export function tokenLabel(fingerprint: string | null): string {
  return `<token ${fingerprint ?? 'unknown'}…>`;
}
