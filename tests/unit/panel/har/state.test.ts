/**
 * The HAR part of the panel's store: imported entries listed beside the tab's own (never in
 * `stored`, the worker's list), filterable by source, replaced when the same file is imported
 * again, removed on their own; and the words of the status line.
 */
import { describe, expect, it } from 'vitest';
import { emptyChanges } from '../../../../src/har/secrets.js';
import { applyFilters, DEFAULT_FILTERS, isFiltering } from '../../../../src/panel/filters.js';
import type { HarImportSummary } from '../../../../src/panel/har/import.js';
import { changesText, importedText, sizeText } from '../../../../src/panel/har/text.js';
import type { PanelEntry } from '../../../../src/panel/entry.js';
import {
  allEntries,
  initialState,
  reduce,
  visibleEntries,
  type PanelEvent,
  type PanelState,
} from '../../../../src/panel/state.js';
import { entry, SENT_AT } from '../fixtures.js';

const captured = entry({ id: 'webRequest:1', sentAt: SENT_AT });
const pasted = { ...entry({ id: 'paste:1', source: 'paste' }), capturedAt: SENT_AT + 5000 };

function imported(file: string, seq: number, count: number, importedAt = SENT_AT + 9000) {
  return Array.from({ length: count }, (_, i): PanelEntry => ({
    ...entry({ id: `har:${seq}:${i}`, source: 'har', sentAt: SENT_AT - i * 1000 }),
    capturedAt: importedAt,
    harFile: file,
  }));
}

function summary(name: string, listed: number): HarImportSummary {
  return {
    name,
    bytes: 1000,
    entries: listed + 2,
    unreadable: 0,
    diagnosed: listed,
    listed,
    failed: listed,
    finding: null,
  };
}

const importEvent = (name: string, entries: PanelEntry[]): PanelEvent => ({
  type: 'har-imported',
  entries,
  summary: summary(name, entries.length),
});

const run = (events: PanelEvent[], from: PanelState = initialState()) =>
  events.reduce(reduce, from);
const ids = (s: PanelState) => visibleEntries(s).map((e) => e.id);

describe('HAR state', () => {
  it('lists imported entries with the tab’s, newest import first, and selects the first of them', () => {
    const s = run([
      { type: 'synced', entries: [captured] },
      { type: 'pasted', entry: pasted },
      importEvent('a.har', imported('a.har', 1, 2)),
    ]);
    expect(ids(s)).toEqual(['har:1:0', 'har:1:1', 'paste:1', 'webRequest:1']);
    expect(s.selectedId).toBe('har:1:0');
    expect(s.stored.map((e) => e.id)).toEqual(['webRequest:1']); // the worker's list is untouched
    expect(s.har).toEqual({ phase: 'imported', summary: summary('a.har', 2) });
  });

  it('replaces a file imported again, and keeps the other files', () => {
    const s = run([
      importEvent('a.har', imported('a.har', 1, 2)),
      importEvent('b.har', imported('b.har', 2, 1, SENT_AT + 10_000)),
      importEvent('a.har', imported('a.har', 3, 1, SENT_AT + 11_000)),
    ]);
    expect(allEntries(s).map((e) => e.id)).toEqual(['har:3:0', 'har:2:0']);
  });

  it('filters by source: captured, imported from HAR, pasted', () => {
    const s = run([
      { type: 'synced', entries: [captured] },
      { type: 'pasted', entry: pasted },
      importEvent('a.har', imported('a.har', 1, 1)),
    ]);
    const only = (source: 'captured' | 'har' | 'paste') =>
      applyFilters(allEntries(s), { ...DEFAULT_FILTERS, source }).map((e) => e.id);
    expect(only('har')).toEqual(['har:1:0']);
    expect(only('captured')).toEqual(['webRequest:1']);
    expect(only('paste')).toEqual(['paste:1']);
    expect(isFiltering({ ...DEFAULT_FILTERS, source: 'har' })).toBe(true);
    // A selection the source filter hides gives way to the first match.
    const filtered = run([{ type: 'filter', filters: { source: 'captured' } }], s);
    expect(filtered.selectedId).toBe('webRequest:1');
  });

  it('removes the imported entries on har-cleared, and the HAR-only filter with them', () => {
    const s = run([
      { type: 'synced', entries: [captured] },
      importEvent('a.har', imported('a.har', 1, 2)),
      { type: 'filter', filters: { source: 'har' } },
      { type: 'har-cleared' },
    ]);
    expect(ids(s)).toEqual(['webRequest:1']);
    expect(s.filters.source).toBe('all');
    expect(s.selectedId).toBe('webRequest:1');
    expect(s.har.phase).toBe('idle');
  });

  it('keeps imported entries when the worker clears the tab (they are not the tab’s)', () => {
    const s = run([
      { type: 'synced', entries: [captured] },
      importEvent('a.har', imported('a.har', 1, 1)),
      { type: 'tab-cleared' },
    ]);
    expect(ids(s)).toEqual(['har:1:0']);
  });

  it('goes through reading, failed and dismissed without touching the list', () => {
    let s = run([{ type: 'synced', entries: [captured] }]);
    s = run([{ type: 'har-reading', name: 'big.har', bytes: 10, total: 100 }], s);
    expect(s.har).toEqual({ phase: 'reading', name: 'big.har', bytes: 10, total: 100 });
    s = run(
      [{ type: 'har-failed', action: 'import', name: 'big.har', message: 'truncated at byte 9' }],
      s,
    );
    expect(s.har).toMatchObject({ phase: 'failed', message: 'truncated at byte 9' });
    s = run([{ type: 'har-dismissed' }], s);
    expect(s.har.phase).toBe('idle');
    expect(ids(s)).toEqual(['webRequest:1']);
  });
});

describe('HAR status words', () => {
  it('sums up an import', () => {
    expect(importedText(summary('a.har', 6))).toBe(
      '8 entries, 6 Rhythm 401s diagnosed (6 with a failing check)',
    );
    expect(importedText({ ...summary('a.har', 0), entries: 1 })).toBe(
      '1 entry, no 401 from a Rhythm API',
    );
    expect(
      importedText({ ...summary('a.har', 2000), diagnosed: 2500, unreadable: 1, entries: 9000 }),
    ).toBe(
      '9,000 entries, 2,500 Rhythm 401s diagnosed (2,000 with a failing check); the newest 2,000 are listed; 1 entry without a URL, method, status or start time skipped',
    );
  });

  it('says what the sanitizing removed', () => {
    expect(changesText(emptyChanges())).toBe('nothing secret was found in them');
    expect(
      changesText({ ...emptyChanges(), signatures: 3, cookies: 1, headers: 1, bodyFields: 1 }),
    ).toBe('3 token signatures masked, 1 cookie value redacted, 2 other secrets redacted');
  });

  it('gives sizes in bytes, KB, MB', () => {
    expect([
      sizeText(512),
      sizeText(1536),
      sizeText(12_345_678),
      sizeText(300 * 1024 ** 2),
    ]).toEqual(['512 bytes', '1.5 KB', '12 MB', '300 MB']);
  });
});
