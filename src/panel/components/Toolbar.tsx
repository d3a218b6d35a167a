import type { RefObject } from 'preact';
import { countText } from '../view/count.js';
import { hostsOf, SOURCE_FILTER_LABELS, STATUS_FILTER_LABELS, type Filters } from '../filters.js';
import { usePanel } from '../services.js';
import type { Connection } from '../state.js';
import { HarActions } from '../har/HarActions.js';
import { UndoToast } from './UndoToast.js';

const CONNECTION_TEXT = (c: Connection): string => {
  switch (c.phase) {
    case 'connecting':
      return 'Connecting…';
    case 'live':
      return 'Live';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'failed':
      return 'Disconnected';
    default: {
      const unhandled: never = c;
      return unhandled;
    }
  }
};

/** Title, filters (status, host, source, text), and the actions: paste, HAR, export, clear. */
export function Toolbar({
  searchRef,
  onPaste,
  onExport,
}: {
  searchRef: RefObject<HTMLInputElement | null>;
  onPaste: () => void;
  onExport: () => void;
}) {
  const { store, services } = usePanel();
  const { filters, connection, stored, pasted, imported } = store.state.value;
  const all = store.all.value;
  const shown = store.visible.value.length;
  const hosts = hostsOf(all);
  const setFilter = (f: Partial<typeof filters>) => store.dispatch({ type: 'filter', filters: f });

  return (
    <header class="toolbar">
      <h1 class="toolbar__title">
        Rhythm Auth{' '}
        <span class="muted" data-testid="count">
          {countText(all, shown)}
        </span>
      </h1>
      <form
        class="filters"
        role="search"
        aria-label="Filter the 401s"
        onSubmit={(e) => e.preventDefault()}
      >
        <FilterSelect filter="status" label="Status" labels={STATUS_FILTER_LABELS} />
        <select
          value={filters.host}
          aria-label="Host"
          onChange={(e) => setFilter({ host: e.currentTarget.value })}
        >
          <option value="">All hosts</option>
          {hosts.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
          {filters.host && !hosts.includes(filters.host) && (
            <option value={filters.host}>{filters.host}</option>
          )}
        </select>
        {(pasted.length > 0 || imported.length > 0 || filters.source !== 'all') && (
          <FilterSelect filter="source" label="Source" labels={SOURCE_FILTER_LABELS} />
        )}
        <input
          ref={searchRef}
          type="search"
          class="filters__text"
          aria-label="Search the 401s"
          placeholder="Search (press /)"
          value={filters.text}
          onInput={(e) => setFilter({ text: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filters.text !== '') {
              e.preventDefault();
              setFilter({ text: '' });
            }
          }}
        />
      </form>
      <div class="toolbar__actions">
        <button type="button" onClick={onPaste}>
          Paste token…
        </button>
        <HarActions />
        <button type="button" onClick={onExport} disabled={all.length === 0}>
          Export…
        </button>
        <button
          type="button"
          disabled={stored.length === 0 && pasted.length === 0 && imported.length === 0}
          onClick={() => {
            store.dispatch({ type: 'cleared' });
            void services.clearTab().then(
              () => store.dispatch({ type: 'tab-cleared' }),
              (error: unknown) =>
                store.dispatch({
                  type: 'notice',
                  message: `Clear failed: ${error instanceof Error ? error.message : String(error)}`,
                }),
            );
          }}
        >
          Clear
        </button>
        {services.openOptions && (
          <button type="button" onClick={services.openOptions} title="Rhythm Auth settings">
            Settings
          </button>
        )}
      </div>
      <span
        class={`connection connection--${connection.phase}`}
        role="status"
        title={connection.phase === 'failed' ? connection.message : undefined}
      >
        {CONNECTION_TEXT(connection)}
      </span>
      <UndoToast />
    </header>
  );
}

/** A filter whose options are the keys of `labels` (status, source), each shown by its label. */
function FilterSelect<K extends 'status' | 'source'>({
  filter,
  label,
  labels,
}: {
  filter: K;
  label: string;
  labels: Readonly<Record<Filters[K], string>>;
}) {
  const { store } = usePanel();
  const pick = (value: string) => {
    const patch: Partial<Filters> = {};
    patch[filter] = value as Filters[K];
    store.dispatch({ type: 'filter', filters: patch });
  };
  return (
    <select
      value={store.state.value.filters[filter]}
      aria-label={label}
      onChange={(e) => pick(e.currentTarget.value)}
    >
      {(Object.keys(labels) as Array<Filters[K]>).map((key) => (
        <option key={key} value={key}>
          {labels[key]}
        </option>
      ))}
    </select>
  );
}
