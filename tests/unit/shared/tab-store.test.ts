import { describe, expect, it, vi } from 'vitest';
import type { LastSuccess } from '../../../src/shared/stored.js';
import {
  createTabStore,
  DEFAULT_KEEP,
  readIndex,
  type StorageListener,
} from '../../../src/shared/tab-store.js';
import { T0, signToken } from '../../helpers/tokens.js';
import { storedEntry } from './fixtures.js';
import { createMemoryArea } from './memory-area.js';

const TOKEN = await signToken();
const OTHER_TOKEN = await signToken({ iatMs: T0 + 60_000 });

/** Entries 0..n-1 for one tab; only their ids differ, so none is deduped as the same request. */
function entries(n: number, tabId = 1) {
  const template = storedEntry({ id: 'template', tabId, auth: `Bearer ${TOKEN}` });
  return Array.from({ length: n }, (_, i) => ({ ...template, id: `webRequest:${i}` }));
}

const ids = (list: Array<{ id: string }>) => list.map((e) => e.id);
const itemKeys = (keys: string[], tabId: number) => keys.filter((k) => k.startsWith(`d:${tabId}:`));

const ROUTE = '/contacts/current';
const at = (host: string, route = ROUTE, subject: LastSuccess['subject'] = 'user') => ({
  host,
  route,
  subject,
});

function lastSuccess(
  host: string,
  at: number,
  route = ROUTE,
  subject: LastSuccess['subject'] = 'user',
): LastSuccess {
  return {
    host,
    route,
    subject,
    at,
    url: `https://${host}/contacts/current`,
    header: { alg: 'RS256' },
    claims: { sub: 'auth0|64f0c0ffee' },
    fingerprint: 'abcdef012345',
  };
}

