/**
 * The command line, parsed strictly (node:util parseArgs) and validated into a plain command.
 * Everything wrong with the call becomes a UsageError: one line, exit 2.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export interface HeaderArg {
  name: string;
  value: string;
}

export interface DiagnoseCommand {
  kind: 'diagnose';
  /** The Authorization value; `-` means "read stdin". */
  authorization: { from: 'argument' | 'stdin'; value: string; prefix: string } | null;
  headers: HeaderArg[];
  url: string;
  method: string;
  status: number;
  responseHeaders: HeaderArg[];
  /** Epoch ms, or null for "now". */
  at: number | null;
  output: 'text' | 'json' | 'markdown';
  includeToken: boolean;
  maskPersonal: boolean;
}

/** `diagnose --har <file>`: every Rhythm 401 in a HAR file. */
export interface DiagnoseHarCommand {
  kind: 'diagnose-har';
  file: string;
  output: DiagnoseCommand['output'];
  includeToken: boolean;
  maskPersonal: boolean;
}

/** `sanitize-har <in> <out>`. */
export interface SanitizeHarCommand {
  kind: 'sanitize-har';
  input: string;
  output: string;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | DiagnoseCommand
  | DiagnoseHarCommand
  | SanitizeHarCommand;

/** The options that describe one request: the requests of a HAR come from the file instead. */
const REQUEST_OPTIONS = [
  'authorization',
  'token',
  'header',
  'url',
  'method',
  'status',
  'response-header',
  'at',
] as const;

const OPTIONS = {
  authorization: { type: 'string' },
  token: { type: 'string' },
  header: { type: 'string', multiple: true },
  url: { type: 'string' },
  method: { type: 'string' },
  status: { type: 'string' },
  'response-header': { type: 'string', multiple: true },
  at: { type: 'string' },
  har: { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  'include-token': { type: 'boolean' },
  'mask-personal': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** RFC 9110 §5.1 field names: tchar only. */
const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function parseHeader(raw: string, flag: string): HeaderArg {
  const colon = raw.indexOf(':');
  if (colon < 0) throw new UsageError(`${flag} needs "Name: value", got no colon`);
  const name = raw.slice(0, colon).trim();
  if (!FIELD_NAME.test(name)) {
    throw new UsageError(
      `${flag} needs "Name: value"; ${JSON.stringify(name)} is not a header name`,
    );
  }
  // As an HTTP parser does: whitespace around the value is not part of it.
  return { name, value: raw.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '') };
}

/** `--at`: ISO 8601 with a date, or epoch seconds. Milliseconds are refused, not guessed. */
export function parseAt(raw: string): number {
  const text = raw.trim();
  if (/^-\d/.test(text)) {
    throw new UsageError(
      `--at ${text} is before 1970, not a time a request was sent: give ISO 8601 (2026-11-01T12:00:00Z) or epoch seconds`,
    );
  }
  if (/^\d+(\.\d+)?$/.test(text)) {
    const seconds = Number(text);
    if (seconds > 1e11) {
      throw new UsageError(`--at ${text} looks like milliseconds; it takes epoch seconds`);
    }
    return Math.round(seconds * 1000);
  }
  const ms = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) {
    throw new UsageError(
      `--at ${JSON.stringify(raw)} is neither ISO 8601 (2026-11-01T12:00:00Z) nor epoch seconds`,
    );
  }
  return ms;
}

/**
 * `--url`: an absolute http(s) URL, as the request line had it. Anything else is a usage error
 * (exit 2), not a diagnosis: a URL the shell mangled or the scheme left off would otherwise be
 * diagnosed as the app's mistake.
 */
export function parseUrlArg(raw: string): string {
  const shown = JSON.stringify(raw.length > 80 ? `${raw.slice(0, 79)}…` : raw);
  if (raw.trim() === '') {
    throw new UsageError('--url needs a URL: https://<module>.api.rhythmsoftware.com/…');
  }
  let url: URL | null;
  try {
    url = /^https?:\/\/[^/]/i.test(raw) ? new URL(raw) : null;
  } catch {
    url = null;
  }
  if (!url) {
    const bare = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(raw);
    throw new UsageError(
      `--url ${shown} is not an absolute http(s) URL${bare ? `; did you mean https://${raw}?` : ''}`,
    );
  }
  if (/\s/.test(raw)) {
    throw new UsageError(
      `--url ${shown} contains whitespace: quote the URL exactly as it was requested`,
    );
  }
  return raw;
}

function parseStatus(raw: string): number {
  if (!/^\d{3}$/.test(raw.trim()) || Number(raw) < 100 || Number(raw) > 599) {
    throw new UsageError(`--status ${JSON.stringify(raw)} is not an HTTP status (100-599)`);
  }
  return Number(raw);
}

function parseMethod(raw: string): string {
  if (!/^[A-Za-z]+$/.test(raw)) {
    throw new UsageError(`--method ${JSON.stringify(raw)} is not an HTTP method`);
  }
  return raw.toUpperCase();
}

function parsed(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    // Node's messages are good but multi-line; the first line is the reason.
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]}`);
    // `--at -5`: Node takes the value for an option; say what it is instead.
    const ambiguous = /^Option '(--[a-z-]+)' argument is ambiguous/.exec(message);
    if (ambiguous) {
      const flag = ambiguous[1]!;
      const value = argv[argv.indexOf(flag) + 1] ?? '';
      if (flag === '--at') parseAt(value);
      throw new UsageError(
        `${flag} ${JSON.stringify(value)}: a value that starts with "-" reads as an option; write ${flag}=${value} if it is the value`,
      );
    }
    throw new UsageError(message);
  }
}

export function parseCommandLine(argv: readonly string[]): Command {
  const { values: v, positionals } = parsed(argv);
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command: diagnose or sanitize-har');
  if (command === 'sanitize-har') return sanitizeHarCommand(v, rest);
  if (command !== 'diagnose') throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);

  if (v.authorization !== undefined && v.token !== undefined) {
    throw new UsageError('give --authorization or --token, not both');
  }
  if (v.json && v.markdown) throw new UsageError('give --json or --markdown, not both');
  for (const flag of ['include-token', 'mask-personal'] as const) {
    if (v[flag] && !v.markdown) throw new UsageError(`--${flag} works only with --markdown`);
  }
  const output = v.json ? 'json' : v.markdown ? 'markdown' : 'text';
  const includeToken = v['include-token'] === true;
  const maskPersonal = v['mask-personal'] === true;

  if (v.har !== undefined) {
    const clash = REQUEST_OPTIONS.find((name) => v[name] !== undefined);
    if (clash) {
      throw new UsageError(
        `--har cannot be combined with --${clash}: the requests come from the file`,
      );
    }
    if (v.har === '') throw new UsageError('--har needs a file name');
    return { kind: 'diagnose-har', file: v.har, output, includeToken, maskPersonal };
  }

  const headers = (v.header ?? []).map((h) => parseHeader(h, '--header'));
  const raw = v.authorization ?? v.token;
  const prefix = v.token !== undefined ? 'Bearer ' : '';
  if (raw !== undefined && headers.some((h) => h.name.toLowerCase() === 'authorization')) {
    throw new UsageError('Authorization given twice: by --header and by --authorization/--token');
  }

  return {
    kind: 'diagnose',
    authorization:
      raw === undefined
        ? null
        : { from: raw === '-' ? 'stdin' : 'argument', value: raw === '-' ? '' : raw, prefix },
    headers,
    url: v.url !== undefined ? parseUrlArg(v.url) : '',
    method: v.method !== undefined ? parseMethod(v.method) : 'GET',
    status: v.status !== undefined ? parseStatus(v.status) : 401,
    responseHeaders: (v['response-header'] ?? []).map((h) => parseHeader(h, '--response-header')),
    at: v.at !== undefined ? parseAt(v.at) : null,
    output,
    includeToken,
    maskPersonal,
  };
}

function sanitizeHarCommand(
  v: ReturnType<typeof parsed>['values'],
  rest: readonly string[],
): SanitizeHarCommand {
  const given = Object.keys(v).find((name) => v[name as keyof typeof v] !== undefined);
  if (given) throw new UsageError(`sanitize-har takes no options, got --${given}`);
  const [input, output, extra] = rest;
  if (input === undefined || output === undefined) {
    throw new UsageError('sanitize-har needs two files: sanitize-har <in.har> <out.har>');
  }
  if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}`);
  return { kind: 'sanitize-har', input, output };
}
