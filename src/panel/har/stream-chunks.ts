/**
 * A picked or dropped file's bytes for the one HAR reader (src/har/read-entries.ts), which takes
 * any async iterable of chunks: a ReadableStream's chunks, for `for await` (Chrome's streams are
 * async-iterable only since 124).
 */
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
