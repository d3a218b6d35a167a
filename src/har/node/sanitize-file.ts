/**
 * `rhythm-auth sanitize-har <in> <out>`, Node's side: the file streamed through the scanner
 * twice (sanitize/engine.ts): the first pass collects every credential of the document, the
 * second writes each item (an entry, a page, any other member of `log`) with its credentials and
 * every copy of any credential replaced, everything between items copied byte for byte. Memory
 * holds one chunk, one item and the credentials found, never the file. The output goes to a
 * temporary file renamed over `<out>` at the end, so a broken input never leaves a half-written
 * "sanitized" HAR behind.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { ScannedItem } from '../json-scanner.js';
import { parseScannedItem } from '../parse-item.js';
import { scanHar, type ReadHarOptions } from '../read-entries.js';
import { JsonTreeError } from '../json-tree.js';
import { createHarSanitizer, type HarItem } from '../sanitize/engine.js';
import { addChanges, emptyChanges, hasChanges, type SanitizeChanges } from '../sanitize/scope.js';
import { openHarFile, utf8 } from './read-file.js';

export interface SanitizeFileOptions {
  chunkSize?: number;
  /** Bytes done, of both passes (each pass reads the file once: the total is twice its size). */
  onProgress?: ReadHarOptions['onProgress'];
}

/** The output could not be written (its folder is missing, the disk is full…). */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export interface SanitizeFileResult {
  entries: number;
  /** Entries that had something to remove. */
  entriesChanged: number;
  changes: SanitizeChanges;
  bytesIn: number;
  bytesOut: number;
}

/** The item as the engine reads it; a broken one is reported where it breaks, as the reader does. */
function harItem(item: ScannedItem): HarItem {
  return { array: item.array, text: utf8(item.bytes) };
}

function rethrowAt(item: ScannedItem, error: unknown): never {
  if (error instanceof JsonTreeError) parseScannedItem(item, utf8); // throws the HarSyntaxError
  throw error;
}

export async function sanitizeHarFile(
  input: string,
  output: string,
  options: SanitizeFileOptions = {},
): Promise<SanitizeFileResult> {
  const sanitizer = createHarSanitizer();
  // Pass 1: every credential of the file, before a byte is written.
  const first = await openHarFile(input, options.chunkSize);
  const total = (first.options.totalBytes ?? 0) * 2;
  await scanHar(
    first.chunks,
    {
      item(item) {
        try {
          sanitizer.collect(harItem(item));
        } catch (error) {
          rethrowAt(item, error);
        }
      },
    },
    {
      ...first.options,
      totalBytes: total,
      onProgress: (bytes) => options.onProgress?.(bytes, total),
    },
    { members: true },
  );

  const temporary = `${output}.${process.pid}.partial`;
  const out = createWriteStream(temporary);
  const opened = once(out, 'open').catch((error: unknown) => {
    throw new OutputError(error);
  });
  const result: SanitizeFileResult = {
    entries: 0,
    entriesChanged: 0,
    changes: emptyChanges(),
    bytesIn: 0,
    bytesOut: 0,
  };
  let pending: Array<Uint8Array | string> = [];
  const write = (piece: Uint8Array | string) => {
    result.bytesOut += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
    pending.push(piece);
  };
  /** Hands the chunk's output to the file, waiting while the file catches up (backpressure). */
  const flush = async () => {
    let full = false;
    for (const piece of pending) full = !out.write(piece) || full;
    pending = [];
    if (full) {
      await once(out, 'drain').catch((error: unknown) => {
        throw new OutputError(error);
      });
    }
  };
  const rewriteItem = (item: ScannedItem) => {
    let rewritten;
    try {
      rewritten = sanitizer.rewrite(harItem(item));
    } catch (error) {
      rethrowAt(item, error);
    }
    if (item.array === 'entries') {
      result.entries++;
      if (hasChanges(rewritten.changes)) result.entriesChanged++;
    }
    addChanges(result.changes, rewritten.changes);
    // Unchanged items are copied as they were: byte for byte, formatting and all.
    write(rewritten.text ?? Uint8Array.from(item.bytes));
  };
  try {
    await opened;
    const file = await openHarFile(input, options.chunkSize);
    const half = file.options.totalBytes ?? 0;
    const stats = await scanHar(
      file.chunks,
      { item: rewriteItem, text: (bytes) => write(Uint8Array.from(bytes)) },
      {
        ...file.options,
        totalBytes: total,
        onProgress: (bytes) => options.onProgress?.(half + bytes, total),
        afterChunk: flush,
      },
      { members: true },
    );
    await flush();
    out.end();
    await once(out, 'close').catch((error: unknown) => {
      throw new OutputError(error);
    });
    await rename(temporary, output).catch((error: unknown) => {
      throw new OutputError(error);
    });
    result.bytesIn = stats.bytes;
    return result;
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
