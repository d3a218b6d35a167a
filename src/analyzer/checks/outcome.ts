import type { AnalysisContext } from '../context.js';
import type { CheckId, CheckResult, CheckStatus } from '../types.js';

export type CheckOutcome = Omit<CheckResult, 'id'>;

export interface Check {
  id: CheckId;
  run(ctx: AnalysisContext): CheckOutcome;
}

function outcome(status: CheckStatus, title: string, detail: string, fix?: string): CheckOutcome {
  return fix === undefined ? { status, title, detail } : { status, title, detail, fix };
}

export const pass = (title: string, detail: string): CheckOutcome => outcome('pass', title, detail);
export const info = (title: string, detail: string): CheckOutcome => outcome('info', title, detail);
export const skip = (title: string, detail: string): CheckOutcome => outcome('skip', title, detail);
export const fail = (title: string, detail: string, fix: string): CheckOutcome =>
  outcome('fail', title, detail, fix);
export const warn = (title: string, detail: string, fix: string): CheckOutcome =>
  outcome('warn', title, detail, fix);

/** The skip every token check gives when there is no token to look at. */
export function noToken(ctx: AnalysisContext, what: string): CheckOutcome {
  return ctx.token === null
    ? skip(`${what}: no token`, 'No bearer token was sent, so there is nothing to check.')
    : skip(`${what}: token not readable`, 'The token could not be decoded (see token.format).');
}
