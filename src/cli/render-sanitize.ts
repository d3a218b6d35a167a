/** The readable text of `sanitize-har`: what was removed, per kind. */
import type { SanitizeChanges } from '../har/secrets.js';
import { count, entriesText } from './render-har.js';
import { terminalSafe, wrap } from './terminal.js';

const CHANGE_LABELS: Readonly<Record<keyof SanitizeChanges, string>> = {
  signatures: 'JWT signatures replaced (header and claims kept)',
  tokens: 'other tokens redacted (JWE, odd segments)',
  cookies: 'cookies removed (Cookie, Set-Cookie, cookies[])',
  headers: 'credential header values redacted (Basic, API keys…)',
  queryParams: 'secret query parameters redacted',
  bodyFields: 'secret body fields redacted (forms, JSON)',
  elsewhere: 'secrets elsewhere (URLs in other headers, copies)',
};

export function renderSanitizeText(
  result: {
    input: string;
    output: string;
    entries: number;
    entriesChanged: number;
    changes: SanitizeChanges;
  },
  width: number | null,
): string {
  const labelWidth = Math.max(...Object.values(CHANGE_LABELS).map((l) => l.length));
  const numbers = Object.values(result.changes).map((n) => count(n).length);
  const numberWidth = Math.max(...numbers);
  const head = `${terminalSafe(result.input)} → ${terminalSafe(result.output)}: ${entriesText(result.entries)}, ${count(result.entriesChanged)} changed`;
  const rows = (Object.keys(CHANGE_LABELS) as Array<keyof SanitizeChanges>).map(
    (kind) =>
      `  ${CHANGE_LABELS[kind].padEnd(labelWidth)}  ${count(result.changes[kind]).padStart(numberWidth)}`,
  );
  const note = wrap(
    'Kept, because a diagnosis needs them: JWT headers and claims (names and e-mails too), URLs, other headers, bodies without secret fields. Review it before sharing.',
    width,
    '',
  );
  return `${[...wrap(head, width, '  ', ''), ...rows, '', ...note].join('\n')}\n`;
}
