import { useState } from 'preact/hooks';
import { reportContext } from '../shared/client.js';
import { renderExport, saveReport, type ExportFormat } from '../shared/export.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import { copyText } from '../shared/ui/clipboard.js';

const SAVES: ReadonlyArray<[ExportFormat, string]> = [
  ['markdown', 'Save Markdown…'],
  ['json', 'Save JSON…'],
];

/** Export: Markdown to the clipboard, Markdown or JSON to a file. Redacted by default (SPEC §6). */
export function ExportMenu({
  entries,
  disabled,
}: {
  entries: StoredDiagnosis[];
  disabled?: boolean;
}) {
  const [note, setNote] = useState('');
  const render = (format: ExportFormat) =>
    renderExport(
      entries.map((e) => ({ diagnosis: e.diagnosis })),
      { format },
      reportContext(),
    );
  const copy = async () => {
    const copied = await copyText(render('markdown'));
    setNote(copied ? 'Copied (redacted)' : 'Copy failed: use Save');
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
          {SAVES.map(([format, label]) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              onClick={() => saveReport(render(format), format)}
            >
              {label}
            </button>
          ))}
          <p class="muted export__note">{note || 'Redacted: no token, signature or cookies.'}</p>
        </div>
      )}
    </details>
  );
}
