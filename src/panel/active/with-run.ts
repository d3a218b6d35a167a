/**
 * The panel's half of the active checks (src/shared/active.ts): an entry with a run's result in it.
 * The worker writes a kept entry's result itself and says so down the port; a pasted entry lives
 * only here, so its result is written here the same way (patchDiagnosis = analyze's semantics).
 */
import { patchDiagnosis } from '../../shared/active.js';
import type { ActiveRun, NotHeld } from '../../shared/active.js';
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

/** Said wherever an active check finds no token to send and the worker did not say why. */
export const TOKEN_GONE =
  'Token no longer available: the extension keeps captured tokens only in memory (the last 20 401s) and loses them when its service worker restarts. Reproduce the request, or paste the token (Paste token…).';

const NOT_HELD_TEXT: Readonly<Record<NotHeld, string>> = {
  'none-sent':
    'This request carried no token, so there is nothing to verify or retry. To check a token, paste it (Paste token…).',
  preflight:
    "A CORS preflight (OPTIONS) never carries a token, so there is nothing to verify: the fix is in the server's CORS answer. The active checks run on the request that follows it.",
  restarted:
    "Token no longer available: the extension's service worker restarted after this 401, and it keeps tokens in memory only. Reproduce the request, or paste the token (Paste token…).",
  'pushed-out':
    'Token no longer available: the extension keeps the tokens of the last 20 401s in memory, and newer 401s pushed this one out. Reproduce the request, or paste the token (Paste token…).',
  gone: 'This diagnosis is no longer kept (the tab was cleared, or newer 401s pushed it out).',
};

/** Why the active checks have no token for an entry, in the words that are true for it. */
export function notHeldText(why: NotHeld | undefined): string {
  return why ? NOT_HELD_TEXT[why] : TOKEN_GONE;
}