describe('createTabStore', () => {
  it('reads a tab back newest first', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area);
    for (const entry of entries(3)) await store.add(entry);
    expect(ids(await createTabStore(area).read(1))).toEqual([
      'webRequest:2',
      'webRequest:1',
      'webRequest:0',
    ]);
    expect(await store.count(1)).toBe(3);
  });

  it('makes room from the tab’s oldest half when storage.session is full, and keeps the new entry', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area);
    for (const entry of entries(10)) await store.add(entry);
    // A full storage.session: the next write of a new diagnosis fails once, as Chrome's quota does.
    const set = area.set.bind(area);
    let refused = false;
    area.set = async (items) => {
      if (!refused && Object.keys(items).some((k) => k.endsWith(':webRequest:new'))) {
        refused = true;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      return set(items);
    };
    const result = await store.add({ ...entries(1)[0]!, id: 'webRequest:new' });
    expect(refused).toBe(true);
    expect(result).toEqual({ added: true, count: 6 });
    const kept = ids(await createTabStore(area).read(1));
    expect(kept[0]).toBe('webRequest:new');
    expect(kept).not.toContain('webRequest:0');
    expect(itemKeys(await area.keys(), 1)).toHaveLength(6);
  });

  it('reads an unknown tab as empty', async () => {
    const area = createMemoryArea();
    expect(await createTabStore(area).read(7)).toEqual([]);
    expect(await createTabStore(area).count(7)).toBe(0);
  });

  it('stores each entry as its JSON text, and reads it back (also in a restarted writer)', async () => {
    const area = createMemoryArea();
    const [first, second] = entries(2);
    await createTabStore(area).add(first!);
    await createTabStore(area).add(second!);
    const stored = area.snapshot()[`d:1:${first!.id}`];
    expect(typeof stored).toBe('string');
    expect(JSON.parse(stored as string)).toEqual(first);
    expect(await createTabStore(area).entry(1, first!.id)).toEqual(first);
    expect(await createTabStore(area).read(1)).toEqual([second, first]);
  });

  it('reads an entry stored as an object (an older version), and skips one that is not JSON', async () => {
    const [old, broken, fresh] = entries(3);
    const area = createMemoryArea({
      'tab:1': { ids: [old!.id, broken!.id] },
      [`d:1:${old!.id}`]: old,
      [`d:1:${broken!.id}`]: '{"id": "webRequest:1", ',
    });
    expect(ids(await createTabStore(area).read(1))).toEqual([old!.id]);
    expect(await createTabStore(area).entry(1, broken!.id)).toBeNull();
    // A writer loading the tab keeps the old entry, and writes it as text with the next commit.
    const writer = createTabStore(area);
    expect(await writer.add(fresh!)).toEqual({ added: true, count: 2 });
    expect(ids(await createTabStore(area).read(1))).toEqual([fresh!.id, old!.id]);
    expect(typeof area.snapshot()[`d:1:${fresh!.id}`]).toBe('string');
  });

  it.each([
    ['the default', undefined, DEFAULT_KEEP],
    ['a setting of 5', () => 5, 5],
    ['a setting below 1, raised to 1', () => 0, 1],
  ])('keeps at most %s, evicting the oldest and removing their keys', async (_, keep, kept) => {
    const area = createMemoryArea();
    const store = createTabStore(area, keep ? { keep } : {});
    const all = entries(kept + 3);
    let last = { added: false, count: 0 };
    for (const entry of all) last = await store.add(entry);

    expect(last).toEqual({ added: true, count: kept });
    const expected = ids(all.slice(3)).reverse();
    expect(ids(await createTabStore(area).read(1))).toEqual(expected);
    expect(itemKeys(area.keys(), 1).sort()).toEqual(expected.map((id) => `d:1:${id}`).sort());
  });

  it('loses no write when 300 adds for one tab run concurrently', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area);
    const all = entries(300);
    const results = await Promise.all(all.map((entry) => store.add(entry)));

    expect(results.every((r) => r.added)).toBe(true);
    // Group-committed: each add resolves once it is in storage, with the count stored by then.
    expect(results.map((r) => r.count)).toEqual(all.map(() => DEFAULT_KEEP));
    const index = await readIndex(area, 1);
    expect(index).toEqual(ids(all.slice(200)));
    expect(itemKeys(area.keys(), 1).sort()).toEqual(index.map((id) => `d:1:${id}`).sort());
    expect(await createTabStore(area).read(1)).toHaveLength(DEFAULT_KEEP);
  });

  it('keeps concurrent adds to different tabs apart', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area);
    const tab1 = entries(30, 1);
    const tab2 = entries(20, 2);
    await Promise.all([...tab1, ...tab2].map((entry) => store.add(entry)));

    expect(await readIndex(area, 1)).toEqual(ids(tab1));
    expect(await readIndex(area, 2)).toEqual(ids(tab2));
    expect((await createTabStore(area).read(2)).every((e) => e.tabId === 2)).toBe(true);
  });

  it('does not add the same id twice', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area);
    const [entry] = entries(1);
    expect(await store.add(entry!)).toEqual({ added: true, count: 1 });
    expect(await store.add(entry!)).toEqual({ added: false, count: 1 });
    expect(await readIndex(area, 1)).toEqual([entry!.id]);
  });

  const webRequest = storedEntry({ id: 'webRequest:41', auth: `Bearer ${TOKEN}`, sentAt: T0 });

  it.each([
    ['sent 1.5 s later', { sentAt: T0 + 1_500 }, false],
    [
      'sent 1.5 s earlier, with the method in lower case',
      { sentAt: T0 - 1_500, method: 'get' },
      false,
    ],
    ['sent 3 s later', { sentAt: T0 + 3_000 }, true],
    ['carrying a different token', { sentAt: T0 + 100, auth: `Bearer ${OTHER_TOKEN}` }, true],
    ['answered with another status', { sentAt: T0 + 100, status: 403 }, true],
    [
      'to another URL',
      { sentAt: T0 + 100, url: 'https://membership.api.rhythmsoftware.com/x' },
      true,
    ],
  ])(
    'adds a DevTools capture of a webRequest one %s only when it is another request',
    async (_, diff, added) => {
      const area = createMemoryArea();
      const store = createTabStore(area);
      await store.add(webRequest);
      const devtools = storedEntry({
        id: 'devtools:req-7',
        source: 'devtools',
        auth: `Bearer ${TOKEN}`,
        ...diff,
      });
      expect(await store.add(devtools)).toEqual({ added, count: added ? 2 : 1 });
    },
  );

  it('dedupes a webRequest capture that arrives after the DevTools one', async () => {
    const store = createTabStore(createMemoryArea());
    const devtools = storedEntry({
      id: 'devtools:req-7',
      source: 'devtools',
      auth: `Bearer ${TOKEN}`,
    });
    await store.add(devtools);
    const late = storedEntry({ id: 'webRequest:41', auth: `Bearer ${TOKEN}` });
    expect(await store.add(late)).toEqual({ added: false, count: 1 });
  });

  it('keeps two webRequest captures of identical requests (a retry is a second 401)', async () => {
    const store = createTabStore(createMemoryArea());
    await store.add(storedEntry({ id: 'webRequest:1', auth: `Bearer ${TOKEN}` }));
    const retry = storedEntry({ id: 'webRequest:2', auth: `Bearer ${TOKEN}` });
    expect(await store.add(retry)).toEqual({ added: true, count: 2 });
  });

  it('clears every key of the tab and none of another tab', async () => {
    const area = createMemoryArea({ unrelated: true });
    const store = createTabStore(area);
    for (const entry of [...entries(5, 1), ...entries(3, 10)]) await store.add(entry);
    await store.setLastSuccess(1, lastSuccess('rolodex.api.rhythmsoftware.com', T0));
    await store.setLastSuccess(10, lastSuccess('rolodex.api.rhythmsoftware.com', T0));
    const before10 = area.keys().filter((k) => k.includes(':10'));

    await store.clear(1);

    expect(area.keys().filter((k) => /^(tab|d|ok):1(:|$)/.test(k))).toEqual([]);
    expect(area.keys()).toEqual(['unrelated', ...before10].sort());
    expect(await createTabStore(area).read(1)).toEqual([]);
    expect(await store.lastSuccess(1, at('rolodex.api.rhythmsoftware.com'))).toBeNull();
    expect(await store.count(10)).toBe(3);
  });

  it('clears after the adds queued before it and keeps the ones queued after', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area);
    const [a, b, c] = entries(3);
    await Promise.all([store.add(a!), store.add(b!), store.clear(1), store.add(c!)]);
    expect(await readIndex(area, 1)).toEqual([c!.id]);
    expect(itemKeys(area.keys(), 1)).toEqual([`d:1:${c!.id}`]);
  });

  it('round-trips the last success per host and keeps hosts apart', async () => {
    const store = createTabStore(createMemoryArea());
    const rolodex = lastSuccess('rolodex.api.rhythmsoftware.com', T0);
    const membership = lastSuccess('membership.api.rhythmsoftware.com', T0 + 1);
    await Promise.all([store.setLastSuccess(1, rolodex), store.setLastSuccess(1, membership)]);

    expect(await store.lastSuccess(1, at(rolodex.host))).toEqual(rolodex);
    expect(await store.lastSuccess(1, at(membership.host))).toEqual(membership);
    expect(await store.lastSuccess(1, at('events.api.rhythmsoftware.com'))).toBeNull();
    expect(await store.lastSuccess(2, at(rolodex.host))).toBeNull();
  });

  it('keeps a last success per route and subject kind, never answering one with another', async () => {
    const store = createTabStore(createMemoryArea());
    const host = 'rolodex.api.rhythmsoftware.com';
    const user = lastSuccess(host, T0, '/contacts/{tenant}/current', 'user');
    const m2m = {
      ...lastSuccess(host, T0 + 1, '/contacts/{tenant}/{id}', 'm2m'),
      fingerprint: 'fedcba987654',
    };
    await store.setLastSuccess(1, user);
    await store.setLastSuccess(1, m2m);
    expect(await store.lastSuccess(1, at(host, '/contacts/{tenant}/current', 'user'))).toEqual(
      user,
    );
    expect(await store.lastSuccess(1, at(host, '/contacts/{tenant}/{id}', 'm2m'))).toEqual(m2m);
    expect(await store.lastSuccess(1, at(host, '/contacts/{tenant}/current', 'm2m'))).toBeNull();
    expect(await store.lastSuccess(1, at(host, '/contacts/{tenant}/{id}', 'user'))).toBeNull();
  });

  it.each(['toString', '__proto__', 'constructor'])(
    'answers null for the host %s rather than an Object.prototype member',
    async (host) => {
      const store = createTabStore(createMemoryArea());
      await store.setLastSuccess(1, lastSuccess('rolodex.api.rhythmsoftware.com', T0));
      expect(await store.lastSuccess(1, at(host))).toBeNull();
    },
  );

  it('replaces the last success of a host when the token changes', async () => {
    const store = createTabStore(createMemoryArea());
    await store.setLastSuccess(1, lastSuccess('rolodex.api.rhythmsoftware.com', T0));
    const newer = {
      ...lastSuccess('rolodex.api.rhythmsoftware.com', T0 + 5_000),
      fingerprint: 'fedcba987654',
    };
    await store.setLastSuccess(1, newer);
    expect(await store.lastSuccess(1, at(newer.host))).toEqual(newer);
  });

  it('writes the last success once per token and host, and again after the tab is cleared', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area);
    const set = vi.spyOn(area, 'set');
    const rolodex = lastSuccess('rolodex.api.rhythmsoftware.com', T0);
    await Promise.all([
      store.setLastSuccess(1, rolodex),
      store.setLastSuccess(1, { ...rolodex, at: T0 + 1 }),
      store.setLastSuccess(2, rolodex),
      store.setLastSuccess(1, { ...rolodex, host: 'events.api.rhythmsoftware.com' }),
    ]);
    // One write per tab: the two hosts of tab 1 go out together.
    expect(set).toHaveBeenCalledTimes(2);
    expect((await store.lastSuccess(1, at(rolodex.host)))?.at).toBe(T0);

    await store.clear(1);
    await store.setLastSuccess(1, rolodex);
    expect(set).toHaveBeenCalledTimes(3);
    expect(await store.lastSuccess(1, at(rolodex.host))).toEqual(rolodex);
  });

  it('watches one tab: a new 401 or a changed entry is heard, another tab or area is not', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area, { changes: area.changes });
    const heard = vi.fn();
    const stop = store.watch(1, heard);
    const [a] = entries(1);
    await store.add(a!);
    expect(heard).toHaveBeenCalledTimes(1);
    await store.add(entries(1, 2)[0]!);
    expect(heard).toHaveBeenCalledTimes(1);
    await store.update({ ...a!, retry: undefined });
    expect(heard).toHaveBeenCalledTimes(2);
    stop();
    await store.clear(1);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('ignores the same keys changing in another storage area', () => {
    let listener: StorageListener | undefined;
    const changes = { addListener: (l: StorageListener) => (listener = l), removeListener() {} };
    const heard = vi.fn();
    createTabStore(createMemoryArea(), { changes }).watch(1, heard);
    listener!({ 'tab:1': { newValue: { ids: [] } } }, 'local');
    expect(heard).not.toHaveBeenCalled();
    listener!({ 'tab:1': { newValue: { ids: [] } } }, 'session');
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('refuses to watch without a source of changes', () => {
    expect(() => createTabStore(createMemoryArea()).watch(1, () => {})).toThrow(/changes/);
  });

  it('keeps serving the tab after a failed write', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area);
    const [a, b] = entries(2);
    vi.spyOn(area, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(store.add(a!)).rejects.toThrow('QUOTA_BYTES');
    expect(await store.add(b!)).toEqual({ added: true, count: 1 });
  });
});
