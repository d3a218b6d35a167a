/**
 * The panel's state and the one function every incoming event goes through (STYLE.md: one store,
 * an exhaustive switch). Pure: no browser, no clock; src/panel/store.ts wraps it in signals.
 */
import { diagnosisKey, sameRequest } from '../analyzer/index.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import type { PanelEntry, SeenRequest } from './entry.js';
import { applyFilters, DEFAULT_FILTERS, type Filters } from './filters.js';
import { HAR_IDLE, reduceHar, type HarEvent, type HarStatus } from './har/state.js';
import { MAX_NAVIGATIONS, type Navigation } from './view/navigations.js';

export type Connection =
  | { phase: 'connecting' }
  | { phase: 'live' }
  | { phase: 'reconnecting'; attempt: number }
  | { phase: 'failed'; message: string };

export interface PanelState {
  connection: Connection;
  /** False until storage.session was read once: the list shows "connecting" until then. */
  synced: boolean;
  /** The worker's diagnoses of the tab, newest first. */
  stored: StoredDiagnosis[];
  /**
   * Entries pushed down the port while a resync was reading storage (so the resync cannot drop
   * them), newest first like `stored`: the ones the read missed go before what it found.
   */
  liveSinceSync: StoredDiagnosis[];
  /** Pasted diagnoses, newest first: never sent to the worker or the badge. */
  pasted: PanelEntry[];
  /** Diagnoses read from imported HAR files, newest first: never sent to the worker or the badge. */
  imported: PanelEntry[];
  /** The last HAR import or export: progress, outcome, or where the file broke. */
  har: HarStatus;
  seen: SeenRequest[];
  selectedId: string | null;
  filters: Filters;
  /** A problem worth a line in the toolbar that does not stop the panel (a failed add-captured). */
  notice: string | null;
  /**
   * What the last Clear took that lived only here (pasted and imported entries), for its Undo,
   * until the toast goes. The worker's entries are cleared in the worker: those do not come back.
   */
  undo: ClearedLocally | null;
  /** Where the inspected page navigated (DevTools only), newest first: the list marks them. */
  navigations: Navigation[];
}

export interface ClearedLocally {
  pasted: PanelEntry[];
  imported: PanelEntry[];
  /** The worker's entries cleared with them (counted in the toast, not restorable). */
  stored: number;
}

export type PanelEvent =
  | { type: 'connecting'; attempt: number }
  | { type: 'connection-failed'; message: string }
  | { type: 'sync-started' }
  | { type: 'synced'; entries: StoredDiagnosis[] }
  | { type: 'request-diagnosed'; entry: StoredDiagnosis }
  /** An active check's result written into an entry (by the worker, or here for a pasted one). */
  | { type: 'entry-updated'; entry: PanelEntry }
  | { type: 'tab-cleared' }
  | { type: 'devtools-seen'; requests: SeenRequest[] }
  | { type: 'pasted'; entry: PanelEntry }
  | { type: 'pasted-cleared' }
  /** Clear: pasted and imported entries go, kept for an Undo (the worker clears its own). */
  | { type: 'cleared' }
  | { type: 'undo-clear' }
  | { type: 'undo-expired' }
  | { type: 'navigated'; url: string; at: number }
  | { type: 'select'; id: string | null }
  /** ↑/↓ (`by` 1), PageUp/PageDown (`by` a page of rows), Home/End. */
  | { type: 'move-selection'; to: 'next' | 'previous' | 'first' | 'last'; by?: number }
  | { type: 'filter'; filters: Partial<Filters> }
  | { type: 'notice'; message: string | null }
  | HarEvent;

export const MAX_PASTED = 100;
export const MAX_SEEN = 500;

export function initialState(): PanelState {
  return {
    connection: { phase: 'connecting' },
    synced: false,
    stored: [],
    liveSinceSync: [],
    pasted: [],
    imported: [],
    har: HAR_IDLE,
    seen: [],
    selectedId: null,
    filters: DEFAULT_FILTERS,
    notice: null,
    undo: null,
    navigations: [],
  };
}

// One-slot memos: the reducer and the store's computed values ask for the same lists several times
// per event, and a filter keystroke over 10,000 entries must answer in under 50 ms (SPEC §9). The
// state's lists are replaced, never changed in place, so their identity says when to recompute.
let lastAll: { parts: readonly PanelEntry[][]; value: PanelEntry[] } | null = null;
let lastVisible: { all: PanelEntry[]; filters: Filters; value: PanelEntry[] } | null = null;

/** Every entry, newest first: stored, pasted and imported interleaved by when they were recorded. */
export function allEntries(state: PanelState): PanelEntry[] {
  if (state.pasted.length === 0 && state.imported.length === 0) return state.stored;
  const parts = [state.stored, state.pasted, state.imported];
  if (lastAll && lastAll.parts.every((p, i) => p === parts[i])) return lastAll.value;
  const value = parts.flat().sort((a, b) => b.capturedAt - a.capturedAt);
  lastAll = { parts, value };
  return value;
}

export function visibleEntries(state: PanelState): PanelEntry[] {
  const all = allEntries(state);
  if (lastVisible && lastVisible.all === all && lastVisible.filters === state.filters)
    return lastVisible.value;
  const value = applyFilters(all, state.filters);
  lastVisible = { all, filters: state.filters, value };
  return value;
}

