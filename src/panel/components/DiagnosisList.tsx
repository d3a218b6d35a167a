import type { VNode } from 'preact';
import { RichText } from '../../shared/ui/RichText.js';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { clockTime, hostAndPath, rootCauseLine, shortHost } from '../../shared/ui/format.js';
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

/** Every row is one line of this height (layout.css reads it as --row-height): the list is virtual. */
export const ROW_HEIGHT = 24;
/** Rows rendered above and below the ones in view, so a scroll shows no gap. */
const OVERSCAN = 8;
/** Before the list is measured (its first render), as if it were this tall. */
const FIRST_HEIGHT = 1200;

const SOURCE_LABEL: Record<PanelEntry['source'], string> = {
  webRequest: 'captured',
  devtools: 'DevTools',
  har: 'HAR',
  paste: 'pasted',
};

/** Where a row's menu opens: at the pointer, or under the row (Shift+F10, the context-menu key). */
export interface RowMenuRequest {
  entry: PanelEntry;
  x: number;
  y: number;
}

interface CachedRow {
  entry: PanelEntry;
  selected: boolean;
  index: number;
  total: number;
  navigation: Navigation | undefined;
  vnode: VNode;
}

const MOVES: Record<string, 'next' | 'previous' | 'first' | 'last'> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  PageDown: 'next',
  PageUp: 'previous',
};

/**
 * The 401s, newest first, as a listbox: ↑/↓/PageUp/PageDown/Home/End move the selection, Enter
 * opens the detail, Shift+F10 or the context-menu key opens the selected row's menu. Only the rows
 * in view are in the DOM, each placed at its index × ROW_HEIGHT, the list's full height held by a
 * pseudo-element (layout.css; a padding that tall costs Chromium a second of layout at 10,000), so
 * 10,000 entries list as fast as 40. Live entries arrive at the top; when the list is scrolled, the
 * rows in view stay where they are.
 */
