/**
 * The HAR reader's thread (bundled as dist/cli/har-reader.js; started by read-found.ts): reads,
 * scans and parses every entry, counts it, and posts the requests that are ours, a batch per
 * chunk, from one buffer read again and again (`reusedChunks`). It runs at most `ahead` batches
 * before the main thread, so a slow terminal or a file of 401s only never piles parsed requests
 * up in memory.
 */
import { parentPort } from 'node:worker_threads';
import type { HarFound } from '../collect.js';
import { reusedChunks, utf8 } from './read-file.js';
import { readFound, toThreadError, type ReaderJob, type ReaderMessage } from './read-found.js';

async function run(port: NonNullable<typeof parentPort>, job: ReaderJob): Promise<void> {
  const post = (message: ReaderMessage) => port.postMessage(message);
  let ahead = 0;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    ahead--;
    wake?.();
    wake = null;
  });
  let batch: HarFound[] = [];
  try {
    let bytes = 0;
    const state = await readFound(
      reusedChunks(job.path),
      job.settings,
      (found) => batch.push(found),
      {
        decode: utf8,
        onProgress: (read) => {
          bytes = read;
        },
        afterChunk: async () => {
          while (ahead >= job.ahead) await new Promise<void>((r) => (wake = r));
          ahead++;
          post({ type: 'found', found: batch, bytes });
          batch = [];
        },
      },
    );
    post({ type: 'found', found: batch, bytes });
    post({ type: 'end', state });
  } catch (error) {
    post({ type: 'error', error: toThreadError(error) });
  }
  port.close();
}

// The job comes as the first message (the thread may have started before it was known); every
// message after it says the main thread took a batch.
const port = parentPort;
port?.once('message', (job: ReaderJob) => void run(port, job));
