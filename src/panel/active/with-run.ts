/**
 * The panel's half of the active checks (src/shared/active.ts): an entry with a run's result in it.
 * The worker writes a kept entry's result itself and says so down the port; a pasted entry lives
 * only here, so its result is written here the same way (patchDiagnosis = analyze's semantics).
 */
import { patchDiagnosis } from '../../shared/active.js';
import type { ActiveRun } from '../../shared/active.js';
import type { PanelEntry } from '../state.js';

export function withRun(entry: PanelEntry, run: ActiveRun): PanelEntry | null {
  if (run.kind !== 'done') return null;
  const { outcome, retry } = run;
  return {
    ...entry,
    diagnosis: outcome
      ? patchDiagnosis(entry.diagnosis, outcome.id, outcome.result)
      : entry.diagnosis,
    ...(retry ? { retry } : {}),
  };
}

/** The origin a host permission pattern names (`https://x.us.auth0.com/*` → `https://x.us.auth0.com`). */
export function originOf(pattern: string): string {
  return pattern.replace(/\/\*$/, '');
}
