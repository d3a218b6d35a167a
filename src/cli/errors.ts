import { redactJwtsInText } from '../analyzer/index.js';

/** A problem with how the CLI was called or with its input: exit 2 with one line on stderr. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    /** Point at --help: the caller got the syntax wrong (not for unreadable input). */
    readonly hint = true,
  ) {
    super(message);
  }
}

/** One line for stderr, whatever was thrown: never a stack trace. */
export function errorLine(error: unknown): string {
  const message =
    error instanceof UsageError
      ? `${error.message}${error.hint ? ' (see rhythm-auth --help)' : ''}`
      : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  // Error messages quote arguments; a token pasted into the wrong option must not be echoed.
  const line = redactJwtsInText(message, { keepHeaderPayload: false });
  return `rhythm-auth: ${line.replace(/\s*[\r\n]+\s*/g, ' ').trim()}`;
}
