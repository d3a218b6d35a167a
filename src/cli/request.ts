/** Turns a parsed `diagnose` command into the analyzer's CapturedRequest (SPEC §4). */
import type { CapturedRequest, HttpHeader } from '../analyzer/index.js';
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

async function authorizationHeader(
  command: DiagnoseCommand,
  io: RequestIo,
): Promise<HttpHeader | null> {
  const auth = command.authorization;
  if (!auth) return null;
  let value = auth.value;
  if (auth.from === 'stdin') {
    try {
      value = stdinValue(await io.readStdin());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(`cannot read the Authorization value from stdin: ${reason}`, false);
    }
  }
  return { name: 'Authorization', value: `${auth.prefix}${value}` };
}

export async function capturedRequest(
  command: DiagnoseCommand,
  io: RequestIo,
): Promise<CapturedRequest> {
  const authorization = await authorizationHeader(command, io);
  return {
    url: command.url,
    method: command.method,
    status: command.status,
    sentAt: command.at ?? io.now(),
    requestHeaders: [...(authorization ? [authorization] : []), ...command.headers],
    responseHeaders: command.responseHeaders,
  };
}
