import { useRef } from 'preact/hooks';
import { usePanel } from '../services.js';

export const EXPORT_HAR_UNAVAILABLE =
  "Only in DevTools: the HAR is made from DevTools' network log (the extension keeps no request headers).";

/** The toolbar's HAR buttons: "Import HAR…" (a file picker) and "Export sanitized HAR". */
export function HarActions() {
  const { services, har } = usePanel();
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
          if (file) void har.importFile(file);
        }}
      />
      <button
        type="button"
        disabled={!canExport}
        title={canExport ? 'Without signatures, cookies or other secrets' : EXPORT_HAR_UNAVAILABLE}
        aria-describedby={canExport ? undefined : 'har-export-reason'}
        onClick={() => void har.exportSanitized()}
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
