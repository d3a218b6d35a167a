import { describe, expect, it } from 'vitest';
import {
  allEntries,
  bodyOf,
  initialState,
  reduce,
  visibleEntries,
  type PanelEvent,
  type PanelState,
} from '../../../src/panel/state.js';
import { diagnosisKey } from '../../../src/analyzer/same-request.js';
import { entry, SENT_AT } from './fixtures.js';

const a = entry({ id: 'webRequest:1', sentAt: SENT_AT });
const b = entry({ id: 'webRequest:2', sentAt: SENT_AT + 1000, auth: 'Basic x' });
const c = entry({
  id: 'webRequest:3',
  sentAt: SENT_AT + 2000,
  url: 'https://membership.api.rhythmsoftware.com/memberships/acme.org',
});

const run = (events: PanelEvent[], from: PanelState = initialState()) =>
  events.reduce(reduce, from);
const ids = (s: PanelState) => visibleEntries(s).map((e) => e.id);

describe('panel state', () => {
  it('is connecting and unsynced until the first read of storage.session', () => {
    const s = initialState();
    expect(s.connection.phase).toBe('connecting');
    expect(s.synced).toBe(false);
    const synced = run([{ type: 'sync-started' }, { type: 'synced', entries: [b, a] }]);
    expect(synced.connection.phase).toBe('live');
    expect(ids(synced)).toEqual(['webRequest:2', 'webRequest:1']);
  });

  it('selects the newest entry on first sync, and keeps the selection when new ones arrive', () => {
    let s = run([{ type: 'synced', entries: [b, a] }]);
    expect(s.selectedId).toBe('webRequest:2');
    s = run(
      [
        { type: 'select', id: 'webRequest:1' },
        { type: 'request-diagnosed', entry: c },
      ],
      s,
    );
    expect(ids(s)[0]).toBe('webRequest:3');
    expect(s.selectedId).toBe('webRequest:1');
  });

  it('ignores a request-diagnosed event for an entry it already lists', () => {
    const s = run([
      { type: 'synced', entries: [a] },
      { type: 'request-diagnosed', entry: a },
    ]);
    expect(allEntries(s)).toHaveLength(1);
  });

  it('keeps entries pushed while a resync was reading storage (a read that missed them)', () => {
    const s = run([
      { type: 'synced', entries: [a] },
      { type: 'connecting', attempt: 1 },
      { type: 'sync-started' },
      { type: 'request-diagnosed', entry: c },
      { type: 'synced', entries: [b, a] }, // read before c was written
    ]);
    expect(ids(s)).toEqual(['webRequest:3', 'webRequest:2', 'webRequest:1']);
    expect(s.connection.phase).toBe('live');
  });

  it('lists several entries a first read missed newest first, as they arrived (CI: a panel opened mid-burst)', () => {
    const s = run([
      { type: 'sync-started' },
      { type: 'request-diagnosed', entry: b },
      { type: 'request-diagnosed', entry: c },
      { type: 'synced', entries: [a] }, // read after a was written, before b and c
    ]);
    expect(ids(s)).toEqual(['webRequest:3', 'webRequest:2', 'webRequest:1']);
    expect(s.selectedId).toBe('webRequest:3');
  });

  it('drops entries a resync no longer finds (the tab was cleared while the port was down)', () => {
    const s = run([
      { type: 'synced', entries: [b, a] },
      { type: 'sync-started' },
      { type: 'synced', entries: [] },
    ]);
    expect(ids(s)).toEqual([]);
    expect(s.selectedId).toBeNull();
  });

  it('reports reconnection attempts, and a failure that stops it', () => {
    expect(run([{ type: 'connecting', attempt: 2 }]).connection).toEqual({
      phase: 'reconnecting',
      attempt: 2,
    });
    expect(run([{ type: 'connection-failed', message: 'gone' }]).connection).toEqual({
      phase: 'failed',
      message: 'gone',
    });
  });

  it('clears the stored entries on tab-cleared but keeps pasted ones until they are cleared too', () => {
    const pasted = {
      ...entry({ id: 'paste:1', source: 'paste', sentAt: SENT_AT + 5000 }),
      token: 't',
    };
    let s = run([
      { type: 'synced', entries: [b, a] },
      { type: 'pasted', entry: pasted },
    ]);
    expect(s.selectedId).toBe('paste:1');
    expect(ids(s)).toEqual(['paste:1', 'webRequest:2', 'webRequest:1']);
    s = run([{ type: 'tab-cleared' }], s);
    expect(ids(s)).toEqual(['paste:1']);
    s = run([{ type: 'pasted-cleared' }], s);
    expect(ids(s)).toEqual([]);
    expect(s.selectedId).toBeNull();
  });

  it.each([
    ['next', 'webRequest:2', 'webRequest:1'],
    ['previous', 'webRequest:2', 'webRequest:3'],
    ['first', 'webRequest:1', 'webRequest:3'],
    ['last', 'webRequest:3', 'webRequest:1'],
    ['next', 'webRequest:1', 'webRequest:1'],
    ['previous', 'webRequest:3', 'webRequest:3'],
  ] as const)('moves the selection to the %s entry (from %s to %s)', (to, from, expected) => {
    const s = run([
      { type: 'synced', entries: [c, b, a] },
      { type: 'select', id: from },
      { type: 'move-selection', to },
    ]);
    expect(s.selectedId).toBe(expected);
  });

  it.each([
    ['next', 2, 'webRequest:3', 'webRequest:1'],
    ['next', 5, 'webRequest:3', 'webRequest:1'],
    ['previous', 2, 'webRequest:1', 'webRequest:3'],
  ] as const)(
    'moves the selection a page: %s by %i (from %s to %s), never past an end',
    (to, by, from, expected) => {
      const s = run([
        { type: 'synced', entries: [c, b, a] },
        { type: 'select', id: from },
        { type: 'move-selection', to, by },
      ]);
      expect(s.selectedId).toBe(expected);
    },
  );

  it('moves the selection to the first match when a filter hides it', () => {
    const s = run([
      { type: 'synced', entries: [c, b, a] },
      { type: 'select', id: 'webRequest:2' },
      { type: 'filter', filters: { host: 'membership.api.rhythmsoftware.com' } },
    ]);
    expect(ids(s)).toEqual(['webRequest:3']);
    expect(s.selectedId).toBe('webRequest:3');
  });

  it('finds the 401 body on the entry, or in DevTools’ copy of the same request', () => {
    const withBody = entry({ id: 'devtools:k', source: 'devtools', responseBody: '{"m":1}' });
    expect(bodyOf(withBody, [])).toBe('{"m":1}');
    const seen = [{ key: 'k', requestKey: diagnosisKey(a.diagnosis), body: 'Unauthorized' }];
    expect(bodyOf(a, seen)).toBe('Unauthorized');
    expect(bodyOf(c, seen)).toBeUndefined();
  });

  it('keeps at most 500 DevTools copies', () => {
    const many = Array.from({ length: 600 }, (_, i) => ({
      key: String(i),
      requestKey: diagnosisKey(a.diagnosis),
    }));
    expect(run([{ type: 'devtools-seen', requests: many }]).seen).toHaveLength(500);
  });
});

