/**
 * One line for every error, from the errors Node gives (SystemError: `code`, `syscall`, `path`).
 * Codes that cannot be caused here as root (EACCES, EROFS, EXDEV…) are built the way Node builds
 * them; the CLI-level tests (input.test.ts) cause the ones that can be (ELOOP, EISDIR, ENOSPC,
 * EMFILE, ENOENT).
 */
import { describe, expect, it } from 'vitest';
import { errorLine, fileErrorText, UsageError } from '../../../src/cli/errors.js';
import { harInputError } from '../../../src/cli/input-error.js';

/** A SystemError as Node makes it: `EACCES: permission denied, open 'x.har'`. */
function systemError(code: string, words: string, syscall: string, path?: string) {
  const where = path ? ` '${path}'` : '';
  return Object.assign(new Error(`${code}: ${words}, ${syscall}${where}`), {
    code,
    errno: -1,
    syscall,
    ...(path ? { path } : {}),
  });
}

describe('fileErrorText', () => {
  it.each([
    ['ENOENT', 'no such file or folder'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'operation not permitted'],
    ['EISDIR', 'it is a directory'],
    ['ELOOP', 'too many levels of symbolic links (a link that leads back to itself?)'],
    ['ENOSPC', 'no space left on the device'],
    ['EMFILE', 'too many open files'],
    ['EROFS', 'the file system is read-only'],
    ['ENAMETOOLONG', 'the name is too long'],
  ])('%s → %s', (code, text) => {
    expect(fileErrorText(systemError(code, 'x', 'open', 'a.har'))).toBe(text);
  });

  it("uses Node's own words for a code it does not list", () => {
    expect(fileErrorText(systemError('EXDEV', 'cross-device link not permitted', 'rename'))).toBe(
      'cross-device link not permitted (EXDEV)',
    );
  });
});

describe('errorLine', () => {
  it.each([
    [
      systemError('EACCES', 'permission denied', 'open', '/srv/portal.har'),
      'rhythm-auth: cannot open /srv/portal.har: permission denied',
    ],
    [
      systemError('ENOSPC', 'no space left on device', 'write'),
      'rhythm-auth: cannot write the output: no space left on the device',
    ],
    [
      systemError('EIO', 'i/o error', 'read'),
      'rhythm-auth: cannot read the input: an input/output error (the disk or the network file system failed)',
    ],
    [new UsageError('bad flag'), 'rhythm-auth: bad flag (see rhythm-auth --help)'],
    [new UsageError('cannot read x', false), 'rhythm-auth: cannot read x'],
    [new Error('boom\n    at somewhere'), 'rhythm-auth: internal error: boom at somewhere'],
  ])('says %s in one line', (error, line) => {
    expect(errorLine(error)).toBe(line);
  });

  it('never calls a file-system error "internal error"', () => {
    for (const code of ['ELOOP', 'ENOSPC', 'EISDIR', 'EACCES', 'ENOENT', 'EMFILE', 'EXDEV']) {
      expect(errorLine(systemError(code, 'x', 'open', 'f'))).not.toMatch(/internal error/);
    }
  });
});

describe('harInputError', () => {
  it('turns any file-system error on the HAR into a usage error naming the file', async () => {
    const error = await harInputError(
      'p.har',
      systemError('EACCES', 'permission denied', 'open', 'p.har'),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('cannot read p.har: permission denied');
  });
});
