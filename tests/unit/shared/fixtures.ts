/**
 * Captured requests and stored diagnoses for the shell tests, built with the real analyzer and
 * tokens signed at test time (tests/helpers/tokens.ts).
 */
import { analyze } from '../../../src/analyzer/analyze.js';
import type { CapturedRequest } from '../../../src/analyzer/types.js';
import type { CaptureSource, StoredDiagnosis } from '../../../src/shared/stored.js';
import { T0, TEST_TENANT } from '../../helpers/tokens.js';

export const ROLODEX_URL = `https://rolodex.api.rhythmsoftware.com/contacts/${TEST_TENANT}`;
/** One hour after T0: a default test token (issued at T0, valid 24 h) is still valid. */
export const SENT_AT = T0 + 3_600_000;

export interface RequestOptions {
  /** The Authorization header value; omitted → no Authorization header. */
  auth?: string;
  url?: string;
  method?: string;
  status?: number;
  sentAt?: number;
}

export function capturedRequest(options: RequestOptions = {}): CapturedRequest {
  return {
    url: options.url ?? ROLODEX_URL,
    method: options.method ?? 'GET',
    status: options.status ?? 401,
    sentAt: options.sentAt ?? SENT_AT,
    requestHeaders:
      options.auth === undefined ? [] : [{ name: 'Authorization', value: options.auth }],
    responseHeaders: [],
  };
}

export interface EntryOptions extends RequestOptions {
  id: string;
  tabId?: number;
  source?: CaptureSource;
}

export function storedEntry(options: EntryOptions): StoredDiagnosis {
  return {
    id: options.id,
    tabId: options.tabId ?? 1,
    source: options.source ?? 'webRequest',
    capturedAt: (options.sentAt ?? SENT_AT) + 50,
    diagnosis: analyze(capturedRequest(options)),
  };
}
