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
  const firstFail = checks.find((c) => c.status === 'fail');
  const verdict: Verdict = firstFail
    ? 'fail'
    : checks.some((c) => c.status === 'warn')
      ? 'warn'
      : 'pass';
  return {
    verdict,
    rootCause: firstFail
      ? {
          id: firstFail.id,
          summary: firstFail.title,
          ...(firstFail.fix ? { fix: firstFail.fix } : {}),
        }
      : null,
  };
}
