/**
 * The support report as Markdown, for pasting into a ticket (SPEC §6). It renders a report that
 * `buildReport` already redacted; every untrusted value still goes through the escapers, and a last
 * JWT-shaped pass runs over the whole text.
 */
import { CLAIM_EXPLANATIONS } from '../rhythm.js';
import { isoTime } from '../text.js';
import type { CheckResult } from '../types.js';
import {
  STATUS_LEGEND,
  STATUS_MARKS,
  VERDICT_MARKS,
  claimValue,
  isRhythmClaim,
  outcomeText,
  tokenWords,
  truncatedNote,
} from './format.js';
import { mdCode, mdJsonBlock, mdRow, mdText } from './markdown-escape.js';
import { redactJwtsInText } from '../redact/redact.js';
import type { ReportedDiagnosis, SupportReport } from './report.js';

const TOOL_NAMES = {
  cli: 'the rhythm-auth CLI',
  extension: 'the Rhythm Auth extension',
  library: 'the rhythm-auth library',
} as const;

/** The title: one diagnosis names its verdict and root cause, more are counted. */
function title(count: number, only: ReportedDiagnosis | undefined): string {
  if (count !== 1 || !only) return `# Rhythm Auth report: ${count} diagnoses`;
  const cause = only.rootCause ? `\`${only.rootCause.id}\`` : mdText(outcomeText(only));
  return `# Rhythm Auth report: ${VERDICT_MARKS[only.verdict]} ${only.verdict}: ${cause}`;
}

function preamble(report: ReportHead): string {
  const { options } = report;
  const redaction = [
    'no token signatures, complete tokens, cookies or credentials',
    options.includeTokenWithoutSignature ? 'token included without its signature' : '',
    options.maskPersonalClaims ? 'personal claims masked' : '',
  ].filter(Boolean);
  return [
    `Generated ${isoTime(Math.floor(report.generatedAt / 1000) * 1000)} by ${TOOL_NAMES[report.tool]} ${mdText(report.version)} on ${mdText(report.browser)}.`,
    `Redacted: ${redaction.join('; ')}.`,
  ].join('\n');
}

function summaryTable(d: ReportedDiagnosis): string[] {
  const skew = d.checks.find((c) => c.id === 'clock.skew');
  const t = d.token;
  const token =
    t.form === 'none'
      ? 'none sent'
      : `${tokenWords(t)}, fingerprint ${t.fingerprint ? `\`${t.fingerprint}\`` : 'none'}`;
  const rows: Array<[string, string]> = [
    ['Verdict', `${VERDICT_MARKS[d.verdict]} ${d.verdict}`],
    [
      'Root cause',
      d.rootCause
        ? `\`${d.rootCause.id}\`: ${mdText(d.rootCause.summary)}`
        : mdText(outcomeText(d)),
    ],
    [
      'Request',
      `${mdText(d.request.method.toUpperCase())} ${d.request.url ? mdCode(d.request.url) : '(no URL given)'}`,
    ],
    [
      'Status',
      d.pasted ? 'none: pasted into the panel, not a captured response' : String(d.request.status),
    ],
    [d.pasted ? 'Pasted at' : 'Sent at', isoTime(d.request.sentAt)],
    [
      'Service',
      d.service
        ? mdText(`${d.service.module ?? 'not a Rhythm module'} (${d.service.host})`)
        : 'unknown',
    ],
    ['Token', token],
    ['WWW-Authenticate', d.server.challenge !== null ? mdCode(d.server.challenge) : 'none'],
    ['Date (response)', d.server.date !== null ? mdText(d.server.date) : 'none'],
    [
      'Clock skew',
      skew
        ? `${STATUS_MARKS[skew.status]} ${mdText(skew.title)}: ${mdText(skew.detail)}`
        : 'unknown',
    ],
  ];
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => mdRow([`**${k}**`, v]))];
}

function rootCause(d: ReportedDiagnosis): string[] {
  const check = d.rootCause ? d.checks.find((c) => c.id === d.rootCause?.id) : undefined;
  if (!d.rootCause || !check) return [`No check failed: ${mdText(outcomeText(d))}.`];
  return [
    `**${STATUS_MARKS.fail} \`${check.id}\`: ${mdText(check.title)}**`,
    '',
    mdText(check.detail, 2000),
    '',
    `**Fix:** ${mdText(check.fix ?? 'see the checklist', 2000)}`,
  ];
}

