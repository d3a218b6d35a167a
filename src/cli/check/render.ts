/**
 * The text of `rhythm-auth check`, in 80 columns: what is checked (and any --connect-to or
 * --ca-file in force, so pointing it elsewhere is never silent), then each step with its mark,
 * its result, the evidence and the fix, then one line of outcome. Every server-supplied string
 * goes through terminalSafe.
 */
import { STATUS_MARKS } from '../../analyzer/index.js';
import { createPaint, terminalSafe, wrap, type Paint } from '../terminal.js';
import type { CheckCommand } from './args.js';
import type { CheckReport, CheckStep, StepCheck, StepId, StepStatus } from './types.js';

export const CHECK_WIDTH = 80;
const COLUMN = 16;
const NAMES: Readonly<Record<StepId, string>> = {
  token: 'Token',
  diagnosis: 'Diagnosis',
  rolodex: 'Rolodex',
};

function mark(status: StepStatus | StepCheck['status'], paint: Paint): string {
  const text = STATUS_MARKS[status];
  if (status === 'pass') return paint.green(text);
  if (status === 'fail') return paint.red(text);
  if (status === 'warn') return paint.yellow(text);
  return paint.dim(text);
}

/**
 * `text` wrapped to 80 columns, its continuation lines at `indent`. A word longer than a line
 * (a URL in a server's message) is cut, so that no line is wider than the terminal.
 */
function block(text: string, indent: number, first = ' '.repeat(indent)): string[] {
  const room = CHECK_WIDTH - Math.max(indent, first.length);
  const words = terminalSafe(text)
    .split(' ')
    .flatMap((word) => word.match(new RegExp(`.{1,${room}}`, 'gu')) ?? [word]);
  return wrap(words.join(' '), CHECK_WIDTH, ' '.repeat(indent), first);
}

function checkLines(check: StepCheck, paint: Paint): string[] {
  const head = block(`${check.id}: ${check.title}`, COLUMN + 2);
  const lines = [`${' '.repeat(COLUMN)}${mark(check.status, paint)} ${head[0]!.slice(COLUMN + 2)}`];
  lines.push(...head.slice(1), ...block(check.detail, COLUMN + 2));
  if (check.fix) lines.push(...block(`Fix: ${check.fix}`, COLUMN + 2));
  return lines;
}

function stepLines(step: CheckStep, n: number, paint: Paint): string[] {
  const label = `${n}. ${NAMES[step.id]}`.padEnd(COLUMN - 2);
  const title = block(step.title, COLUMN);
  const lines = [`${mark(step.status, paint)} ${paint.bold(label)}${title[0]!.slice(COLUMN)}`];
  lines.push(...title.slice(1));
  if (step.detail) lines.push(...block(step.detail, COLUMN));
  for (const check of step.checks ?? []) {
    if (check.status === 'fail' || check.status === 'warn') lines.push(...checkLines(check, paint));
  }
  if (step.fix) lines.push(...block(`Fix: ${step.fix}`, COLUMN));
  return step.status === 'skip' ? lines.map(paint.dim) : lines;
}

function headerLines(command: CheckCommand, report: CheckReport, paint: Paint): string[] {
  const row = (name: string, value: string) => block(value, 12, `  ${name.padEnd(10)}`);
  const lines = [paint.bold(`rhythm-auth check: client ${report.clientId}`)];
  lines.push(...row('issuer', report.issuer), ...row('audience', report.audience));
  if (report.tenant !== null) lines.push(...row('tenant', report.tenant));
  for (const c of command.connectTo) {
    lines.push(...row('connect', `${c.host} → ${c.address}:${c.port} (--connect-to)`));
  }
  if (command.caFile !== null) {
    lines.push(...row('trust', `the certificates in ${command.caFile} (--ca-file)`));
  }
  return lines;
}

function outcomeLines(report: CheckReport, paint: Paint): string[] {
  const failed = report.steps.findIndex((s) => s.status === 'fail');
  const warned = report.steps.some((s) => s.status === 'warn');
  const tenant = report.tenant === null ? '' : ` for tenant ${report.tenant}`;
  const status: StepStatus = failed >= 0 ? 'fail' : warned ? 'warn' : 'pass';
  const text =
    failed >= 0
      ? `Failed at step ${failed + 1} (${NAMES[report.steps[failed]!.id]}).`
      : `All ${report.steps.length} steps passed${warned ? ', with warnings' : ''}: this client can call the Rhythm APIs${tenant}.`;
  const lines = block(text, 2);
  return [`${mark(status, paint)} ${lines[0]!.slice(2)}`, ...lines.slice(1)];
}

export function renderCheckText(
  command: CheckCommand,
  report: CheckReport,
  options: { colour: boolean },
): string {
  const paint = createPaint(options.colour);
  const lines = [...headerLines(command, report, paint), ''];
  report.steps.forEach((step, i) => lines.push(...stepLines(step, i + 1, paint)));
  lines.push('', ...outcomeLines(report, paint), '');
  return lines.join('\n');
}