describe('Clear and its Undo', () => {
  it('keeps what only the panel had for Undo, and lets it go when the toast does', async () => {
    const { entry } = await import('./fixtures.js');
    const { initialState, reduce } = await import('../../../src/panel/state.js');
    let s = reduce(initialState(), { type: 'synced', entries: [entry({ id: 'a' })] });
    s = reduce(s, { type: 'pasted', entry: entry({ id: 'paste:1', source: 'paste', status: 0 }) });
    s = reduce(s, { type: 'cleared' });
    expect(s.pasted).toEqual([]);
    expect(s.undo?.pasted.map((e) => e.id)).toEqual(['paste:1']);
    expect(s.undo?.stored).toBe(1);
    const expired = reduce(s, { type: 'undo-expired' });
    expect(expired.undo).toBeNull();
    expect(reduce(expired, { type: 'undo-clear' }).pasted).toEqual([]);
    // A paste after the Clear stays, beside the ones brought back.
    s = reduce(s, { type: 'pasted', entry: entry({ id: 'paste:2', source: 'paste', status: 0 }) });
    s = reduce(s, { type: 'undo-clear' });
    expect(s.pasted.map((e) => e.id)).toEqual(['paste:2', 'paste:1']);
    expect(s.undo).toBeNull();
  });

  it('offers no Undo when only captured entries were cleared', async () => {
    const { entry } = await import('./fixtures.js');
    const { initialState, reduce } = await import('../../../src/panel/state.js');
    const s = reduce(reduce(initialState(), { type: 'synced', entries: [entry({ id: 'a' })] }), {
      type: 'cleared',
    });
    expect(s.undo).toBeNull();
  });
});
