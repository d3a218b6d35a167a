/**
 * Reading a HAR file in the panel: the CLI's streaming scanner (src/har/json-scanner.ts, no Node
 * API in it) fed the chunks of `File.stream()`, each `log.entries` item `JSON.parse`d on its own.
 * The panel never holds the file, only a chunk and one entry, so a 100 MB HAR imports like a small
 * one. Where a file breaks, the error says where: byte offset, and line and column (a second read
 * up to that offset, on the error path only). Browser-safe and DOM-free, so unit tests feed it
 * arrays of chunks.
 */
import { createJsonScanner, HarSyntaxError, type ScanStats } from './json-scanner.js';
import { lineColumnAt, parseScannedItem } from './parse-item.js';

export type Chunks = AsyncIterable<Uint8Array>;

export interface ReadHarOptions {
  /** The file's size, for `onProgress` (0 when unknown). */
  totalBytes?: number;
  /** After each chunk: bytes read so far, and the file's size. */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** Checked between chunks; reading stops with the signal's reason. */
  signal?: AbortSignal;
}

/** A ReadableStream's chunks, for `for await` (Chrome's streams are async-iterable only since 124). */
export async function* streamChunks(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Stopped early (cancelled, or the file broke): let go of the file.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Calls `onEntry` with every `log.entries` item, parsed, in file order; resolves to the scan's stats. */
export async function readHarEntries(
  chunks: Chunks,
  onEntry: (entry: unknown, index: number) => void,
  options: ReadHarOptions = {},
): Promise<ScanStats> {
  const scanner = createJsonScanner({
    item(item) {
      if (item.array === 'entries') onEntry(parseScannedItem(item), item.index);
    },
  });
  options.signal?.throwIfAborted();
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    scanner.feed(chunk);
    options.onProgress?.(scanner.stats.bytes, options.totalBytes ?? 0);
  }
  scanner.end();
  return scanner.stats;
}

export { lineColumnAt };

/**
 * Why a HAR could not be read, in one line: the scanner's reason and where
 * (`truncated: the file ends inside log.entries[0] (which starts at byte 19) at byte 32 (line 1,
 * column 33)`), or what the browser said.
 */
export function harErrorText(error: unknown, at?: { line: number; column: number }): string {
  if (error instanceof HarSyntaxError) {
    const where = at ? ` (line ${at.line}, column ${at.column})` : '';
    return `${error.reason} at byte ${error.offset}${where}`;
  }
  if (error instanceof Error) {
    // NotReadableError: the file changed or went away while it was being read.
    return error.name === 'NotReadableError'
      ? 'the file could not be read (was it moved or changed while it was read?)'
      : error.message || error.name;
  }
  return String(error);
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export { HarSyntaxError };
