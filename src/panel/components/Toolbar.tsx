import type { RefObject } from 'preact';
import { useMemo } from 'preact/hooks';
import { countText } from '../view/count.js';
import { hostsOf, SOURCE_FILTER_LABELS, STATUS_FILTER_LABELS, type Filters } from '../filters.js';
import { usePanel } from '../services.js';
import type { Connection } from '../state.js';
import { HarActions } from '../har/HarActions.js';
import { ToolButton } from './ToolButton.js';
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

export const SEARCH_HINT =
  'Words match the method, URL, root cause and source. Filters: status:fail, status:403, host:rolodex, check:token.expiry (check:token for every token check), source:har; -host:… leaves out. Press / to search, Esc to clear.';

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
  // Read once per list, not once per keystroke (10,000 entries, SPEC §9).
  const hosts = useMemo(() => hostsOf(all), [all]);
  const setFilter = (f: Partial<typeof filters>) => store.dispatch({ type: 'filter', filters: f });

  return (
    <header class="toolbar">
      <h1 class="toolbar__title">
        <span class="toolbar__title-text">Rhythm Auth </span>
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
          placeholder="Search, status: host: check: (/)"
          title={SEARCH_HINT}
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
        <ToolButton
          icon="paste"
          label="Paste token…"
          title="Paste token…: a token, an Authorization line or a curl command"
          onClick={onPaste}
        />
        <HarActions />
        <ToolButton
          icon="export"
          label="Export…"
          title="Export…: a report for Rhythm support, redacted"
          onClick={onExport}
          disabled={all.length === 0}
        />
        <ToolButton
          icon="clear"
          label="Clear"
          title="Clear: this tab's 401s, the pasted and the imported ones"
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
        />
        {services.openOptions && (
          <ToolButton
            icon="settings"
            label="Settings"
            title="Settings: Rhythm Auth's options"
            onClick={services.openOptions}
          />
        )}
      </div>
      <span
        class={`connection connection--${connection.phase}`}
        role="status"
        title={
          connection.phase === 'failed'
            ? `${CONNECTION_TEXT(connection)}: ${connection.message}`
            : CONNECTION_TEXT(connection)
        }
      >
        <span class="connection__text">{CONNECTION_TEXT(connection)}</span>
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
