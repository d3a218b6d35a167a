import {
  isRhythmApiHost,
  RHYTHM_API_DOMAIN,
  type CheckStatus,
  type Diagnosis,
} from '../../analyzer/index.js';

/** The same marks as the CLI and the Markdown report. */
export { STATUS_MARKS as STATUS_MARK } from '../../analyzer/index.js';

export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Passed',
  fail: 'Failed',
  warn: 'Warning',
  info: 'Information',
  skip: 'Skipped',
};

/** One formatter for every row: `toLocaleTimeString` builds a new one per call (slow in long lists). */
let clockFormat: Intl.DateTimeFormat | undefined;

/** `14:03:27` in local time. */
export function clockTime(epochMs: number): string {
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) return '—';
  clockFormat ??= new Intl.DateTimeFormat([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return clockFormat.format(d);
}

/** Host and path of a URL, without the query (which may hold secrets). */
export function hostAndPath(url: string): { host: string; path: string } {
  try {
    const u = new URL(url);
    return { host: u.host, path: u.pathname };
  } catch {
    return { host: '', path: url.slice(0, 200) };
  }
}

/** The one line a list shows for a diagnosis. */
export function rootCauseLine(d: Diagnosis): string {
  if (d.rootCause) return d.rootCause.summary;
  if (d.verdict === 'warn') return 'No check failed; see the warnings';
  return 'No check failed: the cause is not visible from the request';
}

/**
 * A host as a list row shows it when room is short: a Rhythm module host without the domain
 * every one of them shares (`rolodex.api`, `membership.api`), the bare API host whole (its own
 * failure, url.service), any other host (an extra one from the settings) as it is.
 */
export function shortHost(host: string): string {
  const lower = host.toLowerCase();
  if (lower === RHYTHM_API_DOMAIN || !isRhythmApiHost(lower)) return host;
  return lower.slice(0, -'.rhythmsoftware.com'.length);
}
