/**
 * Verdict and root cause from the checks, apart from analyze() so that a page which only writes an
 * active check's result into a kept diagnosis (src/shared/active.ts) does not bundle every check.
 */
import type { CheckResult, Diagnosis, Verdict } from './types.js';

/**
 * SPEC §3: the verdict is `fail` if any check fails, else `warn` if any warns, else `pass`; the
 * root cause is the first failing check in checklist order. Also used to write an active check's
 * result into a kept diagnosis (src/shared/active.ts).
 */
export function summarize(
  checks: readonly CheckResult[],
): Pick<Diagnosis, 'verdict' | 'rootCause'> {
  // One pass: the first failure, or whether any check warns.
  let warned = false;
  for (const c of checks) {
    if (c.status === 'fail') {
      const { id, title: summary, fix } = c;
      return { verdict: 'fail', rootCause: fix ? { id, summary, fix } : { id, summary } };
    }
    if (c.status === 'warn') warned = true;
  }
  const verdict: Verdict = warned ? 'warn' : 'pass';
  return { verdict, rootCause: null };
}
