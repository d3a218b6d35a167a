import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { DEFAULT_EXPORT, renderReport, tokenOptionBlocked, type ExportChoice } from './report.js';
import { usePanel } from '../services.js';
import { Dialog } from '../components/Dialog.js';
import { MarkdownView } from './MarkdownView.js';

/** Characters of the preview rendered; the copy and the file always have the whole text. */
export const PREVIEW_CHARS = 200_000;

/**
 * Export the selected diagnosis or all of them, as Markdown or JSON, redacted (SPEC §6), with a
 * preview of exactly the text that is copied or saved.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { store, services } = usePanel();
  const selected = store.selected.value;
  const all = store.all.value;
  const [choice, setChoice] = useState<ExportChoice>({
    ...DEFAULT_EXPORT,
    scope: selected ? 'selected' : 'all',
  });
  const [note, setNote] = useState('');
  /** Markdown is previewed as the ticket will show it; "Source" shows the text itself. */
  const [source, setSource] = useState(false);
  // One context per dialog: the preview and what is copied or saved are the same text.
  const context = useMemo(() => services.reportContext(), [services]);
  const entries = useMemo(
    () => (choice.scope === 'selected' && selected ? [selected] : all),
    [choice.scope, selected, all],
  );
  const blocked = tokenOptionBlocked(entries);
  const text = useMemo(() => renderReport(entries, choice, context), [entries, choice, context]);
  const shown = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}\n…` : text;
  const rendered = choice.format === 'markdown' && !source;
  const set = (patch: Partial<ExportChoice>) => {
    setChoice({ ...choice, ...patch });
    setNote('');
  };

  return (
    <Dialog title="Export a report" onClose={onClose} wide>
      <div class="export-dialog">
        <fieldset>
          <legend>What</legend>
          <Radio
            name="scope"
            checked={choice.scope === 'selected'}
            disabled={!selected}
            onPick={() => set({ scope: 'selected' })}
          >
            The selected 401
          </Radio>
          <Radio name="scope" checked={choice.scope === 'all'} onPick={() => set({ scope: 'all' })}>
            All listed ({all.length} {all.length === 1 ? 'diagnosis' : 'diagnoses'})
          </Radio>
        </fieldset>
        <fieldset>
          <legend>Format</legend>
          <Radio
            name="format"
            checked={choice.format === 'markdown'}
            onPick={() => set({ format: 'markdown' })}
          >
            Markdown (for a support ticket)
          </Radio>
          <Radio
            name="format"
            checked={choice.format === 'json'}
            onPick={() => set({ format: 'json' })}
          >
            JSON
          </Radio>
        </fieldset>
        <fieldset>
          <legend>Redaction</legend>
          <p class="muted">Never included: token signatures, complete tokens, cookies.</p>
          <label>
            <input
              type="checkbox"
              checked={choice.maskPersonalClaims}
              onChange={(e) => set({ maskPersonalClaims: e.currentTarget.checked })}
            />{' '}
            Mask personal claims (email, name, nickname, picture)
          </label>
          <label class={blocked ? 'disabled' : undefined}>
            <input
              type="checkbox"
              checked={choice.includeTokenWithoutSignature && !blocked}
              disabled={blocked !== null}
              aria-describedby="token-option-reason"
              onChange={(e) => set({ includeTokenWithoutSignature: e.currentTarget.checked })}
            />{' '}
            Include the token without its signature
          </label>
          <p id="token-option-reason" class="muted" data-testid="token-option-reason">
            {blocked ??
              'header.payload.[signature removed]: the token cannot be used, but support can read it.'}
          </p>
        </fieldset>
        <div class="preview__head">
          <h3 id="preview-title">
            Preview: exactly what will be shared
            {rendered ? ', as a ticket shows it' : ''}
          </h3>
          {choice.format === 'markdown' && (
            <button
              type="button"
              class="link"
              aria-pressed={source}
              data-testid="preview-source"
              onClick={() => setSource(!source)}
            >
              {source ? 'Rendered' : 'Source'}
            </button>
          )}
        </div>
        {rendered && <MarkdownView markdown={shown} label="Rendered preview" />}
        <pre
          class="preview"
          aria-labelledby="preview-title"
          tabIndex={0}
          hidden={rendered}
          data-testid="export-preview"
        >
          {shown}
        </pre>
        {text.length > PREVIEW_CHARS && (
          <p class="muted">
            The preview shows the first {PREVIEW_CHARS.toLocaleString('en-US')} of{' '}
            {text.length.toLocaleString('en-US')} characters; the copy and the file have all of
            them.
          </p>
        )}
        <div class="dialog__actions">
          <span class="muted" role="status">
            {note}
          </span>
          <button
            type="button"
            onClick={() =>
              void services
                .copy(text)
                .then((ok) => setNote(ok ? 'Copied to the clipboard.' : 'Copy failed: use Save.'))
            }
          >
            Copy {choice.format === 'markdown' ? 'Markdown' : 'JSON'}
          </button>
          <button
            type="button"
            class="primary"
            onClick={() => {
              services.save(text, choice.format);
              setNote('Saved.');
            }}
          >
            Save {choice.format === 'markdown' ? '.md' : '.json'} file
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function Radio({
  name,
  checked,
  disabled,
  onPick,
  children,
}: {
  name: string;
  checked: boolean;
  disabled?: boolean;
  onPick: () => void;
  children: ComponentChildren;
}) {
  return (
    <label>
      <input type="radio" name={name} checked={checked} disabled={disabled} onChange={onPick} />{' '}
      {children}
    </label>
  );
}
