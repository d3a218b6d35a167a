/**
 * A HAR that cannot be read, as one line for stderr: what broke and where (byte offset, and line
 * and column, which cost a second read of the file up to that point, so only on this path), or
 * what the file system said, with the path.
 */
import { lineColumn } from '../har/node/read-file.js';
import { harErrorText, HarSyntaxError } from '../har/read-entries.js';
import { fileErrorText, isSystemError, UsageError } from './errors.js';

export { fileErrorText };

export async function harInputError(file: string, error: unknown): Promise<unknown> {
  if (error instanceof HarSyntaxError) {
    // The offset alone still says where when the second read fails.
    const at = await lineColumn(file, error.offset).catch(() => undefined);
    return new UsageError(`cannot read ${file}: ${harErrorText(error, at)}`, false);
  }
  if (isSystemError(error))
    return new UsageError(`cannot read ${file}: ${fileErrorText(error)}`, false);
  return error;
}
