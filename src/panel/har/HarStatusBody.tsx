/**
 * The HAR status line's content (reading with progress and cancel, imported, exported, failed):
 * loaded on first use (HarStatus.tsx), when a HAR action puts the status anywhere but idle.
 */
import '../styles/har-status.css';
import { isCheckId, SHORT_CHECK_NAMES } from '../view/check-names.js';
import { visible } from '../view/display.js';
import type { HarStatus } from './state.js';
import { changesText, count, importedText, sizeText } from './text.js';
import { usePanel } from '../services.js';

export interface HarStatusProps {
  har: HarStatus;
  onDismiss: () => void;
}

/** The import by root cause, most frequent first: "12 expiry · 3 Bearer scheme · 2 none failed". */
function Causes({ causes }: { causes: ReadonlyArray<[string, number]> }) {
  return (
    <p class="har-causes" data-testid="har-causes">
      By root cause:{' '}
      {causes.map(([cause, n], i) => (
        <span key={cause} data-cause={cause} title={cause}>
          {i > 0 ? ' · ' : ''}
          <strong>{n.toLocaleString('en-US')}</strong>{' '}
          {cause === 'none'
            ? 'no check failed'
            : isCheckId(cause)
              ? SHORT_CHECK_NAMES[cause]
              : visible(cause)}
        </span>
      ))}
    </p>
  );
}

export function HarStatusBody({ har, onDismiss }: HarStatusProps) {
  const { store, har: actions } = usePanel();
  const dismiss = (
    <button type="button" class="link" onClick={onDismiss}>
      Dismiss
    </button>
  );
  switch (har.phase) {
    case 'idle':
      return null;
    case 'reading': {
      const percent = har.total > 0 ? Math.floor((har.bytes / har.total) * 100) : 0;
      return (
        <>
          <label for="har-progress">Reading {visible(har.name.slice(0, 200))}…</label>
          <progress id="har-progress" max={Math.max(har.total, 1)} value={har.bytes}>
            {percent}%
          </progress>
          <span class="muted" data-testid="har-progress-text">
            {percent}% of {sizeText(har.total)}
          </span>
          <button type="button" onClick={actions.cancelImport}>
            Cancel
          </button>
        </>
      );
    }
    case 'imported': {
      const s = har.summary;
      return (
        <>
          <p role="status" data-testid="har-summary">
            Imported <strong class="mono">{visible(s.name.slice(0, 200))}</strong>:{' '}
            {importedText(s)}. Listed with a <span class="tag tag--har">HAR</span> tag, in this
            panel only: not stored, not counted on the badge.
          </p>
          {s.causes && s.causes.length > 1 && <Causes causes={s.causes} />}
          {s.finding && (
            <div
              class="har-finding"
              role="note"
              data-testid="har-finding"
              data-kind={s.finding.kind}
            >
              <p>{s.finding.summary}</p>
              <details>
                <summary>How to export a HAR with the Authorization header</summary>
                <ul>
                  {s.finding.howToExport.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </details>
            </div>
          )}
          <div class="har-status__actions">
            {s.listed > 0 && (
              <button
                type="button"
                onClick={() => store.dispatch({ type: 'filter', filters: { source: 'har' } })}
              >
                Show only imported
              </button>
            )}
            {store.state.value.imported.length > 0 && (
              <button type="button" onClick={() => store.dispatch({ type: 'har-cleared' })}>
                Remove imported
              </button>
            )}
            {dismiss}
          </div>
        </>
      );
    }
    case 'exported':
      return (
        <>
          <p role="status" data-testid="har-summary">
            Saved <strong class="mono">{har.fileName}</strong>:{' '}
            {count(har.requests, 'request', 'requests')} to the Rhythm APIs from DevTools&rsquo;
            network log; {changesText(har.changes)}. JWT headers and claims are kept for the
            diagnosis: review the file before sharing it.
          </p>
          {dismiss}
        </>
      );
    case 'failed':
      return (
        <>
          <p role="alert" class="error-text" data-testid="har-error">
            {har.action === 'import'
              ? `Could not read ${visible(har.name.slice(0, 200))}: ${visible(har.message.slice(0, 500))}. Nothing was imported from it.`
              : `Could not export a sanitized HAR: ${har.message}`}
          </p>
          {dismiss}
        </>
      );
    default: {
      const unhandled: never = har;
      return unhandled;
    }
  }
}
