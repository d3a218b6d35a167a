/**
 * `rhythm-auth sanitize-har <in> <out>`, Node's side: streams the input through the scanner,
 * copies everything between entries byte for byte, writes each entry sanitized (or unchanged when
 * nothing in it was secret) as soon as it is read. The output goes to a temporary file renamed
 * over `<out>` at the end, so a broken input never leaves a half-written "sanitized" HAR behind.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { addChanges, emptyChanges, type SanitizeChanges } from '../secrets.js';
import { sanitizeHarEntry, sanitizeHarValue } from '../sanitize-entry.js';
import type { ScannedItem } from '../json-scanner.js';
import { parseScannedItem } from '../parse-item.js';
import { scanHar, type ReadHarOptions } from '../read-entries.js';
import { openHarFile, utf8 } from './read-file.js';

export interface SanitizeFileOptions {
  chunkSize?: number;
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

/**
 * The sanitized item, laid out like the original: minified stays minified; a pretty-printed item
 * is re-indented with its own indentation and line endings, so the file still reads the same.
 */
export function layoutLike(value: unknown, original: Uint8Array): string {
  const text = Buffer.from(original.buffer, original.byteOffset, original.length).toString('utf8');
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0) return JSON.stringify(value);
  const eol = text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  const base = /^[ \t]*/.exec(lastLine)?.[0] ?? '';
  const second = /^[ \t]*/.exec(text.slice(firstBreak + 1))?.[0] ?? '';
  const unit =
    second.startsWith(base) && second.length > base.length ? second.slice(base.length) : '  ';
  return JSON.stringify(value, null, unit).replace(/\n/g, `${eol}${base}`);
}

export async function sanitizeHarFile(
  input: string,
  output: string,
  options: SanitizeFileOptions = {},
): Promise<SanitizeFileResult> {
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
  const sanitizeItem = (item: ScannedItem) => {
    const value = parseScannedItem(item, utf8);
    const { entry, changes } =
      item.array === 'entries' ? sanitizeHarEntry(value) : sanitizeHarValue(value);
    const changed = Object.values(changes).some((n) => n > 0);
    if (item.array === 'entries') {
      result.entries++;
      if (changed) result.entriesChanged++;
    }
    addChanges(result.changes, changes);
    // Unchanged items are copied as they were: byte for byte, formatting and all.
    write(changed ? layoutLike(entry, item.bytes) : Uint8Array.from(item.bytes));
  };
  try {
    await opened;
    const file = await openHarFile(input, options.chunkSize);
    const stats = await scanHar(
      file.chunks,
      { item: sanitizeItem, text: (bytes) => write(Uint8Array.from(bytes)) },
      { ...file.options, onProgress: options.onProgress, afterChunk: flush },
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
