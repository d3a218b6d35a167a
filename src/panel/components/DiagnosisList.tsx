import type { VNode } from 'preact';
import { RichText } from '../../shared/ui/RichText.js';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { clockTime, hostAndPath, rootCauseLine } from '../../shared/ui/format.js';
import { visible } from '../view/display.js';
import { navigationText, type Navigation } from '../view/navigations.js';
import { usePanel } from '../services.js';
import type { PanelEntry } from '../entry.js';

/** A DOM id for an entry id (which may hold any URL character). FNV-1a, 32 bits. */
export function optionId(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return `opt-${(h >>> 0).toString(36)}`;
}

const SOURCE_LABEL: Record<PanelEntry['source'], string> = {
  webRequest: 'captured',
  devtools: 'DevTools',
  har: 'HAR',
  paste: 'pasted',
};

interface Anchor {
  id: string;
  offset: number;
}

/** The first row in view, and how far below the top of the list it is. */
function anchorOf(list: HTMLElement): Anchor | null {
  for (const row of list.children) {
    const el = row as HTMLElement;
    if (el.offsetTop + el.offsetHeight > list.scrollTop)
      return { id: el.id, offset: el.offsetTop - list.scrollTop };
  }
  return null;
}

/**
 * The 401s, newest first, as a listbox: ↑/↓/Home/End move the selection, Enter opens the detail.
 * Live entries arrive at the top; when the list is scrolled, the rows in view stay where they are.
 */
export function DiagnosisList({ onOpen }: { onOpen: () => void }) {
  const { store } = usePanel();
  const entries = store.visible.value;
  const selectedId = store.state.value.selectedId;
  const listRef = useRef<HTMLUListElement>(null);
  const firstId = entries[0]?.id;
  const lastFirst = useRef(firstId);
  const anchor = useRef<Anchor | null>(null);
  const keyboard = useRef(false);

  // Read before the DOM changes (render phase), restored after (layout effect).
  if (lastFirst.current !== firstId && listRef.current && listRef.current.scrollTop > 0) {
    anchor.current = anchorOf(listRef.current);
  }
  useLayoutEffect(() => {
    lastFirst.current = firstId;
    const saved = anchor.current;
    anchor.current = null;
    const list = listRef.current;
    const row = saved && list ? document.getElementById(saved.id) : null;
    if (list && row && saved) list.scrollTop = row.offsetTop - saved.offset;
  }, [firstId]);

  useLayoutEffect(() => {
    if (!keyboard.current || !selectedId) return;
    keyboard.current = false;
    document.getElementById(optionId(selectedId))?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  // The same VNode for an unchanged row lets Preact skip it: a selection or a new 401 re-renders
  // one or two rows, not all 2,000.
  type Cached = { entry: PanelEntry; selected: boolean; navigation?: Navigation; vnode: VNode };
  const cache = useRef(new Map<string, Cached>());
  const next = new Map<string, Cached>();
  const marks = store.navigated.value;
  const rows = entries.map((entry) => {
    const selected = entry.id === selectedId;
    const navigation = marks.get(entry.id);
    const hit = cache.current.get(entry.id);
    const row =
      hit && hit.entry === entry && hit.selected === selected && hit.navigation === navigation
        ? hit
        : {
            entry,
            selected,
            navigation,
            vnode: <Row key={entry.id} entry={entry} selected={selected} navigation={navigation} />,
          };
    next.set(entry.id, row);
    return row.vnode;
  });
  cache.current = next;

  const onKeyDown = (e: KeyboardEvent) => {
    const to =
      e.key === 'ArrowDown'
        ? 'next'
        : e.key === 'ArrowUp'
          ? 'previous'
          : e.key === 'Home'
            ? 'first'
            : e.key === 'End'
              ? 'last'
              : null;
    if (to) {
      e.preventDefault();
      keyboard.current = true;
      store.dispatch({ type: 'move-selection', to });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen();
    }
  };

  return (
    <ul
      ref={listRef}
      class="list"
      role="listbox"
      aria-label="401 responses, newest first"
      tabIndex={0}
      aria-activedescendant={selectedId ? optionId(selectedId) : undefined}
      onKeyDown={onKeyDown}
    >
      {rows}
    </ul>
  );
}

function Row({
  entry,
  selected,
  navigation,
}: {
  entry: PanelEntry;
  selected: boolean;
  /** The page navigated just before this 401 (DevTools' onNavigated): a line above the row. */
  navigation?: Navigation | undefined;
}) {
  const { store } = usePanel();
  const d = entry.diagnosis;
  const { host, path } = hostAndPath(d.request.url);
  const where = visible(`${host}${path}`.slice(0, 300)) || '(no URL)';
  const hostText = visible(host.slice(0, 200));
  const pathText = visible(path.slice(0, 300));
  return (
    <li
      id={optionId(entry.id)}
      role="option"
      aria-selected={selected}
      class={`row${selected ? ' row--selected' : ''}${navigation ? ' row--navigated' : ''}`}
      data-navigated={navigation ? 'true' : undefined}
      data-diagnosis={d.rootCause?.id ?? 'none'}
      data-source={entry.source}
      onClick={() => store.dispatch({ type: 'select', id: entry.id })}
      title={navigation ? `${where}\n${visible(navigationText(navigation))}` : where}
    >
      <span class="row__time mono">{clockTime(d.request.sentAt)}</span>
      <span class="row__method mono">{visible(d.request.method.slice(0, 12))}</span>
      <span class="row__where mono">
        {hostText || pathText ? (
          <>
            <span class="row__host">{hostText}</span>
            <span class="row__path">{pathText}</span>
          </>
        ) : (
          '(no URL)'
        )}
      </span>
      {entry.source === 'paste' || entry.source === 'devtools' || entry.source === 'har' ? (
        <span class={`tag tag--${entry.source}`} title={entry.harFile}>
          {SOURCE_LABEL[entry.source]}
        </span>
      ) : (
        <span />
      )}
      <span class={`row__cause row__cause--${d.verdict}`}>
        <RichText text={rootCauseLine(d).slice(0, 300)} />
      </span>
    </li>
  );
}
