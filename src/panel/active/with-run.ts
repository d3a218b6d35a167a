/**
 * The panel's half of the active checks (src/shared/active.ts): an entry with a run's result in it.
 * The worker writes a kept entry's result itself and says so down the port; a pasted entry lives
 * only here, so its result is written here the same way (patchDiagnosis = analyze's semantics).
 */
import { patchDiagnosis } from '../../shared/active.js';
import type { ActiveRun } from '../../shared/active.js';
import type { PanelEntry } from '../entry.js';

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

/** Said wherever an active check finds no token to send (the section and the dialog). */
export const TOKEN_GONE =
  'Token no longer available: the extension keeps captured tokens only in memory (the last 20 401s) and loses them when its service worker restarts. Reproduce the request, or paste the token (Paste token…).';
