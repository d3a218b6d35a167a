/**
 * One scanned HAR item (an entry's bytes) → its value. Shared by the CLI's reader and the panel's:
 * no Node APIs. When `JSON.parse` refuses the item, the scanner reads it again to say exactly where
 * it breaks, as an offset into the whole file.
 */
import { createJsonScanner, HarSyntaxError, type ScannedItem } from './json-scanner.js';

const decoder = new TextDecoder();

/** Where inside `bytes` the JSON breaks, by the scanner's own rules (only run once JSON.parse failed). */
function locateJsonError(bytes: Uint8Array): HarSyntaxError | null {
  const scanner = createJsonScanner({ item() {} }, { mode: 'json' });
  try {
    scanner.feed(bytes);
    scanner.end();
  } catch (error) {
    if (error instanceof HarSyntaxError) return error;
    throw error;
  }
  return null;
}

/** An item's value; a HarSyntaxError pointing into the file when it is not JSON. */
export function parseScannedItem(
  item: ScannedItem,
  decode: (bytes: Uint8Array) => string = (bytes) => decoder.decode(bytes),
): unknown {
  try {
    return JSON.parse(decode(item.bytes)) as unknown;
  } catch (error) {
    const where = `log.${item.array}[${item.index}]`;
    const found = locateJsonError(item.bytes);
    if (found) throw new HarSyntaxError(`${found.reason} (in ${where})`, item.start + found.offset);
    const reason = error instanceof Error ? error.message : String(error);
    throw new HarSyntaxError(`invalid JSON in ${where}: ${reason}`, item.start);
  }
}

/**
 * Line and column (1-based; columns in characters) of a byte offset, counted over the chunks up
 * to it: the CLI passes a file stream, the panel the dropped file's stream.
 */
export async function lineColumnAt(
  chunks: AsyncIterable<Uint8Array>,
  offset: number,
): Promise<{ line: number; column: number }> {
  let line = 1;
  let column = 1;
  let at = 0;
  for await (const bytes of chunks) {
    for (let i = 0; i < bytes.length && at < offset; i++, at++) {
      const c = bytes[i]!;
      if (c === 0x0a) {
        line++;
        column = 1;
      } else if ((c & 0xc0) !== 0x80 && !(at < 3 && [0xef, 0xbb, 0xbf][at] === c)) {
        column++; // a UTF-8 continuation byte or the byte order mark is not a new character
      }
    }
    if (at >= offset) break;
  }
  return { line, column };
}
