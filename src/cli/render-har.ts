/**
 * The readable text of `diagnose --har`: a table of the Rhythm 401s, then how many per root
 * cause. Within the terminal's width, like the rest (null: a pipe, nothing wrapped or shortened).
 */
import {
  CHECK_IDS,
  STATUS_MARKS,
  type CheckStatus,
  type DiagnosisSummary,
} from '../analyzer/index.js';
import type { SanitizedExportFinding } from '../har/credential-tally.js';
import { markFor } from './render-text.js';
import {
  createPaint,
  terminalSafe,
  truncate,
  visibleLength,
  wrap,
  type Paint,
} from './terminal.js';

/** One row of the table: the request and the check its row shows, redacted. */
export interface HarRow {
  request: DiagnosisSummary['request'];
  cause: { status: CheckStatus; id: string; summary: string };
}

export interface HarSummary {
  file: string;
  entries: number;
  /** Entries that are not a readable request/response (no URL, no status, no start time). */
  unreadable: number;
  /** Why, most frequent first; absent: not said. */
  unreadableReasons?: ReadonlyArray<readonly [reason: string, count: number]>;
  rows: readonly HarRow[];
  finding: SanitizedExportFinding | null;
}

export interface HarTextOptions {
  colour: boolean;
  /** Columns to fit; null: a pipe, nothing wrapped or shortened. */
  width: number | null;
}

/**
 * What a row shows of a diagnosis: the root cause of a failing one (✗), the first warning of one
 * that only warns (!), `none` (✓) when nothing failed or warned. The table keeps only this.
 */
export function harRow({ request, cause }: DiagnosisSummary): HarRow {
  return {
    request,
    cause: cause ?? { status: 'pass', id: 'none', summary: 'no check failed or warned' },
  };
}

/**
 * `20,000`: a count with thousands separators, as `toLocaleString('en-US')` writes it, without
 * loading ICU's locale data (about 15 ms, the first time, in a CLI that runs for less than a second).
 */
export const count = (n: number): string =>
  Number.isSafeInteger(n) && !Object.is(n, -0)
    ? String(n).replace(/\B(?=(\d{3})+$)/g, ',')
    : n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
export const entriesText = (n: number, adjective = '') =>
  `${count(n)} ${adjective}${n === 1 ? 'entry' : 'entries'}`;

/** `2026-11-01 13:00:00Z`: the time the request was sent, in UTC, to the second. */
function timeText(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace('.000Z', 'Z');
}

const TIME = 20;
const METHOD = 7;
/** The mark, a space and the longest check id (`claims.customer_id`). */
const CAUSE = 2 + Math.max(...CHECK_IDS.map((id) => id.length));
const GAPS = 3 * 2;

/**
 * The URL without `https://`; when too long, `.api.rhythmsoftware.com` (every row has it) becomes
 * `.api…`, then the middle goes: host and path end both matter.
 */
