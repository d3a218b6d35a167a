/**
 * Node's side of reading a HAR: the file streamed in chunks through the scanner, each entry
 * `JSON.parse`d on its own and handed to the caller, progress reported per chunk. Nothing here
 * holds more than a chunk and one entry. Errors are HarSyntaxError with the byte offset.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  createJsonScanner,
  type ScanSink,
  type ScanStats,
  type ScannedItem,
} from '../json-scanner.js';
import { lineColumnAt, parseScannedItem } from '../parse-item.js';

/** 1 MiB: big enough that few entries span chunks, small next to the SPEC §9 memory budget. */
export const CHUNK_SIZE = 1024 * 1024;

export interface HarFileOptions {
  chunkSize?: number;
  /** Called after each chunk: bytes read so far and the file's size. */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** Awaited after each chunk, before the next is read: where a writer waits for its output. */
  afterChunk?(): Promise<void> | void;
}

function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

/** An item's value; a HarSyntaxError pointing into the file when it is not JSON. */
export function parseItem(item: ScannedItem): unknown {
  return parseScannedItem(item, utf8);
}

/** Streams `path` through a scanner built on `sink`; resolves to the scanner's stats. */
export async function scanHarFile(
  path: string,
  sink: ScanSink,
  options: HarFileOptions = {},
): Promise<ScanStats & { fileBytes: number }> {
  const { size } = await stat(path);
  const scanner = createJsonScanner(sink);
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? CHUNK_SIZE });
  for await (const chunk of stream) {
    scanner.feed(chunk as Buffer);
    await options.afterChunk?.();
    options.onProgress?.(scanner.stats.bytes, size);
  }
  scanner.end();
  return { ...scanner.stats, fileBytes: size };
}

/** Calls `onEntry` with every `log.entries` item of the HAR at `path`, parsed. */
export function readHarEntries(
  path: string,
  onEntry: (entry: unknown, item: ScannedItem) => void,
  options: HarFileOptions = {},
): Promise<ScanStats & { fileBytes: number }> {
  return scanHarFile(
    path,
    {
      item(item) {
        if (item.array === 'entries') onEntry(parseItem(item), item);
      },
    },
    options,
  );
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
