/**
 * Node's side of reading a HAR: the file as chunks for read-entries.ts (the one reader), with its
 * size for progress and Buffer's UTF-8 decoder, and the line and column of an error's offset.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { lineColumnAt, type Chunks, type ReadHarOptions } from '../read-entries.js';

/** 1 MiB: big enough that few entries span chunks, small next to the SPEC §9 memory budget. */
export const CHUNK_SIZE = 1024 * 1024;

export function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

export interface HarFile {
  chunks: Chunks;
  /** What `readHarEntries` needs to report progress against the file and decode it. */
  options: Pick<ReadHarOptions, 'totalBytes' | 'decode'>;
}

/** The file at `path`, streamed in chunks (a missing file rejects here, before any chunk). */
export async function openHarFile(path: string, chunkSize = CHUNK_SIZE): Promise<HarFile> {
  const { size } = await stat(path);
  const chunks = createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Uint8Array>;
  return { chunks, options: { totalBytes: size, decode: utf8 } };
}

/**
 * The file at `path` as chunks read synchronously into one buffer, used again for every chunk:
 * no new memory per chunk (a fresh 1 MiB buffer costs its page faults each time), no thread
 * pool. Only for a consumer done with each chunk before it asks for the next (the scanner copies
 * what it keeps, and `readHarEntries` parses each entry at once), on a thread that may block:
 * the HAR reader's thread (reader-thread.ts).
 */
export async function* reusedChunks(
  path: string,
  chunkSize = CHUNK_SIZE,
): AsyncGenerator<Uint8Array, void, undefined> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkSize);
    for (;;) {
      const n = readSync(fd, buffer, 0, chunkSize, null);
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Line and column (1-based; columns in characters) of a byte offset, by reading the file again
 * up to it: only ever done for an error, so the hot path never counts lines.
 */
export function lineColumn(
  path: string,
  offset: number,
): Promise<{ line: number; column: number }> {
  const stream = createReadStream(path, {
    highWaterMark: CHUNK_SIZE,
    end: Math.max(0, offset - 1),
  });
  return lineColumnAt(stream as AsyncIterable<Uint8Array>, offset);
}