function shortUrl(url: string, width: number | null): string {
  let text = terminalSafe(url.replace(/^https:\/\//i, '') || '(no URL)');
  if (width === null || [...text].length <= width) return text;
  text = text.replace(/^([^/]*\.api)\.rhythmsoftware\.com(?=[/:?#]|$)/i, '$1…');
  const chars = [...text];
  if (chars.length <= width) return text;
  const tail = Math.floor((width - 1) / 2);
  return `${chars.slice(0, width - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/** Narrower URL columns than this put each URL on a line of its own, under its row. */
const MIN_URL = 40;

function tableLines(rows: readonly HarRow[], paint: Paint, width: number | null): string[] {
  const room = width === null ? null : width - TIME - METHOD - CAUSE - GAPS;
  const time = (r: HarRow) => timeText(r.request.sentAt).padEnd(TIME);
  const method = (r: HarRow) =>
    truncate(terminalSafe(r.request.method.toUpperCase()), METHOD).padEnd(METHOD);
  const cause = ({ cause: c }: HarRow) => `${markFor(c.status, paint)} ${c.id}`;
  if (room !== null && width !== null && room < MIN_URL) {
    const header = `${'SENT (UTC)'.padEnd(TIME)}  ${'METHOD'.padEnd(METHOD)}  ROOT CAUSE`;
    return [
      paint.bold(header),
      ...rows.flatMap((row) => [
        `${time(row)}  ${method(row)}  ${cause(row)}`,
        `  ${shortUrl(row.request.url, width - 2)}`,
      ]),
    ];
  }
  const urlWidth =
    room ?? Math.max(3, ...rows.map((r) => visibleLength(shortUrl(r.request.url, null))));
  const header = `${'SENT (UTC)'.padEnd(TIME)}  ${'METHOD'.padEnd(METHOD)}  ${'URL'.padEnd(urlWidth)}  ROOT CAUSE`;
  const lines = rows.map((row) => {
    const url = shortUrl(row.request.url, urlWidth);
    const padded = url + ' '.repeat(Math.max(0, urlWidth - visibleLength(url)));
    return `${time(row)}  ${method(row)}  ${padded}  ${cause(row)}`;
  });
  return [paint.bold(header), ...lines];
}

function summaryLines(rows: readonly HarRow[], paint: Paint, width: number | null): string[] {
  const byCause = new Map<string, { cause: HarRow['cause']; n: number; varied: boolean }>();
  for (const { cause } of rows) {
    const key = `${cause.status} ${cause.id}`;
    const seen = byCause.get(key);
    if (seen) {
      seen.n++;
      seen.varied ||= seen.cause.summary !== cause.summary;
    } else {
      byCause.set(key, { cause, n: 1, varied: false });
    }
  }
  const order = (id: string) => {
    const at = (CHECK_IDS as readonly string[]).indexOf(id);
    return at < 0 ? CHECK_IDS.length : at;
  };
  const failing = rows.filter((r) => r.cause.status === 'fail').length;
  const warning = rows.filter((r) => r.cause.status === 'warn').length;
  const head = `Summary: ${plural(rows.length, 'Rhythm 401')}, ${count(failing)} with a failing check${warning > 0 ? `, ${count(warning)} with warnings only` : ''}`;
  const lines = wrap(head, width, '  ', '').map(paint.bold);
  const sorted = [...byCause.values()].sort(
    (x, y) => y.n - x.n || order(x.cause.id) - order(y.cause.id),
  );
  const digits = Math.max(...sorted.map((v) => count(v.n).length));
  for (const { cause, n, varied } of sorted) {
    const head = `  ${count(n).padStart(digits)}  ${STATUS_MARKS[cause.status]} ${cause.id.padEnd(CAUSE - 2)}  `;
    const painted = `  ${count(n).padStart(digits)}  ${markFor(cause.status, paint)} ${cause.id.padEnd(CAUSE - 2)}  `;
    const text = terminalSafe(`${varied ? 'e.g. ' : ''}${cause.summary}`);
    const [first = '', ...rest] = wrap(text, width, ' '.repeat(head.length));
    lines.push(painted + first.slice(head.length), ...rest);
  }
  return lines;
}

export function findingLines(
  finding: SanitizedExportFinding,
  width: number | null,
  paint = createPaint(false),
): string[] {
  return [
    ...wrap(terminalSafe(`${paint.yellow('!')} ${finding.summary}`), width, '  '),
    ...wrap('To get a HAR that can be diagnosed, export it again with the headers:', width, '  '),
    ...finding.howToExport.flatMap((line) => wrap(line, width, '      ', '    - ')),
    ...wrap(
      'Then run `rhythm-auth sanitize-har in.har out.har` before sharing it: that keeps what a diagnosis needs (JWT header and claims) and removes signatures, cookies and other secrets.',
      width,
      '  ',
    ),
  ];
}

/** ` (no start time)`, or ` (no start time: 3, no status: 1)` when the reasons differ. */
function unreadableWhy(summary: HarSummary): string {
  const reasons = summary.unreadableReasons ?? [];
  if (reasons.length === 0) return '';
  if (reasons.length === 1) return ` (${reasons[0]![0]})`;
  return ` (${reasons.map(([reason, n]) => `${reason}: ${count(n)}`).join(', ')})`;
}

export function renderHarText(summary: HarSummary, options: HarTextOptions): string {
  const paint = createPaint(options.colour);
  const { rows } = summary;
  const { width } = options;
  const facts = [
    entriesText(summary.entries),
    `${plural(rows.length, 'Rhythm 401')} diagnosed`,
    ...(summary.unreadable > 0
      ? [`${entriesText(summary.unreadable, 'unreadable ')}${unreadableWhy(summary)}`]
      : []),
  ];
  const lines = wrap(terminalSafe(`${summary.file}: ${facts.join(', ')}`), width, '  ', '');
  if (summary.finding) lines.push('', ...findingLines(summary.finding, width, paint));
  if (rows.length === 0) {
    lines.push(
      '',
      ...wrap(
        'No 401 from a Rhythm API (*.api.rhythmsoftware.com) in this file: nothing to diagnose.',
        width,
        '',
      ),
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push('', ...tableLines(rows, paint, width), '', ...summaryLines(rows, paint, width));
  lines.push(
    '',
    ...wrap(
      'Each one in full: --json (the diagnoses) or --markdown (the support report, redacted).',
      width,
      '',
    ),
  );
  return `${lines.join('\n')}\n`;
}
