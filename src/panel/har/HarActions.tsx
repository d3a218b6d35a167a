import { useRef } from 'preact/hooks';
import { ToolButton } from '../components/ToolButton.js';
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
      <ToolButton
        icon="import"
        label="Import HAR…"
        title="Import HAR…: diagnose the 401s of a HAR file (or drop it on the panel)"
        onClick={() => input.current?.click()}
      />
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
      <ToolButton
        icon="export-har"
        label="Export sanitized HAR"
        disabled={!canExport}
        title={
          canExport
            ? 'Export sanitized HAR: without signatures, cookies or other secrets'
            : EXPORT_HAR_UNAVAILABLE
        }
        {...(canExport ? {} : { 'aria-describedby': 'har-export-reason' })}
        onClick={() => void har.exportSanitized()}
      />
      {!canExport && (
        <span id="har-export-reason" hidden>
          {EXPORT_HAR_UNAVAILABLE}
        </span>
      )}
    </>
  );
}
