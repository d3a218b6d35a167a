/**
 * The panel's two HAR actions, wired to the store and the services: import a file (picked or
 * dropped) with progress and cancel, and export a sanitized HAR of DevTools' network log. Made
 * once in boot.ts, which owns it; the import in progress is its state, not a module's. The HAR
 * code itself (the scanner, the collector, the sanitizer) loads with `import()` on first use, so
 * it costs the panel's first load nothing (SPEC §9 bundle budget).
 */
import type { HarActions, HarFile, PanelServices } from '../services.js';
import type { PanelStore } from '../store.js';

export type { HarActions, HarFile };

const loadReader = () =>
  Promise.all([
    import('../../har/read-entries.js'),
    import('./import.js'),
    import('./stream-chunks.js'),
  ]);
const loadExport = () => import('./export.js');

const loadError = (error: unknown) =>
  `The HAR code did not load (${error instanceof Error ? error.message : String(error)}): reload the panel and try again.`;

export function createHarActions(store: PanelStore, services: PanelServices): HarActions {
  let current: AbortController | null = null;
  let seq = 0;

  async function importFile(file: HarFile): Promise<void> {
    current?.abort(); // a newer file wins
    const controller = new AbortController();
    current = controller;
    const name = file.name || 'the HAR file';
    const total = file.size;
    const failed = (message: string) =>
      store.dispatch({ type: 'har-failed', action: 'import', name, message });
    // At most one update per percent: a 100 MB file is thousands of chunks.
    let shown = -1;
    let unpainted = false;
    const progress = (bytes: number) => {
      const percent = total > 0 ? Math.floor((bytes / total) * 100) : 0;
      if (percent === shown || current !== controller) return;
      shown = percent;
      unpainted = true;
      store.dispatch({ type: 'har-reading', name, bytes, total });
    };
    // A file's chunks can all be ready at once, and reading them never leaves the microtask queue:
    // the bar would jump 0 → 100 %. After each new percent the next chunk waits one task, so the
    // browser paints it (at most 100 waits per file).
    const paint = () => {
      if (!unpainted) return;
      unpainted = false;
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    };
    progress(0);
    let code: Awaited<ReturnType<typeof loadReader>>;
    try {
      code = await loadReader();
    } catch (error) {
      if (current === controller) failed(loadError(error));
      return;
    }
    const [reader, { importHar }, { streamChunks }] = code;
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
        { totalBytes: total, onProgress: progress, afterChunk: paint, signal: controller.signal },
      );
      if (current !== controller) return;
      store.dispatch({ type: 'har-imported', ...imported });
    } catch (error) {
      if (current !== controller) return;
      if (reader.isAbort(error)) {
        store.dispatch({ type: 'har-dismissed' });
        return;
      }
      const at =
        error instanceof reader.HarSyntaxError
          ? await reader
              .lineColumnAt(streamChunks(file.slice(0, error.offset).stream()), error.offset)
              .catch(() => undefined)
          : undefined;
      failed(reader.harErrorText(error, at));
    } finally {
      if (current === controller) current = null;
    }
  }

  /**
   * The tab's requests to the API hosts, from DevTools' own log (the only place their request
   * headers are: the extension keeps none), sanitized, saved as `rhythm-auth-sanitized-<time>.har`.
   */
  async function exportSanitized(): Promise<void> {
    let code: Awaited<ReturnType<typeof loadExport>>;
    try {
      code = await loadExport();
    } catch (error) {
      store.dispatch({
        type: 'har-failed',
        action: 'export',
        name: 'sanitized HAR',
        message: loadError(error),
      });
      return;
    }
    const { sanitizedHar, sanitizedHarFileName } = code;
    const fileName = sanitizedHarFileName(services.now());
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

  return { importFile, cancelImport: () => current?.abort(), exportSanitized };
}
