/**
 * The panel's two HAR actions, wired to the store and the services: import a file (picked or
 * dropped) with progress and cancel, and export a sanitized HAR of DevTools' network log. This
 * module and everything it pulls in (the scanner, the sanitizer) load with `import()` on first
 * use, so they cost the panel's first load nothing (SPEC §9 bundle budget).
 */
import { HarSyntaxError, harErrorText, isAbort, lineColumnAt } from '../../har/read-entries.js';
import { sanitizedHar, sanitizedHarFileName } from './export.js';
import { importHar } from './import.js';
import { streamChunks } from './stream-chunks.js';
import type { Panel } from '../services.js';

export { HarStatusBody } from './HarStatusBody.js';

/** What the import needs of a `File` (a test may pass a stream it feeds itself). */
export type HarFile = Pick<File, 'name' | 'size' | 'stream' | 'slice'>;

let current: AbortController | null = null;
let seq = 0;

/** Stops the import in progress (its status line goes away, nothing is imported). */
export function cancelHarImport(): void {
  current?.abort();
}

export async function importHarFile(file: HarFile, { store, services }: Panel): Promise<void> {
  current?.abort(); // a newer file wins
  const controller = new AbortController();
  current = controller;
  const name = file.name || 'the HAR file';
  const total = file.size;
  // At most one update per percent: a 100 MB file is thousands of chunks.
  let shown = -1;
  const progress = (bytes: number) => {
    const percent = total > 0 ? Math.floor((bytes / total) * 100) : 0;
    if (percent === shown || current !== controller) return;
    shown = percent;
    store.dispatch({ type: 'har-reading', name, bytes, total });
  };
  progress(0);
  try {
    const imported = await importHar(
      streamChunks(file.stream()),
      {
        name,
        tabId: services.tabId,
        importedAt: services.now(),
        seq: ++seq,
        settings: services.settings(),
      },
      { totalBytes: total, onProgress: progress, signal: controller.signal },
    );
    if (current !== controller) return;
    store.dispatch({ type: 'har-imported', ...imported });
  } catch (error) {
    if (current !== controller) return;
    if (isAbort(error)) {
      store.dispatch({ type: 'har-dismissed' });
      return;
    }
    const at =
      error instanceof HarSyntaxError
        ? await lineColumnAt(
            streamChunks(file.slice(0, error.offset).stream()),
            error.offset,
          ).catch(() => undefined)
        : undefined;
    store.dispatch({
      type: 'har-failed',
      action: 'import',
      name,
      message: harErrorText(error, at),
    });
  } finally {
    if (current === controller) current = null;
  }
}

/**
 * The tab's requests to the API hosts, from DevTools' own log (the only place their request
 * headers are: the extension keeps none), sanitized, saved as `rhythm-auth-sanitized-<time>.har`.
 */
export async function exportSanitizedHar({ store, services }: Panel): Promise<void> {
  const now = services.now();
  const fileName = sanitizedHarFileName(now);
  const fail = (message: string) =>
    store.dispatch({ type: 'har-failed', action: 'export', name: fileName, message });
  const { networkHar, saveHar } = services;
  if (!networkHar || !saveHar) {
    fail("open this panel in DevTools: the HAR is made from DevTools' network log.");
    return;
  }
  try {
    const log = await networkHar();
    const har = sanitizedHar(log, {
      settings: services.settings(),
      creator: { name: 'Rhythm Auth', version: services.reportContext().extensionVersion },
    });
    if (har.requests === 0) {
      fail(
        "DevTools' network log has no request to a Rhythm API yet. It records while DevTools is open: reload the page, or make the call again, then export.",
      );
      return;
    }
    saveHar(har.text, fileName);
    store.dispatch({
      type: 'har-exported',
      fileName,
      requests: har.requests,
      changes: har.changes,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
