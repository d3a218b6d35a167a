/** The panel's file adapter: a dropped file's ReadableStream read as chunks by the one HAR reader. */
import { describe, expect, it } from 'vitest';
import { readHarEntries } from '../../../../src/har/read-entries.js';
import { streamChunks } from '../../../../src/panel/har/stream-chunks.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('streamChunks', () => {
  it('reads a ReadableStream to its end', async () => {
    const stream = new Blob(['{"log":{"entries":[{"a":1}]}}']).stream();
    const seen: unknown[] = [];
    await readHarEntries(streamChunks(stream), (e) => seen.push(e));
    expect(seen).toEqual([{ a: 1 }]);
  });

  it('lets go of the stream when the reader stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(utf8('{"log":'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const _ of streamChunks(stream)) break;
    expect(cancelled).toBe(true);
  });
});
