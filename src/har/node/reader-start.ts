/**
 * Starting the HAR reader's thread (reader-thread.ts, bundled as dist/cli/har-reader.js) early.
 * A thread takes about 35 ms to start, as long as the CLI takes to load: the CLI's first module
 * starts one for `diagnose --har <big file>` (src/cli/prestart.ts) and read-found.ts takes it
 * over. Only Node built-ins here, so that it runs before the rest of the CLI is evaluated.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Files from this size on are read on the reader's thread: starting one costs more than reading
 * a small file takes.
 */
export const THREAD_FROM_BYTES = 8 * 1024 * 1024;

/** The bundled reader beside the bundled CLI (dist/cli/har-reader.js), or null from sources. */
export function readerThreadUrl(): URL | null {
  const url = new URL('./har-reader.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

let early: { path: string; href: string; worker: Worker } | null = null;

/**
 * Starts the reader for the file at `path` when it is big enough, to be taken by `takeHarReader`.
 * It waits for its job; unreferenced until taken, it never keeps the CLI running.
 */
export function startHarReader(path: string, url = readerThreadUrl()): Worker | null {
  if (!url || early) return null;
  try {
    if (statSync(path).size < THREAD_FROM_BYTES) return null;
  } catch {
    return null; // the CLI says what is wrong with the file
  }
  const worker = new Worker(url);
  worker.unref();
  worker.on('error', () => {}); // a reader that failed to start is not taken (below)
  early = { path, href: url.href, worker };
  return worker;
}

/** The reader started early for this file and script, or a new one. */
export function takeHarReader(path: string, url: URL): Worker {
  const taken = early;
  early = null;
  if (taken && taken.path === path && taken.href === url.href && taken.worker.threadId >= 0) {
    taken.worker.removeAllListeners('error');
    taken.worker.ref();
    return taken.worker;
  }
  if (taken) void taken.worker.terminate();
  return new Worker(url);
}
