/**
 * The readable text output of `rhythm-auth diagnose`: a verdict line, the root cause and its fix,
 * the checklist, a token summary. Wrapped to the terminal's width (`width`; null: not wrapped);
 * the token itself is never printed (it renders a diagnosis that was already redacted).
 */
import {
  type CheckStatus,
  CLAIM_CONTACT_ID,
  CLAIM_CUSTOMER_ID,
  CLAIM_TENANT_ID,
  claimValue,
  FORM_NAMES,
  outcomeText,
  type ReportedDiagnosis,
  requestText,
  SHORT_CLAIM_NAMES,
  STATUS_LEGEND,
  STATUS_MARKS,
} from '../analyzer/index.js';
import {
  createPaint,
  terminalSafe,
  truncate,
  visibleLength,
  wrap,
  type Paint,
} from './terminal.js';

const ID_WIDTH = 19;

export interface TextOptions {
  colour: boolean;
  /** Columns to wrap at; null: a pipe, nothing wrapped. */
  width: number | null;
}
const KEY_CLAIMS = [
  'sub',
  'aud',
  'iss',
  'azp',
  'gty',
  'scope',
  CLAIM_TENANT_ID,
  CLAIM_CUSTOMER_ID,
  CLAIM_CONTACT_ID,
  'iat',
  'nbf',
  'exp',
];

const NOTHING_FOUND =
  'No check explains this 401. Not verified here: the signature (token.signature) and the contact (contact.verified); the Rhythm Auth extension runs both on a click.';

/** A status mark in its colour (the checklist, the HAR table). */
export function markFor(status: CheckStatus, paint: Paint): string {
  const mark = STATUS_MARKS[status];
  switch (status) {
    case 'pass':
      return paint.green(mark);
    case 'fail':
      return paint.red(mark);
    case 'warn':
      return paint.yellow(mark);
    case 'info':
    case 'skip':
      return paint.dim(mark);
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

function verdictLines(d: ReportedDiagnosis, paint: Paint, width: number | null): string[] {
  return hanging(
    width,
    `${markFor(d.verdict, paint)} `,
    2,
    `${requestText(d)} — ${outcomeText(d)}`,
  );
}

/** `text` wrapped after a first-line prefix of `prefixWidth` columns, continued at `indent`. */
function hanging(
  width: number | null,
  prefix: string,
  prefixWidth: number,
  text: string,
  indent = prefixWidth,
): string[] {
  const lines = wrap(terminalSafe(text), width, ' '.repeat(indent), ' '.repeat(prefixWidth));
  return [prefix + (lines[0] ?? '').slice(prefixWidth), ...lines.slice(1)];
}

function rootCauseLines(d: ReportedDiagnosis, paint: Paint, width: number | null): string[] {
  const cause = d.rootCause;
  if (!cause && d.request.status === 401) {
    // Every passive check passed and the API still said 401: say where to look next.
    return ['', ...hanging(width, `${paint.bold('Next')}  `, 6, NOTHING_FOUND)];
  }
  if (!cause) return [];
  return [
    '',
    ...hanging(width, `${paint.bold('Root cause')}  `, 12, `${cause.id} — ${cause.summary}`),
    ...(cause.fix ? hanging(width, `${paint.bold('Fix')}         `, 12, cause.fix) : []),
  ];
}

function checklistLines(d: ReportedDiagnosis, paint: Paint, width: number | null): string[] {
  const lines = ['', `${paint.bold('Checklist')}  ${paint.dim(STATUS_LEGEND)}`];
  const column = 2 + 2 + ID_WIDTH + 1;
  // Under the title; in a narrow terminal nearer the margin, so the detail keeps room to read.
  const indent = ' '.repeat(width !== null && width < 72 ? 6 : column + 2);
  for (const check of d.checks) {
    const prefix = `  ${markFor(check.status, paint)} ${check.id.padEnd(ID_WIDTH)} `;
    const title = hanging(width, prefix, column, check.title);
    lines.push(...(check.status === 'skip' ? title.map(paint.dim) : title));
    if (check.status === 'fail' || check.status === 'warn') {
      lines.push(...wrap(terminalSafe(check.detail), width, indent));
      if (check.fix) lines.push(...wrap(terminalSafe(`Fix: ${check.fix}`), width, indent));
    }
  }
  return lines;
}

function tokenLines(d: ReportedDiagnosis, paint: Paint, width: number | null): string[] {
  const t = d.token;
  const head = `${paint.bold('Token')}  ${FORM_NAMES[t.form]}`;
  if (t.form === 'none') return ['', head];
  const facts = [`subject ${t.subject}`, `fingerprint ${t.fingerprint ?? 'none'}`];
  const summary = `${head} · ${facts.join(' · ')}`;
  // Wrapped only when it must be (wrap() would also close up the two spaces after "Token").
  const fits = width === null || visibleLength(summary) <= width;
  const lines = ['', ...(fits ? [summary] : wrap(summary, width, '  ', ''))];
  const row = (label: string, value: string) =>
    `  ${label.padEnd(12)} ${truncate(terminalSafe(value), width === null ? null : width - 15)}`;
  if (!t.claims) {
    if (t.header) lines.push(row('header', JSON.stringify(t.header)));
    lines.push(row('claims', 'not readable'));
    return lines;
  }
  for (const name of KEY_CLAIMS) {
    if (Object.hasOwn(t.claims, name)) {
      lines.push(row(SHORT_CLAIM_NAMES[name] ?? name, claimValue(name, t.claims[name])));
    }
  }
  const others = Object.keys(t.claims).filter((k) => !KEY_CLAIMS.includes(k));
  if (others.length) lines.push(row('other claims', others.join(', ')));
  return lines;
}

export function renderText(d: ReportedDiagnosis, options: TextOptions): string {
  const paint = createPaint(options.colour);
  const { width } = options;
  return [
    ...verdictLines(d, paint, width),
    ...rootCauseLines(d, paint, width),
    ...checklistLines(d, paint, width),
    ...tokenLines(d, paint, width),
    '',
  ].join('\n');
}
