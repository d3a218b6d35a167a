/** Turns a parsed `diagnose` command into the analyzer's CapturedRequest (SPEC §4). */
import { parseAuthorization, type CapturedRequest, type HttpHeader } from '../analyzer/index.js';
import type { DiagnoseCommand } from './args.js';
import { UsageError } from './errors.js';

export interface RequestIo {
  /** The whole of stdin as text. */
  readStdin(): Promise<string>;
  /** The clock, for a request without --at. */
  now(): number;
}

/**
 * The Authorization value from stdin, exactly as sent except for ONE trailing newline: `echo` and
 * most editors add one, and it would make header.scheme warn about a newline the caller never sent.
 */
export function stdinValue(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** A request, and what the CLI read differently from the letter of its options (for stderr). */
export interface CliRequest {
  request: CapturedRequest;
  notes: string[];
}

/** "Bearer …" (any case, one or more spaces): a whole header value, not a token. */
const HEADER_VALUE = /^bearer\s/i;

interface Given {
  value: string;
  flag: '--token' | '--authorization';
  fromStdin: boolean;
}

async function authorizationValue(command: DiagnoseCommand, io: RequestIo): Promise<Given | null> {
  const auth = command.authorization;
  if (!auth) return null;
  let value = auth.value;
  if (auth.from === 'stdin') {
    try {
      value = stdinValue(await io.readStdin());
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(`cannot read the Authorization value from stdin: ${reason}`, false);
    }
  }
  return {
    value,
    flag: auth.prefix === '' ? '--authorization' : '--token',
    fromStdin: auth.from === 'stdin',
  };
}

/**
 * The Authorization header the options mean. `--token "Bearer eyJ…"` is a whole header value
 * pasted into --token (DevTools copies it that way): it is taken as the header as sent, with a
 * note, rather than diagnosed as `Bearer Bearer …`, a mistake the app never made. A bare token on
 * `--authorization` is diagnosed as sent (it may be the app's mistake) with a note naming --token.
 */
function authorizationHeader(given: Given, notes: string[]): HttpHeader {
  const source = given.fromStdin ? ' (from stdin)' : '';
  if (given.flag === '--token') {
    if (HEADER_VALUE.test(given.value)) {
      notes.push(
        `--token got a whole Authorization value ("Bearer …")${source}: diagnosed as that header, as --authorization would; --token takes the token alone.`,
      );
      return { name: 'Authorization', value: given.value };
    }
    return { name: 'Authorization', value: `Bearer ${given.value}` };
  }
  if (parseAuthorization(given.value).problem === 'no-scheme') {
    notes.push(
      'the --authorization value is a bare token, without "Bearer ": diagnosed as sent that way. If you pasted only the token, give it with --token (or --token - for stdin).',
    );
  }
  return { name: 'Authorization', value: given.value };
}

export async function capturedRequest(
  command: DiagnoseCommand,
  io: RequestIo,
): Promise<CliRequest> {
  const notes: string[] = [];
  const given = await authorizationValue(command, io);
  const authorization = given ? authorizationHeader(given, notes) : null;
  return {
    request: {
      url: command.url,
      method: command.method,
      status: command.status,
      sentAt: command.at ?? io.now(),
      requestHeaders: [...(authorization ? [authorization] : []), ...command.headers],
      responseHeaders: command.responseHeaders,
    },
    notes,
  };
}
