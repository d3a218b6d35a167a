import { signal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type * as HarActions from '../har-actions.js';
import { usePanel, type Panel } from '../services.js';

type HarModule = typeof HarActions;

/** The HAR code (scanner, sanitizer, status line) once loaded: not part of the panel's first load. */
export const harModule = signal<HarModule | null>(null);

export function loadHar(): Promise<HarModule> {
  return import('../har-actions.js').then((m) => (harModule.value = m));
}

export const EXPORT_HAR_UNAVAILABLE =
  "Only in DevTools: the HAR is made from DevTools' network log (the extension keeps no request headers).";

function loadFailed(panel: Panel, action: 'import' | 'export', name: string, error: unknown) {
  panel.store.dispatch({
    type: 'har-failed',
    action,
    name,
    message: `The HAR code did not load (${error instanceof Error ? error.message : String(error)}): reload the panel and try again.`,
  });
}

/** Imports a picked or dropped file (see HarImportStatus for the drop). */
export function startHarImport(file: File, panel: Panel): void {
  loadHar().then(
    (m) => m.importHarFile(file, panel),
    (error: unknown) => loadFailed(panel, 'import', file.name, error),
  );
}

/** The toolbar's HAR buttons: "Import HAR…" (a file picker) and "Export sanitized HAR". */
export function HarImportActions() {
  const panel = usePanel();
  const { services } = panel;
  const input = useRef<HTMLInputElement>(null);
  const canExport = services.networkHar !== undefined;
  return (
    <>
      <button
        type="button"
        title="Diagnose the 401s of a HAR file (or drop it on the panel)"
        onClick={() => input.current?.click()}
      >
        Import HAR…
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,.harp,application/json,.json"
        hidden
        aria-label="HAR file to import"
        data-testid="har-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // the same file can be picked again
          if (file) startHarImport(file, panel);
        }}
      />
      <button
        type="button"
        disabled={!canExport}
        title={canExport ? 'Without signatures, cookies or other secrets' : EXPORT_HAR_UNAVAILABLE}
        aria-describedby={canExport ? undefined : 'har-export-reason'}
        onClick={() =>
          void loadHar().then(
            (m) => m.exportSanitizedHar(panel),
            (error: unknown) => loadFailed(panel, 'export', 'sanitized HAR', error),
          )
        }
      >
        Export sanitized HAR
      </button>
      {!canExport && (
        <span id="har-export-reason" hidden>
          {EXPORT_HAR_UNAVAILABLE}
        </span>
      )}
    </>
  );
}
