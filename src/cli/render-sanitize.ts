/** The readable text of `sanitize-har`: what was removed, per kind. */
import type { SanitizeChanges } from '../har/secrets.js';
import { count, entriesText } from './render-har.js';
import { terminalSafe, wrap } from './terminal.js';

const CHANGE_LABELS: Readonly<Record<keyof SanitizeChanges, string>> = {
  signatures: 'JWT signatures masked (header and claims kept)',
  tokens: 'other tokens masked (JWE, opaque tokens)',
  cookies: 'cookie values redacted (names, attributes kept)',
  headers: 'credential header values redacted (Basic, API keys…)',
  queryParams: 'secret URL parameters redacted (query, user:pass@)',
  bodyFields: 'secret body fields redacted (forms, JSON, text)',
  elsewhere: 'copies of credentials found elsewhere in the file',
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
    'Kept, because a diagnosis needs them: JWT headers and claims (names and e-mails too), the shape of each token (masked), URLs, cookie names, other headers, bodies except their secret fields. Review it before sharing.',
    width,
    '',
  );
  return `${[...wrap(head, width, '  ', ''), ...rows, '', ...note].join('\n')}\n`;
}