export function DiagnosisList({
  onOpen,
  onMenu,
}: {
  onOpen: () => void;
  onMenu: (request: RowMenuRequest) => void;
}) {
  const { store } = usePanel();
  const entries = store.visible.value;
  const selectedId = store.state.value.selectedId;
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const last = useRef({ entries, firstId: entries[0]?.id });
  const pendingScroll = useRef<number | null>(null);
  const keyboard = useRef(false);
  const total = entries.length;
  const viewHeight = height || FIRST_HEIGHT;

  // New rows at the top of a scrolled list: the first row in view keeps its place (fixed heights,
  // so its new offset is its new index). Worked out while rendering, applied after (layout effect).
  let top = scrollTop;
  const firstId = entries[0]?.id;
  if (last.current.firstId !== firstId && scrollTop > 0) {
    const before = last.current.entries;
    const anchorIndex = Math.min(before.length - 1, Math.floor(scrollTop / ROW_HEIGHT));
    const anchor = before[anchorIndex];
    const now = anchor ? entries.indexOf(anchor) : -1;
    if (now >= 0) {
      top = scrollTop + (now - anchorIndex) * ROW_HEIGHT;
      pendingScroll.current = top;
    }
  }
  last.current = { entries, firstId };
  top = Math.max(0, Math.min(top, total * ROW_HEIGHT - viewHeight));

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setHeight(list.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && pendingScroll.current !== null) {
      list.scrollTop = pendingScroll.current;
      setScrollTop(list.scrollTop);
    }
    pendingScroll.current = null;
  });

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!keyboard.current || !selectedId || !list) return;
    keyboard.current = false;
    const index = entries.findIndex((e) => e.id === selectedId);
    if (index < 0) return;
    const rowTop = index * ROW_HEIGHT;
    const visibleHeight = list.clientHeight || viewHeight;
    let next = list.scrollTop;
    if (rowTop < next) next = rowTop;
    else if (rowTop + ROW_HEIGHT > next + visibleHeight) next = rowTop + ROW_HEIGHT - visibleHeight;
    if (next !== list.scrollTop) {
      list.scrollTop = next;
      setScrollTop(list.scrollTop);
    }
  }, [selectedId]);

  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(total, Math.ceil((top + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  const selectedIndex = selectedId ? entries.findIndex((e) => e.id === selectedId) : -1;
  const marks = store.navigated.value;

  // The same VNode for an unchanged row lets Preact skip it: a scroll, a selection or a new 401
  // re-renders the rows that changed, not every row in view.
  const cache = useRef(new Map<string, CachedRow>());
  const next = new Map<string, CachedRow>();
  const rows: VNode[] = [];
  for (let i = first; i < end; i++) {
    const entry = entries[i]!;
    const selected = i === selectedIndex;
    const navigation = marks.get(entry.id);
    const hit = cache.current.get(entry.id);
    const row =
      hit &&
      hit.entry === entry &&
      hit.selected === selected &&
      hit.index === i &&
      hit.total === total &&
      hit.navigation === navigation
        ? hit
        : {
            entry,
            selected,
            index: i,
            total,
            navigation,
            vnode: (
              <Row
                key={entry.id}
                entry={entry}
                selected={selected}
                index={i}
                total={total}
                navigation={navigation}
              />
            ),
          };
    next.set(entry.id, row);
    rows.push(row.vnode);
  }
  cache.current = next;

  const page = () => Math.max(1, Math.floor((listRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);

  const openMenuFor = (entry: PanelEntry | undefined) => {
    if (!entry) return;
    const row = document.getElementById(optionId(entry.id));
    const box = (row ?? listRef.current)?.getBoundingClientRect();
    onMenu({ entry, x: (box?.left ?? 0) + 24, y: box?.bottom ?? 0 });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const to = MOVES[e.key];
    if (to && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      keyboard.current = true;
      const by = e.key === 'PageDown' || e.key === 'PageUp' ? page() : 1;
      store.dispatch({ type: 'move-selection', to, by });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen();
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      openMenuFor(store.selected.value ?? undefined);
    }
  };

  const onContextMenu = (e: MouseEvent) => {
    e.preventDefault();
    const row = (e.target as Element | null)?.closest?.('[role="option"]');
    const entry = row ? entries[Number(row.getAttribute('aria-posinset')) - 1] : undefined;
    if (!entry) {
      // The key or Shift+F10 on the list itself: the selected row's menu.
      openMenuFor(store.selected.value ?? undefined);
      return;
    }
    store.dispatch({ type: 'select', id: entry.id });
    onMenu({ entry, x: e.clientX, y: e.clientY });
  };

  return (
    <ul
      ref={listRef}
      class="list"
      role="listbox"
      aria-label="401 responses, newest first"
      tabIndex={0}
      aria-activedescendant={
        selectedIndex >= first && selectedIndex < end && selectedId
          ? optionId(selectedId)
          : undefined
      }
      style={{ '--row-height': `${ROW_HEIGHT}px`, '--rows-height': `${total * ROW_HEIGHT}px` }}
      onKeyDown={onKeyDown}
      onContextMenu={onContextMenu}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      {rows}
    </ul>
  );
}

function Row({
  entry,
  selected,
  index,
  total,
  navigation,
}: {
  entry: PanelEntry;
  selected: boolean;
  index: number;
  total: number;
  /** The page navigated just before this 401 (DevTools' onNavigated): a line above the row. */
  navigation?: Navigation | undefined;
}) {
  const { store } = usePanel();
  const d = entry.diagnosis;
  const { host, path } = hostAndPath(d.request.url);
  const hostText = visible(host.slice(0, 200));
  // A Rhythm host shows its module first (`rolodex.api`); the domain they all share gives way
  // when the list is narrow (layout.css).
  const short = visible(shortHost(host).slice(0, 200));
  const domain = hostText.startsWith(short) ? hostText.slice(short.length) : '';
  const pathText = visible(path.slice(0, 300));
  const cause = rootCauseLine(d).slice(0, 300);
  const method = visible(d.request.method.slice(0, 12));
  const where = `${hostText}${pathText}` || '(no URL)';
  return (
    <li
      id={optionId(entry.id)}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      class={`row${index % 2 ? ' row--odd' : ''}${selected ? ' row--selected' : ''}${navigation ? ' row--navigated' : ''}`}
      style={{ top: `${index * ROW_HEIGHT}px` }}
      data-navigated={navigation ? 'true' : undefined}
      data-diagnosis={d.rootCause?.id ?? 'none'}
      data-source={entry.source}
      onClick={() => store.dispatch({ type: 'select', id: entry.id })}
      title={`${method} ${where}\n${visible(cause)}\nRoot cause: ${d.rootCause?.id ?? 'none'}${navigation ? `\n${visible(navigationText(navigation))}` : ''}`}
    >
      <span class="row__time mono">{clockTime(d.request.sentAt)}</span>
      <span class="row__method mono">{method}</span>
      <span class="row__where mono">
        {hostText || pathText ? (
          <>
            <span class="row__host">
              {domain ? short : hostText}
              {domain && <span class="row__domain">{domain}</span>}
            </span>
            <span class="row__path">{pathText}</span>
          </>
        ) : (
          '(no URL)'
        )}
      </span>
      {(entry.source === 'paste' || entry.source === 'devtools' || entry.source === 'har') && (
        <span class={`tag tag--${entry.source}`} title={entry.harFile}>
          {SOURCE_LABEL[entry.source]}
        </span>
      )}
      <span class={`row__cause row__cause--${d.verdict}`}>
        <RichText text={cause} />
      </span>
    </li>
  );
}
