/**
 * `rhythm-auth diagnose --har`'s reading: the file read, scanned, parsed and sorted on a thread of
 * its own (reader-thread.ts, bundled beside the CLI as har-reader.js) while the main thread
 * diagnoses what it finds, so the two halves of the work share the machine's cores. Every entry is
 * still parsed, counted and checked: the work is the same as in one thread, only split. Without
 * the bundled reader (the CLI run from its sources) both halves run here, one entry after another.
 */
import { stat } from 'node:fs/promises';
import type { AnalyzerSettings } from '../../analyzer/index.js';
import { createHarEntryReader, type HarFound, type HarReadState } from '../collect.js';
import { HarSyntaxError } from '../json-scanner.js';
import { readHarEntries, type Chunks, type ReadHarOptions } from '../read-entries.js';
import { openHarFile } from './read-file.js';
import { readerThreadUrl, takeHarReader, THREAD_FROM_BYTES } from './reader-start.js';

export { THREAD_FROM_BYTES };

/** What the main thread sends the reader. */
export interface ReaderJob {
  path: string;
  /** The settings `isDiagnosable` reads (no functions: they do not cross threads). */
  settings: AnalyzerSettings;
  /** Batches the reader may post before it waits for the main thread to take one. */
  ahead: number;
}

/** An error as it crosses from the reader: what `harInputError` needs to word it. */
export type ThreadError =
  | { kind: 'syntax'; reason: string; offset: number }
  | { kind: 'system'; message: string; code: string; syscall?: string; path?: string }
  | { kind: 'other'; name: string; message: string };

/** What the reader posts: the requests found in each chunk, then the counts, or why it stopped. */
export type ReaderMessage =
  | { type: 'found'; found: HarFound[]; bytes: number }
  | { type: 'end'; state: HarReadState }
  | { type: 'error'; error: ThreadError };

export function toThreadError(error: unknown): ThreadError {
  if (error instanceof HarSyntaxError)
    return { kind: 'syntax', reason: error.reason, offset: error.offset };
  const e = error as Error & { code?: unknown; syscall?: unknown; path?: unknown };
  if (error instanceof Error && typeof e.code === 'string') {
    return {
      kind: 'system',
      message: e.message,
      code: e.code,
      ...(typeof e.syscall === 'string' ? { syscall: e.syscall } : {}),
      ...(typeof e.path === 'string' ? { path: e.path } : {}),
    };
  }
  return error instanceof Error
    ? { kind: 'other', name: error.name, message: error.message }
    : { kind: 'other', name: 'Error', message: String(error) };
}

export function fromThreadError(error: ThreadError): Error {
  if (error.kind === 'syntax') return new HarSyntaxError(error.reason, error.offset);
  if (error.kind === 'other') return Object.assign(new Error(error.message), { name: error.name });
  const { kind: _kind, message, ...system } = error;
  return Object.assign(new Error(message), system);
}

/**
 * The reading half over `chunks`, in this thread: each request that is ours to `onFound`, in file
 * order; what it counted at the end. The reader's thread runs it too.
 */
export async function readFound(
  chunks: Chunks,
  settings: AnalyzerSettings,
  onFound: (found: HarFound) => void,
  options: ReadHarOptions,
): Promise<HarReadState> {
  const reader = createHarEntryReader(settings);
  await readHarEntries(
    chunks,
    (entry) => {
      const found = reader.read(entry);
      if (found) onFound(found);
    },
    options,
  );
  return reader.state();
}

/** Settings without their functions (the fingerprint's digest stays on the main thread). */
function plainSettings(settings: AnalyzerSettings): AnalyzerSettings {
  const { sha256Hex: _digest, ...plain } = settings;
  return plain;
}

export interface ReadFoundOptions {
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** The reader thread's script; the default is the bundled one beside the CLI, null for none. */
  readerUrl?: URL | null;
  /** Smaller files are read in this thread (default THREAD_FROM_BYTES). */
  threadFromBytes?: number;
}

/**
 * Reads the HAR at `path`, calling `onFound` with each request that is ours, in file order;
 * resolves to what the reading half counted. Rejects as the one-thread reader would: a
 * HarSyntaxError with the byte offset, or the file system's error.
 */
export async function readHarFound(
  path: string,
  settings: AnalyzerSettings,
  onFound: (found: HarFound) => void,
  options: ReadFoundOptions = {},
): Promise<HarReadState> {
  // A missing file rejects here, before any thread starts.
  const { size: total } = await stat(path);
  const big = total >= (options.threadFromBytes ?? THREAD_FROM_BYTES);
  const url = !big ? null : options.readerUrl === undefined ? readerThreadUrl() : options.readerUrl;
  if (!url) {
    const file = await openHarFile(path);
    return readFound(file.chunks, settings, onFound, {
      ...file.options,
      onProgress: options.onProgress,
    });
  }
  const job: ReaderJob = { path, settings: plainSettings(settings), ahead: 16 };
  return new Promise<HarReadState>((resolve, reject) => {
    const worker = takeHarReader(path, url);
    worker.postMessage(job);
    let done = false;
    const finish = (fail: unknown, state?: HarReadState) => {
      if (done) return;
      done = true;
      worker.removeAllListeners();
      worker.on('error', () => {}); // nothing more to say once settled
      void worker.terminate();
      if (state) resolve(state);
      else reject(fail);
    };
    worker.on('message', (message: ReaderMessage) => {
      if (done) return;
      try {
        if (message.type === 'found') {
          for (const found of message.found) onFound(found);
          worker.postMessage('next');
          options.onProgress?.(message.bytes, total);
        } else if (message.type === 'end') {
          finish(null, message.state);
        } else {
          finish(fromThreadError(message.error));
        }
      } catch (error) {
        finish(error);
      }
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) =>
      finish(new Error(`the HAR reader stopped before the end of the file (exit code ${code})`)),
    );
  });
}
