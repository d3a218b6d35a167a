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

/** What the system calls in Node's errors mean to someone running the CLI. */
const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links (a link that leads back to itself?)',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on this system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EFBIG: 'the file is too large',
  EIO: 'an input/output error (the disk or the network file system failed)',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EEXIST: 'it already exists',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EAGAIN: 'the resource is temporarily unavailable',
};

interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  message: string;
}

/** An error the operating system gave (Node's `SystemError`: a `code` such as ENOENT). */
export function isSystemError(error: unknown): error is SystemError {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/**
 * `no such file or folder` for ENOENT and the like; for a code not listed, Node's own words
 * (`EXDEV: cross-device link not permitted, rename 'a' -> 'b'` → the part after the code).
 */
export function fileErrorText(error: unknown): string {
  if (isSystemError(error)) {
    const known = FILE_ERRORS[error.code];
    if (known) return known;
    const words = new RegExp(`^${error.code}: ([^,]+)`).exec(error.message)?.[1];
    return words ? `${words} (${error.code})` : error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

const VERBS: Readonly<Record<string, string>> = {
  open: 'open',
  read: 'read',
  write: 'write',
  stat: 'read',
  lstat: 'read',
  fstat: 'read',
  scandir: 'read',
  rename: 'write',
  close: 'close',
};

/** One line for stderr, whatever was thrown: never a stack trace. */
export function errorLine(error: unknown): string {
  let message: string;
  if (error instanceof UsageError) {
    message = `${error.message}${error.hint ? ' (see rhythm-auth --help)' : ''}`;
  } else if (isSystemError(error)) {
    // A file-system or stream error nobody caught nearer: still the path and the cause.
    const verb = VERBS[error.syscall ?? ''] ?? error.syscall ?? 'use';
    const what = error.path ?? (verb === 'write' ? 'the output' : 'the input');
    message = `cannot ${verb} ${what}: ${fileErrorText(error)}`;
  } else {
    message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
  }
  // Error messages quote arguments; a token pasted into the wrong option must not be echoed.
  const line = redactJwtsInText(message, { keepHeaderPayload: false });
  return `rhythm-auth: ${line.replace(/\s*[\r\n]+\s*/g, ' ').trim()}`;
}
