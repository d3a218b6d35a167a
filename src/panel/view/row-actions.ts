/**
 * What a row's menu copies (RowMenu.tsx): the request as a cURL command, and the root cause's fix.
 * Pure, from the diagnosis alone: it holds no token (SPEC §4), so the command never carries one
 * either (SPEC §6: a copy shared in a ticket or a chat must not leak it); it reads the token from
 * `$RHYTHM_TOKEN`, which the user sets in their own shell.
 */
import type { Diagnosis } from '../../analyzer/index.js';

/** The shell variable the command reads the token from. */
export const TOKEN_VARIABLE = 'RHYTHM_TOKEN';

/** A POSIX shell single-quoted word: nothing inside is expanded. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The request as `curl` (method, the URL as the diagnosis kept it: its credential parameters
 * already `[redacted]`), with `Authorization: Bearer $RHYTHM_TOKEN` when a token was sent. Line
 * breaks and other control characters in the URL are percent-encoded, so the command stays one
 * command.
 */
export function curlCommand(d: Diagnosis): string {
  const method = d.request.method.toUpperCase().replace(/[^A-Z0-9_-]/g, '') || 'GET';
  // eslint-disable-next-line no-control-regex -- control characters are what this encodes
  const url = d.request.url.replace(/[\u0000-\u001f\u007f]/g, (c) => encodeURIComponent(c));
  const parts = ['curl'];
  if (method !== 'GET') parts.push('-X', method);
  parts.push(shellQuote(url));
  if (d.token.form !== 'none') parts.push('-H', `"Authorization: Bearer $${TOKEN_VARIABLE}"`);
  return parts.join(' ');
}

/** The root cause's fix (as the analyzer wrote it, `code spans` and all), or null when none. */
export function fixOf(d: Diagnosis): string | null {
  if (!d.rootCause) return null;
  const id = d.rootCause.id;
  return d.rootCause.fix ?? d.checks.find((c) => c.id === id)?.fix ?? null;
}
