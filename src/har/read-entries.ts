/**
 * Reading a HAR from its chunks, wherever they come from (Node's file stream, the panel's
 * `File.stream()`, a test's array): the streaming scanner (json-scanner.ts) fed chunk by chunk,
 * each `log.entries` item `JSON.parse`d on its own. Nothing here holds more than a chunk and one
 * entry, so a 100 MB HAR reads like a small one. Where a file breaks, the error says where: the
 * byte offset, and line and column from a second read up to it (on the error path only).
 */
import {
  createJsonScanner,
  HarSyntaxError,
  type ScannerOptions,
  type ScanSink,
  type ScanStats,
  type ScannedItem,
} from './json-scanner.js';
import { lineColumnAt, parseScannedItem } from './parse-item.js';

export type Chunks = AsyncIterable<Uint8Array>;

const decoder = new TextDecoder();

export interface ReadHarOptions {
  /** The file's size, for `onProgress` (0 when unknown). */
  totalBytes?: number;
  /** After each chunk: bytes read so far, and the file's size. */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /**
   * Awaited after each chunk (and its `onProgress`), before the next is read: where a writer
   * waits for its output.
   */
  afterChunk?(): Promise<void> | void;
  /** Checked between chunks (an AbortSignal): reading stops with its reason. */
  signal?: { throwIfAborted(): void };
  /** Bytes → text for `JSON.parse` (Node passes Buffer's decoder; the default is TextDecoder). */
  decode?(bytes: Uint8Array): string;
}

/** Feeds every chunk to a scanner built on `sink`; resolves to the scanner's stats. */
export async function scanHar(
  chunks: Chunks,
  sink: ScanSink,
  options: ReadHarOptions = {},
  scannerOptions: ScannerOptions = {},
): Promise<ScanStats> {
  const scanner = createJsonScanner(sink, scannerOptions);
  options.signal?.throwIfAborted();
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    scanner.feed(chunk);
    options.onProgress?.(scanner.stats.bytes, options.totalBytes ?? 0);
    await options.afterChunk?.();
  }
  scanner.end();
  return scanner.stats;
}

/** Calls `onEntry` with every `log.entries` item, parsed, in file order. */
export function readHarEntries(
  chunks: Chunks,
  onEntry: (entry: unknown, item: ScannedItem) => void,
  options: ReadHarOptions = {},
): Promise<ScanStats> {
  const sink: ScanSink = {
    item(item) {
      if (item.array !== 'entries') return;
      onEntry('value' in item ? item.value : parseScannedItem(item, options.decode), item);
    },
  };
  const decode = options.decode ?? ((bytes: Uint8Array) => decoder.decode(bytes));
  return scanHar(chunks, sink, options, {
    // The scanner may find an entry's end by parsing it: it hands the value over, parsed once.
    parseItem: (bytes) => JSON.parse(decode(bytes)) as unknown,
  });
}

/**
 * Why a HAR could not be read, in one line: the scanner's reason and where
 * (`truncated: the file ends inside log.entries[0] (which starts at byte 19) at byte 32 (line 1,
 * column 33)`), or what the file system or the browser said.
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

export { HarSyntaxError, lineColumnAt };