function checklist(checks: readonly CheckResult[]): string[] {
  return [
    mdRow(['', 'Check', 'Result', 'Detail', 'Fix']),
    '|---|---|---|---|---|',
    ...checks.map((c) =>
      mdRow([
        STATUS_MARKS[c.status],
        `\`${c.id}\``,
        mdText(c.title),
        mdText(c.detail),
        c.fix ? mdText(c.fix) : '',
      ]),
    ),
    '',
    `Marks: ${STATUS_LEGEND} (not applicable, or an active check not run).`,
  ];
}

function tokenSection(d: ReportedDiagnosis, includeToken: boolean, masked: boolean): string[] {
  const t = d.token;
  if (t.form === 'none') return ['No token was sent.'];
  const lines = [
    `${tokenWords(t)}, fingerprint \`${t.fingerprint ?? 'none'}\` (first 12 hex digits of its SHA-256).`,
    '',
  ];
  lines.push('Header:', '', t.header ? mdJsonBlock(t.header) : '(not readable)', '');
  if (t.claims) {
    lines.push(
      'Claims (★ Rhythm claim):',
      '',
      mdRow(['Claim', 'Value', 'Meaning']),
      '|---|---|---|',
    );
    for (const [name, value] of Object.entries(t.claims)) {
      const mark = isRhythmClaim(name) ? '★ ' : '';
      const meaning = Object.hasOwn(CLAIM_EXPLANATIONS, name)
        ? (CLAIM_EXPLANATIONS[name] ?? '')
        : '';
      lines.push(
        mdRow([`${mark}${mdCode(name, 200)}`, mdCode(claimValue(name, value)), mdText(meaning)]),
      );
    }
  } else lines.push('Claims: not readable.');
  const cut = truncatedNote(t.truncated);
  if (cut) lines.push('', `${cut}.`);
  if (t.withoutSignature) {
    const note = masked ? ' (a payload with personal claims is re-encoded with them masked)' : '';
    lines.push('', `Token without its signature${note}:`, '', '```text', t.withoutSignature, '```');
  } else if (includeToken) {
    lines.push(
      '',
      'Token not included: only a signed JWT (JWS) can be shown without its signature.',
    );
  }
  return lines;
}

function section(
  d: ReportedDiagnosis,
  heading: string,
  options: SupportReport['options'],
): string[] {
  return [
    heading,
    '',
    ...summaryTable(d),
    '',
    '### Root cause and fix',
    '',
    ...rootCause(d),
    '',
    '### Checklist',
    '',
    ...checklist(d.checks),
    '',
    '### Token',
    '',
    ...tokenSection(d, options.includeTokenWithoutSignature, options.maskPersonalClaims),
  ];
}

/** What the head of a report needs: a report without its diagnoses. */
export type ReportHead = Omit<SupportReport, 'diagnoses'>;

/** The last line of defence: a JWT-shaped run in any rendered piece is reduced. */
function finalPass(text: string, options: SupportReport['options']): string {
  return redactJwtsInText(text, {
    keepHeaderPayload: options.includeTokenWithoutSignature,
    maskPersonal: options.maskPersonalClaims,
  });
}

/**
 * The Markdown report in pieces, so a report of thousands of diagnoses (`diagnose --har
 * --markdown`) is written as it is made, never held (SPEC §9): the head for `count` diagnoses
 * (`only`: the one diagnosis, when there is one), then each diagnosis' section, numbered.
 */
export function renderMarkdownHead(
  head: ReportHead,
  count: number,
  only?: ReportedDiagnosis,
): string {
  return finalPass(`${title(count, only)}\n\n${preamble(head)}\n`, head.options);
}

export function renderMarkdownSection(
  d: ReportedDiagnosis,
  index: number,
  count: number,
  options: SupportReport['options'],
): string {
  const mark = VERDICT_MARKS[d.verdict];
  const label = `${mark} ${d.pasted ? 'Pasted token,' : d.request.status} ${mdText(d.request.method.toUpperCase(), 20)}${d.rootCause ? `: \`${d.rootCause.id}\`` : ''}`;
  const heading = count > 1 ? `## ${index + 1}. ${label}` : `## ${label}`;
  return finalPass(`\n${section(d, heading, options).join('\n')}\n`, options);
}

export function renderMarkdown(report: SupportReport): string {
  const count = report.diagnoses.length;
  const parts = [renderMarkdownHead(report, count, report.diagnoses[0])];
  report.diagnoses.forEach((d, i) =>
    parts.push(renderMarkdownSection(d, i, count, report.options)),
  );
  return parts.join('');
}
