/**
 * The line between the list and the detail, dragged (or moved with the arrow keys) like DevTools'
 * own splitters; it remembers where it was left in the panel page's localStorage (a size in pixels,
 * nothing else). Below STACKED_BELOW pixels wide the list stands over the detail and the splitter
 * sets the list's height instead; each layout keeps its own size. Double-click: back to the default.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Below this width the panes stack, list over detail. */
export const STACKED_BELOW = 600;

type Layout = 'wide' | 'stacked';

const STORAGE_KEY: Record<Layout, string> = {
  wide: 'rhythm-auth.panel.list-width',
  stacked: 'rhythm-auth.panel.list-height',
};
/** The least the list, and the detail, keep (px). */
const MIN_LIST: Record<Layout, number> = { wide: 160, stacked: 48 };
const MIN_DETAIL: Record<Layout, number> = { wide: 240, stacked: 96 };
const STEP = 16;

const media = () =>
  typeof matchMedia === 'function' ? matchMedia(`(max-width: ${STACKED_BELOW - 0.02}px)`) : null;

/** True while the panel is narrower than STACKED_BELOW. */
export function useStacked(): boolean {
  const [stacked, setStacked] = useState(() => media()?.matches ?? false);
  useEffect(() => {
    const query = media();
    if (!query) return;
    const onChange = () => setStacked(query.matches);
    query.addEventListener('change', onChange);
    onChange();
    return () => query.removeEventListener('change', onChange);
  }, []);
  return stacked;
}

function stored(layout: Layout): number | null {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY[layout]));
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null; // storage refused (a sandboxed page): the default layout
  }
}

function store(layout: Layout, size: number | null): void {
  try {
    if (size === null) localStorage.removeItem(STORAGE_KEY[layout]);
    else localStorage.setItem(STORAGE_KEY[layout], String(Math.round(size)));
  } catch {
    // not remembered, still applied
  }
}

/** The list's size for this layout (null: the stylesheet's default) and a setter that keeps it. */
export function useListSize(stacked: boolean): [number | null, (size: number | null) => void] {
  const layout: Layout = stacked ? 'stacked' : 'wide';
  const [sizes, setSizes] = useState(() => ({ wide: stored('wide'), stacked: stored('stacked') }));
  const set = (size: number | null) => {
    setSizes((s) => ({ ...s, [layout]: size }));
    store(layout, size);
  };
  return [sizes[layout], set];
}

/** The split's grid size for the list: never so large the detail loses its least. */
export function listSizeStyle(stacked: boolean, size: number | null): Record<string, string> {
  if (size === null) return {};
  const layout: Layout = stacked ? 'stacked' : 'wide';
  return { '--list-size': `min(${Math.round(size)}px, calc(100% - ${MIN_DETAIL[layout]}px))` };
}

export function Splitter({
  stacked,
  size,
  onSize,
  splitRef,
  listRef,
}: {
  stacked: boolean;
  size: number | null;
  onSize: (size: number | null) => void;
  splitRef: RefObject<HTMLElement | null>;
  listRef: RefObject<HTMLElement | null>;
}) {
  const layout: Layout = stacked ? 'stacked' : 'wide';
  const [dragging, setDragging] = useState(false);
  const box = () => splitRef.current?.getBoundingClientRect();
  const max = () => {
    const b = box();
    return Math.max(MIN_LIST[layout], (stacked ? b?.height : b?.width) ?? 0) - MIN_DETAIL[layout];
  };
  const clamp = (value: number) => Math.round(Math.max(MIN_LIST[layout], Math.min(max(), value)));
  const current = () => {
    const list = listRef.current?.getBoundingClientRect();
    return size ?? (stacked ? list?.height : list?.width) ?? MIN_LIST[layout];
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const el = e.currentTarget as HTMLElement;
    el.setPointerCapture?.(e.pointerId);
    el.focus();
    setDragging(true);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!dragging) return;
    const b = box();
    if (!b) return;
    onSize(clamp(stacked ? e.clientY - b.top : e.clientX - b.left));
  };
  const onPointerUp = (e: PointerEvent) => {
    (e.currentTarget as HTMLElement).releasePointerCapture?.(e.pointerId);
    setDragging(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const less = stacked ? 'ArrowUp' : 'ArrowLeft';
    const more = stacked ? 'ArrowDown' : 'ArrowRight';
    const step = e.shiftKey ? STEP * 4 : STEP;
    let next: number | null | undefined;
    if (e.key === less) next = clamp(current() - step);
    else if (e.key === more) next = clamp(current() + step);
    else if (e.key === 'Home') next = MIN_LIST[layout];
    else if (e.key === 'End') next = clamp(max());
    else if (e.key === 'Enter') next = null;
    if (next === undefined) return;
    e.preventDefault();
    onSize(next);
  };

  return (
    <div
      class={`splitter${dragging ? ' splitter--dragging' : ''}`}
      role="separator"
      tabIndex={0}
      aria-label={stacked ? 'Height of the list' : 'Width of the list'}
      aria-orientation={stacked ? 'horizontal' : 'vertical'}
      aria-controls="detail"
      aria-valuemin={MIN_LIST[layout]}
      aria-valuenow={Math.round(current())}
      title="Drag, or use the arrow keys, to resize the list (double-click or Enter: default)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDblClick={() => onSize(null)}
      onKeyDown={onKeyDown}
    />
  );
}
