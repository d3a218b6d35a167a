/** The DevTools panel "Rhythm Auth": toolbar, the tab's 401s beside the selected one's diagnosis. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { DiagnosisList } from './components/DiagnosisList.js';
import { Detail } from './components/Detail.js';
import { EmptyState } from './components/EmptyState.js';
import { lazy } from './components/Lazy.js';
import { Toolbar } from './components/Toolbar.js';
import { HarStatus } from './har/HarStatus.js';
import { RhythmAccess } from './components/RhythmAccess.js';
import { isFiltering, DEFAULT_FILTERS } from './filters.js';
import { usePanel } from './services.js';

// The dialogs (and the report renderer, the paste parser) load on first open.
const ExportDialog = lazy(() => import('./export/ExportDialog.js').then((m) => m.ExportDialog));
const PasteDialog = lazy(() => import('./paste/PasteDialog.js').then((m) => m.PasteDialog));

type DialogName = 'paste' | 'export' | null;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' ||
      el.tagName === 'TEXTAREA' ||
      el.tagName === 'SELECT' ||
      el.isContentEditable)
  );
}

export function App() {
  const { store } = usePanel();
  const state = store.state.value;
  const [dialog, setDialog] = useState<DialogName>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === '/' && !isTyping(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const openPaste = () => setDialog('paste');
  let content;
  if (!state.synced && state.connection.phase === 'failed') {
    content = (
      <main class="message" aria-label="Not connected">
        <p class="error-text" role="alert">
          Rhythm Auth could not connect: {state.connection.message}
        </p>
        <button type="button" onClick={() => location.reload()}>
          Try again
        </button>
      </main>
    );
  } else if (!state.synced) {
    content = (
      <main class="message muted" aria-busy="true" aria-label="Connecting">
        Connecting to Rhythm Auth…
      </main>
    );
  } else if (store.all.value.length === 0) {
    content = <EmptyState onPaste={openPaste} />;
  } else {
    content = (
      <div class="split">
        <nav class="list-pane" aria-label="401 responses">
          {store.visible.value.length === 0 ? (
            <div class="list-empty">
              <p class="muted">No 401 matches the filters.</p>
              {isFiltering(state.filters) && (
                <button
                  type="button"
                  onClick={() => store.dispatch({ type: 'filter', filters: DEFAULT_FILTERS })}
                >
                  Clear the filters
                </button>
              )}
            </div>
          ) : (
            <DiagnosisList onOpen={() => detailRef.current?.focus()} />
          )}
        </nav>
        <Detail detailRef={detailRef} />
      </div>
    );
  }

  return (
    <div class="panel">
      <Toolbar searchRef={searchRef} onPaste={openPaste} onExport={() => setDialog('export')} />
      <RhythmAccess />
      {state.notice && (
        <p class="notice" role="alert">
          {state.notice}{' '}
          <button
            type="button"
            class="link"
            onClick={() => store.dispatch({ type: 'notice', message: null })}
          >
            Dismiss
          </button>
        </p>
      )}
      <HarStatus />
      {content}
      {dialog === 'paste' && <PasteDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
