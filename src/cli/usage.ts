/**
 * The help text: the CLI contract of SPEC §5, as a user reads it. Kept as data (options and their
 * descriptions) and laid out for the terminal's width: descriptions wrap in their column, or go
 * under the option when the terminal is narrow; a pipe gets each description on one line.
 */
import { wrap } from './terminal.js';

type Row = readonly [left: string, description: string];
type Block =
  | { kind: 'text'; text: string }
  | { kind: 'rows'; column: number; rows: readonly Row[] }
  | { kind: 'verbatim'; lines: readonly string[] };

const OPTION_COLUMN = 29;

const BLOCKS: readonly Block[] = [
  { kind: 'text', text: 'Usage:' },
  {
    kind: 'rows',
    column: 42,
    rows: [
      ['rhythm-auth diagnose [options]', 'diagnose one request that got a 401'],
      ['rhythm-auth diagnose --har <file>', 'diagnose every Rhythm 401 in a HAR file'],
      ['rhythm-auth sanitize-har <in> <out>', 'write a copy of a HAR that is safe to share'],
      [
        'rhythm-auth check [options]',
        "verify a backend's client credentials end to end: token, diagnosis, one read (rhythm-auth check --help)",
      ],
      ['rhythm-auth --help | --version', ''],
    ],
  },
  {
    kind: 'text',
    text: 'The request (without --authorization, --token or --header it is diagnosed as sent without credentials):',
  },
  {
    kind: 'rows',
    column: OPTION_COLUMN,
    rows: [
      [
        '--authorization <value>',
        'the Authorization header value exactly as sent ("Bearer eyJ…"); "-" reads it from stdin (keeps it out of shell history; one trailing newline, as echo adds, is removed)',
      ],
      [
        '--token <jwt>',
        'the token alone, sent as "Bearer <jwt>"; "-" reads it from stdin. A whole "Bearer …" value given here is taken as the header, with a note',
      ],
      [
        '--header "Name: value"',
        'any request header, repeatable (e.g. a misspelled Authorisation)',
      ],
      ['--url <url>', 'the request URL, absolute: https://rolodex.api.rhythmsoftware.com/…'],
      ['--method <method>', 'default GET'],
      ['--status <code>', 'the response status, default 401'],
      ['--response-header "Name: value"', 'a response header, repeatable (WWW-Authenticate, Date)'],
      [
        '--at <time>',
        'when the request was sent: ISO 8601 (2026-11-01T12:00:00Z) or epoch seconds; default now. Expiry is judged at this time.',
      ],
    ],
  },
  { kind: 'text', text: 'Output (readable text by default; the token itself is never printed):' },
  {
    kind: 'rows',
    column: OPTION_COLUMN,
    rows: [
      ['--json', 'the Diagnosis as JSON (schema rhythm-auth/diagnosis@1)'],
      ['--markdown', 'the support report to paste into a ticket, redacted'],
      ['--include-token', 'with --markdown: add the token without its signature'],
      ['--mask-personal', 'with --markdown: mask email, name, nickname and picture'],
    ],
  },
  {
    kind: 'text',
    text: 'Text is wrapped to the terminal (its width, else $COLUMNS); into a pipe or a file, not at all.',
  },
  {
    kind: 'text',
    text: 'HAR files (Chrome, Edge, Firefox, Safari, Charles, Fiddler; JSONP .harp too; read as a stream, so 100 MB is fine):',
  },
  {
    kind: 'rows',
    column: OPTION_COLUMN,
    rows: [
      [
        '--har <file>',
        'diagnose every 401 from *.api.rhythmsoftware.com in the file: a table (sent, method, URL, root cause) and a count per root cause; --json prints {"diagnoses": [...]}, --markdown the support report of all of them. Says so when the HAR was exported without its Authorization headers (Chrome\'s default "Export HAR (sanitized)"), and how to export one with them. A broken file: exit 2, with where it broke.',
      ],
      [
        'sanitize-har <in> <out>',
        'writes <out> with every credential of the file replaced, wherever it stands (entries, pages, log.comment, custom fields, WebSocket messages, bodies, base64 bodies, JSON inside JSON) and wherever it was copied: JWTs keep header and claims, their signature masked; the token the analyzer reads is masked keeping its shape and fingerprint (so <out> gets the same diagnoses); cookie values, Basic credentials, API keys, credential parameters and body fields (access_token, client_secret, password…) and user:pass@ become [redacted]. Cookie names, Set-Cookie attributes and the rest of the file stay byte for byte. Prints what it changed, per kind.',
      ],
    ],
  },
  {
    kind: 'text',
    text: 'Exit status: 0 no check failed, 1 a check failed, 2 bad usage or unreadable input.',
  },
  { kind: 'text', text: 'Examples:' },
  {
    kind: 'verbatim',
    lines: [
      '  pbpaste | rhythm-auth diagnose --token - \\',
      '    --url https://rolodex.api.rhythmsoftware.com/contacts/current',
      '  rhythm-auth diagnose --token "$TOKEN" --markdown > report.md \\',
      '    --url https://membership.api.rhythmsoftware.com/memberships/acme.org',
      '  rhythm-auth diagnose --har portal.har',
      '  rhythm-auth sanitize-har portal.har portal.sanitized.har',
    ],
  },
];

/** A terminal narrower than this puts each description under its option. */
const MIN_DESCRIPTION = 30;

function rowLines(row: Row, column: number, width: number | null): string[] {
  const [left, description] = row;
  const head = `  ${left}`;
  if (description === '') return [head];
  const narrow = width !== null && width - column < MIN_DESCRIPTION;
  const at = narrow ? 6 : column;
  const indent = ' '.repeat(at);
  if (!narrow && head.length + 2 <= column) {
    const lines = wrap(description, width, indent, indent);
    return [head.padEnd(column) + (lines[0] ?? '').slice(column), ...lines.slice(1)];
  }
  return [head, ...wrap(description, width, indent)];
}

/** `rhythm-auth --help`, laid out for `width` columns (null: descriptions not wrapped). */
export function renderUsage(width: number | null): string {
  const lines: string[] = [];
  BLOCKS.forEach((block, i) => {
    // A blank line before every heading but the first; rows follow their heading directly.
    if (block.kind === 'text' && i > 0) lines.push('');
    if (block.kind === 'text') lines.push(...wrap(block.text, width, ''));
    else if (block.kind === 'rows') {
      for (const row of block.rows) lines.push(...rowLines(row, block.column, width));
    } else lines.push(...block.lines);
  });
  return `${lines.join('\n')}\n`;
}
