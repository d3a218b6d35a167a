/**
 * A HAR that cannot be read, as one line for stderr: what broke and where (byte offset, and line
 * and column, which cost a second read of the file up to that point, so only on this path).
 */
import { lineColumn } from '../har/node/read-file.js';
import { harErrorText, HarSyntaxError } from '../har/read-entries.js';
import { UsageError } from './errors.js';

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
};

/** `no such file` for ENOENT and the like; the code itself for the rest. */
export function fileErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return FILE_ERRORS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}

export async function harInputError(file: string, error: unknown): Promise<unknown> {
  if (error instanceof HarSyntaxError) {
    // The offset alone still says where when the second read fails.
    const at = await lineColumn(file, error.offset).catch(() => undefined);
    return new UsageError(`cannot read ${file}: ${harErrorText(error, at)}`, false);
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && code in FILE_ERRORS) {
    return new UsageError(`cannot read ${file}: ${FILE_ERRORS[code]}`, false);
  }
  return error;
}
