/**
 * The panel's HAR state: imported entries (in memory only, never sent to the worker or the badge)
 * and the status line of the last HAR action (reading with progress, imported, exported, failed).
 * Its events are part of state.ts's PanelEvent and go through the same `reduce`. Pure.
 */
import type { SanitizeChanges } from '../../har/secrets.js';
import type { PanelEntry } from '../entry.js';
import type { Filters } from '../filters.js';
import type { HarImportSummary } from './import.js';

export type HarStatus =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string; bytes: number; total: number }
  | { phase: 'imported'; summary: HarImportSummary }
  | { phase: 'exported'; fileName: string; requests: number; changes: SanitizeChanges }
  | { phase: 'failed'; action: 'import' | 'export'; name: string; message: string };

export type HarEvent =
  | { type: 'har-reading'; name: string; bytes: number; total: number }
  | { type: 'har-imported'; entries: PanelEntry[]; summary: HarImportSummary }
  | { type: 'har-exported'; fileName: string; requests: number; changes: SanitizeChanges }
  | { type: 'har-failed'; action: 'import' | 'export'; name: string; message: string }
  /** Hides the status line; the imported entries stay. */
  | { type: 'har-dismissed' }
  /** Removes every imported entry. */
  | { type: 'har-cleared' };

export const HAR_IDLE: HarStatus = { phase: 'idle' };

/** What of the panel's state the HAR events change. */
export interface HarSlice {
  imported: PanelEntry[];
  har: HarStatus;
  selectedId: string | null;
  filters: Filters;
}

/** The HAR part of `reduce`; state.ts keeps (or moves) the selection afterwards. */
export function reduceHar<S extends HarSlice>(state: S, event: HarEvent): S {
  switch (event.type) {
    case 'har-reading': {
      const { name, bytes, total } = event;
      return { ...state, har: { phase: 'reading', name, bytes, total } };
    }
    case 'har-imported': {
      // The same file imported again replaces its earlier entries instead of listing them twice.
      const others = state.imported.filter((e) => e.harFile !== event.summary.name);
      return {
        ...state,
        imported: [...event.entries, ...others],
        har: { phase: 'imported', summary: event.summary },
        selectedId: event.entries[0]?.id ?? state.selectedId,
      };
    }
    case 'har-exported': {
      const { fileName, requests, changes } = event;
      return { ...state, har: { phase: 'exported', fileName, requests, changes } };
    }
    case 'har-failed': {
      const { action, name, message } = event;
      return { ...state, har: { phase: 'failed', action, name, message } };
    }
    case 'har-dismissed':
      return { ...state, har: HAR_IDLE };
    case 'har-cleared':
      return {
        ...state,
        imported: [],
        har: state.har.phase === 'imported' ? HAR_IDLE : state.har,
        // "Imported from HAR" with nothing imported would show an empty list.
        filters:
          state.filters.source === 'har' ? { ...state.filters, source: 'all' } : state.filters,
      };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
