import type { Diagnosis, TokenSubject } from '../analyzer/index.js';
import type { RetryResult } from './active.js';

/** Where a diagnosis came from. */
export type CaptureSource = 'webRequest' | 'devtools' | 'har' | 'paste';

/** A diagnosis as kept per tab in `storage.session` (SPEC §7). JSON-safe. */
export interface StoredDiagnosis {
  /** Unique within the tab: `<source>:<request id>`. */
  id: string;
  tabId: number;
  source: CaptureSource;
  /** Epoch ms when the extension recorded it. */
  capturedAt: number;
  /** The 401 response body, first 2 KB as text, when DevTools saw it. */
  responseBody?: string;
  diagnosis: Diagnosis;
  /** The last "retry with fix" the user ran on it (src/shared/active.ts). */
  retry?: RetryResult;
}

/** The claims of the last successful request to a host, for the panel's diff. */
/** What a last success is looked up by (`successKey`). */
export interface SuccessLookup {
  host: string;
  route: string;
  subject: TokenSubject;
}

/** The last 2xx of a host, route and subject kind (`successKey`), with its token's claims. */
export interface LastSuccess {
  host: string;
  /** The path as a template (`routeOf`): `/contacts/{tenant}/current`. */
  route: string;
  subject: TokenSubject;
  at: number;
  url: string;
  header: Record<string, unknown> | null;
  claims: Record<string, unknown>;
  fingerprint: string | null;
}

/** The badge text for a count of kept 401s (SPEC §10). */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