/** The selected entry if it is still listed (filters may hide it). */
export function selectedEntry(
  state: PanelState,
  visible = visibleEntries(state),
): PanelEntry | null {
  return visible.find((e) => e.id === state.selectedId) ?? null;
}

/** The 401 body: kept with the entry, or from DevTools' copy of the same request. */
export function bodyOf(entry: StoredDiagnosis, seen: readonly SeenRequest[]): string | undefined {
  if (entry.responseBody !== undefined) return entry.responseBody;
  const key = diagnosisKey(entry.diagnosis);
  return seen.find((s) => s.body !== undefined && sameRequest(s.requestKey, key))?.body;
}

/** Keeps a selection that still exists; otherwise selects the newest visible entry. */
function keepSelection(state: PanelState): PanelState {
  const all = allEntries(state);
  if (state.selectedId !== null && all.some((e) => e.id === state.selectedId)) return state;
  return { ...state, selectedId: visibleEntries(state)[0]?.id ?? null };
}

function move(state: PanelState, to: 'next' | 'previous' | 'first' | 'last', by = 1): PanelState {
  const visible = visibleEntries(state);
  if (visible.length === 0) return state;
  const at = visible.findIndex((e) => e.id === state.selectedId);
  const index =
    to === 'first'
      ? 0
      : to === 'last'
        ? visible.length - 1
        : at < 0
          ? 0
          : Math.min(visible.length - 1, Math.max(0, at + (to === 'next' ? by : -by)));
  return { ...state, selectedId: visible[index]!.id };
}

export function reduce(state: PanelState, event: PanelEvent): PanelState {
  switch (event.type) {
    case 'connecting':
      return {
        ...state,
        connection:
          event.attempt === 0
            ? { phase: 'connecting' }
            : { phase: 'reconnecting', attempt: event.attempt },
      };
    case 'connection-failed':
      return { ...state, connection: { phase: 'failed', message: event.message } };
    case 'sync-started':
      return { ...state, liveSinceSync: [] };
    case 'synced': {
      const ids = new Set(event.entries.map((e) => e.id));
      const missed = state.liveSinceSync.filter((e) => !ids.has(e.id));
      return keepSelection({
        ...state,
        connection: { phase: 'live' },
        synced: true,
        stored: [...missed, ...event.entries],
        liveSinceSync: [],
      });
    }
    case 'request-diagnosed': {
      if (state.stored.some((e) => e.id === event.entry.id)) return state;
      const next = {
        ...state,
        stored: [event.entry, ...state.stored],
        liveSinceSync: [event.entry, ...state.liveSinceSync],
      };
      // Until the first read the list is not shown: the first sync picks the newest of them all.
      return state.synced ? keepSelection(next) : next;
    }
    case 'entry-updated': {
      const { entry } = event;
      const replace = <T extends PanelEntry>(list: T[]): T[] =>
        list.some((e) => e.id === entry.id)
          ? list.map((e) => (e.id === entry.id ? (entry as T) : e))
          : list;
      return {
        ...state,
        stored: replace(state.stored),
        liveSinceSync: replace(state.liveSinceSync),
        pasted: replace(state.pasted),
        imported: replace(state.imported),
      };
    }
    case 'tab-cleared':
      return keepSelection({ ...state, stored: [], liveSinceSync: [], seen: [], navigations: [] });
    case 'devtools-seen':
      return { ...state, seen: [...event.requests, ...state.seen].slice(0, MAX_SEEN) };
    case 'pasted':
      return {
        ...state,
        pasted: [event.entry, ...state.pasted].slice(0, MAX_PASTED),
        selectedId: event.entry.id,
      };
    case 'pasted-cleared':
      return keepSelection({ ...state, pasted: [] });
    case 'cleared': {
      const local = state.pasted.length + state.imported.length;
      const undo =
        local > 0
          ? { pasted: state.pasted, imported: state.imported, stored: state.stored.length }
          : null;
      const cleared = reduceHar({ ...state, pasted: [], undo }, { type: 'har-cleared' });
      return keepSelection(cleared);
    }
    case 'undo-clear': {
      if (!state.undo) return state;
      const ids = new Set([...state.pasted, ...state.imported].map((e) => e.id));
      const back = (list: PanelEntry[]) => list.filter((e) => !ids.has(e.id));
      return keepSelection({
        ...state,
        pasted: [...state.pasted, ...back(state.undo.pasted)].slice(0, MAX_PASTED),
        imported: [...state.imported, ...back(state.undo.imported)],
        undo: null,
      });
    }
    case 'navigated':
      return {
        ...state,
        navigations: [{ url: event.url, at: event.at }, ...state.navigations].slice(
          0,
          MAX_NAVIGATIONS,
        ),
      };
    case 'undo-expired':
      return state.undo ? { ...state, undo: null } : state;
    case 'select':
      return { ...state, selectedId: event.id };
    case 'move-selection':
      return move(state, event.to, event.by);
    case 'filter': {
      const next = { ...state, filters: { ...state.filters, ...event.filters } };
      // A selection the filters hide gives way to the first match, so the detail matches the list.
      return selectedEntry(next) || visibleEntries(next).length === 0
        ? next
        : { ...next, selectedId: visibleEntries(next)[0]!.id };
    }
    case 'notice':
      return { ...state, notice: event.message };
    case 'har-reading':
    case 'har-imported':
    case 'har-exported':
    case 'har-failed':
    case 'har-dismissed':
    case 'har-cleared':
      return keepSelection(reduceHar(state, event));
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
