/** The DevTools panel "Rhythm Auth": toolbar, the tab's 401s beside the selected one's diagnosis. */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DiagnosisList, type RowMenuRequest } from './components/DiagnosisList.js';
import { RowMenu } from './components/RowMenu.js';
import { listSizeStyle, Splitter, useListSize, useStacked } from './components/Splitter.js';
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
  const splitRef = useRef<HTMLDivElement>(null);
  const listPaneRef = useRef<HTMLElement>(null);
  const stacked = useStacked();
  const [listSize, setListSize] = useListSize(stacked);
  const [menu, setMenu] = useState<RowMenuRequest | null>(null);
  const [said, setSaid] = useState('');
  const closeMenu = useCallback(() => {
    setMenu(null);
    document.querySelector<HTMLElement>('[role="listbox"]')?.focus();
  }, []);

  // Another 401 picked (click, ↑/↓): its diagnosis from the top, the verdict in view.
  const selectedId = state.selectedId;
  useLayoutEffect(() => {
    if (detailRef.current) detailRef.current.scrollTop = 0;
  }, [selectedId]);

  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(''), 4000);
    return () => clearTimeout(timer);
  }, [said]);

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
      <div
        ref={splitRef}
        class={`split${stacked ? ' split--stacked' : ''}`}
        style={listSizeStyle(stacked, listSize)}
      >
        <nav ref={listPaneRef} class="list-pane" aria-label="401 responses">
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
            <DiagnosisList onOpen={() => detailRef.current?.focus()} onMenu={setMenu} />
          )}
        </nav>
        <Splitter
          stacked={stacked}
          size={listSize}
          onSize={setListSize}
          splitRef={splitRef}
          listRef={listPaneRef}
        />
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
      {menu && (
        <RowMenu
          request={menu}
          onClose={closeMenu}
          onExport={() => setDialog('export')}
          onDone={setSaid}
        />
      )}
      <p class="toast" aria-live="polite">
        {said}
      </p>
      {dialog === 'paste' && <PasteDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
