/**
 * An active check's result written into a diagnosis, exactly as `analyze(request, {active})` would
 * have written it (SPEC §3: the verdict and the root cause follow from the checks). Used where the
 * request is gone: the worker keeps diagnoses, never requests. Pure; tests compare it with analyze().
 */
import {
  type ActiveCheckOutcome,
  CHECK_IDS,
  type CheckId,
  type CheckResult,
  type Diagnosis,
  summarize,
} from '../../analyzer/index.js';

function resultOf(id: CheckId, outcome: ActiveCheckOutcome): CheckResult {
  const { status, title, detail, fix } = outcome;
  return fix === undefined ? { id, status, title, detail } : { id, status, title, detail, fix };
}

export function patchDiagnosis(
  diagnosis: Diagnosis,
  id: CheckId,
  outcome: ActiveCheckOutcome,
): Diagnosis {
  const rank = (c: CheckResult) => CHECK_IDS.indexOf(c.id);
  const checks = diagnosis.checks
    .map((c) => (c.id === id ? resultOf(id, outcome) : c))
    .sort((a, b) => rank(a) - rank(b));
  return { ...diagnosis, checks, ...summarize(checks) };
}
