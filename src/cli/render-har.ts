/**
 * The readable text of `diagnose --har` (a table of the Rhythm 401s, then how many per root
 * cause) and of `sanitize-har` (what was removed, per kind). Within 100 columns, like the rest.
 */
import { CHECK_IDS, STATUS_MARKS, type ReportedDiagnosis } from '../analyzer/index.js';
import type { SanitizedExportFinding } from '../har/credential-tally.js';
import type { SanitizeChanges } from '../har/secrets.js';
import { WIDTH } from './render-text.js';
import { createPaint, terminalSafe, truncate, wrap, type Paint } from './terminal.js';

export interface HarSummary {
  file: string;
  entries: number;
  /** Entries that are not a readable request/response (no URL, no status, no start time). */
  unreadable: number;
  diagnoses: readonly ReportedDiagnosis[];
  finding: SanitizedExportFinding | null;
}

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
const entriesText = (n: number, adjective = '') =>
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
const CAUSE = 20;
const URL_WIDTH = WIDTH - TIME - METHOD - CAUSE - 2 - 3 * 2;

/**
 * The URL without `https://`; when too long, `.api.rhythmsoftware.com` (every row has it) becomes
 * `.api…`, then the middle goes: host and path end both matter.
 */
function shortUrl(url: string, width: number): string {
  let text = terminalSafe(url.replace(/^https:\/\//i, '') || '(no URL)');
  if ([...text].length <= width) return text;
  text = text.replace(/^([^/]*\.api)\.rhythmsoftware\.com(?=[/:?#]|$)/i, '$1…');
  const chars = [...text];
  if (chars.length <= width) return text;
  const tail = Math.floor((width - 1) / 2);
  return `${chars.slice(0, width - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

function tableLines(diagnoses: readonly ReportedDiagnosis[], paint: Paint): string[] {
  const header = `${'SENT (UTC)'.padEnd(TIME)}  ${'METHOD'.padEnd(METHOD)}  ${'URL'.padEnd(URL_WIDTH)}  ROOT CAUSE`;
  const rows = diagnoses.map((d) => {
    const url = shortUrl(d.request.url, URL_WIDTH).padEnd(URL_WIDTH);
    const method = truncate(terminalSafe(d.request.method.toUpperCase()), METHOD).padEnd(METHOD);
    const mark =
      d.verdict === 'fail' ? paint.red(STATUS_MARKS.fail) : paint.green(STATUS_MARKS.pass);
    const cause = d.rootCause ? d.rootCause.id : 'none';
    return `${timeText(d.request.sentAt).padEnd(TIME)}  ${method}  ${url}  ${mark} ${cause}`;
  });
  return [paint.bold(header), ...rows];
}

function summaryLines(diagnoses: readonly ReportedDiagnosis[], paint: Paint): string[] {
  const byCause = new Map<string, { n: number; example: string; varied: boolean }>();
  for (const d of diagnoses) {
    const id = d.rootCause?.id ?? 'none';
    const summary = d.rootCause?.summary ?? 'no check failed';
    const seen = byCause.get(id);
    if (seen) {
      seen.n++;
      seen.varied ||= seen.example !== summary;
    } else {
      byCause.set(id, { n: 1, example: summary, varied: false });
    }
  }
  const order = (id: string) => {
    const at = (CHECK_IDS as readonly string[]).indexOf(id);
    return at < 0 ? CHECK_IDS.length : at;
  };
  const failing = diagnoses.filter((d) => d.verdict === 'fail').length;
  const lines = [
    paint.bold(
      `Summary: ${plural(diagnoses.length, 'Rhythm 401')}, ${count(failing)} with a failing check`,
    ),
  ];
  const sorted = [...byCause].sort(([a, x], [b, y]) => y.n - x.n || order(a) - order(b));
  const width = Math.max(...sorted.map(([, v]) => count(v.n).length));
  for (const [id, { n, example, varied }] of sorted) {
    const head = `  ${count(n).padStart(width)}  ${id.padEnd(CAUSE)}`;
    const text = `${varied ? 'e.g. ' : ''}${example}`;
    lines.push(`${head}${truncate(terminalSafe(text), WIDTH - head.length)}`);
  }
  return lines;
}

export function findingLines(
  finding: SanitizedExportFinding,
  paint = createPaint(false),
): string[] {
  return [
    ...wrap(terminalSafe(`${paint.yellow('!')} ${finding.summary}`), WIDTH, '  '),
    ...wrap('To get a HAR that can be diagnosed, export it again with the headers:', WIDTH, '  '),
    ...finding.howToExport.flatMap((line) => wrap(line, WIDTH, '      ', '    - ')),
    ...wrap(
      'Then run `rhythm-auth sanitize-har in.har out.har` before sharing it: that keeps what a diagnosis needs (JWT header and claims) and removes signatures, cookies and other secrets.',
      WIDTH,
      '  ',
    ),
  ];
}

export function renderHarText(summary: HarSummary, options: { colour: boolean }): string {
  const paint = createPaint(options.colour);
  const { diagnoses } = summary;
  const facts = [
    entriesText(summary.entries),
    `${plural(diagnoses.length, 'Rhythm 401')} diagnosed`,
    ...(summary.unreadable > 0 ? [entriesText(summary.unreadable, 'unreadable ')] : []),
  ];
  const lines = wrap(terminalSafe(`${summary.file}: ${facts.join(', ')}`), WIDTH, '  ', '');
  if (summary.finding) lines.push('', ...findingLines(summary.finding, paint));
  if (diagnoses.length === 0) {
    lines.push(
      '',
      'No 401 from a Rhythm API (*.api.rhythmsoftware.com) in this file: nothing to diagnose.',
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push('', ...tableLines(diagnoses, paint), '', ...summaryLines(diagnoses, paint));
  lines.push(
    '',
    ...wrap(
      'Each one in full: --json (the diagnoses) or --markdown (the support report, redacted).',
      WIDTH,
      '',
    ),
  );
  return `${lines.join('\n')}\n`;
}

const CHANGE_LABELS: Readonly<Record<keyof SanitizeChanges, string>> = {
  signatures: 'JWT signatures masked (header and claims kept)',
  tokens: 'other tokens masked (JWE, opaque tokens)',
  cookies: 'cookie values redacted (names, attributes kept)',
  headers: 'credential header values redacted (Basic, API keys…)',
  queryParams: 'secret URL parameters redacted (query, user:pass@)',
  bodyFields: 'secret body fields redacted (forms, JSON, text)',
  elsewhere: 'copies of credentials found elsewhere in the file',
};

export function renderSanitizeText(result: {
  input: string;
  output: string;
  entries: number;
  entriesChanged: number;
  changes: SanitizeChanges;
}): string {
  const labelWidth = Math.max(...Object.values(CHANGE_LABELS).map((l) => l.length));
  const numbers = Object.values(result.changes).map((n) => count(n).length);
  const numberWidth = Math.max(...numbers);
  const head = `${terminalSafe(result.input)} → ${terminalSafe(result.output)}: ${entriesText(result.entries)}, ${count(result.entriesChanged)} changed`;
  const rows = (Object.keys(CHANGE_LABELS) as Array<keyof SanitizeChanges>).map(
    (kind) =>
      `  ${CHANGE_LABELS[kind].padEnd(labelWidth)}  ${count(result.changes[kind]).padStart(numberWidth)}`,
  );
  const note = wrap(
    'Kept, because a diagnosis needs them: JWT headers and claims (names and e-mails too), the shape of each token (masked), URLs, cookie names, other headers, bodies except their secret fields. Review it before sharing.',
    WIDTH,
    '',
  );
  return `${[...wrap(head, WIDTH, '  ', ''), ...rows, '', ...note].join('\n')}\n`;
}
