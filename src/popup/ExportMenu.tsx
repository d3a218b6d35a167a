import { useState } from 'preact/hooks';
import { renderExport, saveFile } from '../shared/export.js';
import type { StoredDiagnosis } from '../shared/stored.js';

/** Export: Markdown to the clipboard, Markdown or JSON to a file. Redacted by default (SPEC §6). */
export function ExportMenu({
  entries,
  disabled,
}: {
  entries: StoredDiagnosis[];
  disabled?: boolean;
}) {
  const [note, setNote] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(renderExport(entries, 'markdown'));
      setNote('Copied (redacted)');
    } catch {
      setNote('Copy failed: use Save');
    }
  };
  return (
    <details class="export">
      <summary role="button" aria-disabled={disabled} class={disabled ? 'disabled' : ''}>
        Export
      </summary>
      {!disabled && (
        <div class="export__menu" role="menu">
          <button type="button" role="menuitem" onClick={() => void copy()}>
            Copy Markdown report
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => saveFile(renderExport(entries, 'markdown'), 'markdown')}
          >
            Save Markdown…
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => saveFile(renderExport(entries, 'json'), 'json')}
          >
            Save JSON…
          </button>
          <p class="muted export__note">{note || 'Redacted: no token, signature or cookies.'}</p>
        </div>
      )}
    </details>
  );
}
