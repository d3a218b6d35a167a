/**
 * The store under a storm and fair between tabs (SPEC §7): group-committed writes, a tab loaded
 * once by a restarted worker, each tab's own share of storage.session, and the size cap of a
 * stored diagnosis with its marker.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  capEntry,
  ENTRY_CAP_BYTES,
  jsonBytes,
  TRUNCATED_MARK,
} from '../../../src/shared/entry-cap.js';
import { createTabStore, DEFAULT_KEEP, readIndex } from '../../../src/shared/tab-store.js';
import { signToken } from '../../helpers/tokens.js';
import { storedEntry } from './fixtures.js';
import { createMemoryArea } from './memory-area.js';

const TOKEN = await signToken();
/** A token as some tenants mint them: 60 KB of permissions and a long custom claim. */
const LARGE_TOKEN = await signToken({
  claims: {
    permissions: Array.from({ length: 2000 }, (_, i) => `read:resource-number-${i}`),
    'https://example.com/profile': 'x'.repeat(20_000),
  },
});

function entries(n: number, tabId: number, token = TOKEN, from = 0) {
  const template = storedEntry({ id: 'template', tabId, auth: `Bearer ${token}` });
  return Array.from({ length: n }, (_, i) => ({ ...template, id: `webRequest:${from + i}` }));
}

describe('createTabStore under a storm', () => {
  it('group-commits 1,000 concurrent adds in a few writes and keeps exactly the newest 100', async () => {
    const area = createMemoryArea();
    const set = vi.spyOn(area, 'set');
    const get = vi.spyOn(area, 'get');
    const store = createTabStore(area);
    const all = entries(1000, 1);
    const results = await Promise.all(all.map((e) => store.add(e)));
    expect(results.every((r) => r.added && r.count === DEFAULT_KEEP)).toBe(true);
    expect(set.mock.calls.length).toBeLessThanOrEqual(3);
    // The tab is read from storage once (its index and entries), never per add.
    expect(get.mock.calls.length).toBeLessThanOrEqual(2);
    const index = await readIndex(area, 1);
    expect(index).toEqual(all.slice(900).map((e) => e.id));
    expect(area.keys().filter((k) => k.startsWith('d:1:'))).toHaveLength(DEFAULT_KEEP);
  });

  it('answers a read during the storm with what is being written, newest first', async () => {
    const store = createTabStore(createMemoryArea());
    const adds = entries(5, 1).map((e) => store.add(e));
    const read = await store.read(1);
    expect(read.map((e) => e.id)).toEqual([
      'webRequest:4',
      'webRequest:3',
      'webRequest:2',
      'webRequest:1',
      'webRequest:0',
    ]);
    await Promise.all(adds);
  });

  it('a restarted worker loads the tab from storage once and counts on', async () => {
    const area = createMemoryArea();
    const first = createTabStore(area);
    for (const e of entries(5, 1)) await first.add(e);
    const restarted = createTabStore(area);
    expect(await restarted.add(entries(1, 1, TOKEN, 5)[0]!)).toEqual({ added: true, count: 6 });
    // The same id as a kept one (a webRequest id seen before the restart) is still deduped.
    expect(await restarted.add(entries(1, 1)[0]!)).toEqual({ added: false, count: 6 });
    expect((await createTabStore(area).read(1)).map((e) => e.id)[0]).toBe('webRequest:5');
  });
  it('spaces a storm’s commits a quarter second apart while the tab fills, a second once it is full', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area, { keep: () => 10 });
    await store.update(entries(1, 1)[0]!); // loads the (empty) tab before the clock is faked
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      const start = Date.now();
      const commits: number[] = [];
      vi.spyOn(area, 'set').mockImplementation(async () => void commits.push(Date.now() - start));
      /** Runs the clock (10 ms a step, storage's own turns real) until `adds` are written. */
      const settle = async (adds: Array<Promise<unknown>>) => {
        let done = false;
        void Promise.all(adds).finally(() => (done = true));
        while (!done) {
          await vi.advanceTimersByTimeAsync(10);
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      const batch = (n: number, from: number) =>
        entries(n, 1, TOKEN, from).map((e) => store.add(e));
      await settle(batch(5, 0)); // the first commit goes at once, 5 in it: a storm
      await settle(batch(3, 5)); // 8 kept: the tab is still filling
      await settle(batch(4, 8)); // 12 added, 10 kept: full, its badge can no longer change
      await settle(batch(2, 12));
      expect(commits).toEqual([0, 250, 1250, 2250]);
      expect(await store.count(1)).toBe(10);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the writer’s memory', () => {
  it('lets a cleared (closed) tab go, and serves it again from storage', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area);
    await Promise.all(entries(3, 1).map((e) => store.add(e)));
    await store.add(entries(1, 2)[0]!);
    expect(store.loadedTabs).toBe(2);
    await store.clear(1);
    await vi.waitFor(() => expect(store.loadedTabs).toBe(1));
    expect(await store.count(1)).toBe(0);
    expect(await store.add(entries(1, 1)[0]!)).toEqual({ added: true, count: 1 });
  });

  it('reads a tab again after storage failed to load it', async () => {
    const area = createMemoryArea();
    await createTabStore(area).add(entries(1, 1)[0]!);
    const store = createTabStore(area);
    vi.spyOn(area, 'get').mockRejectedValueOnce(new Error('storage unavailable'));
    await expect(store.add(entries(1, 1, TOKEN, 1)[0]!)).rejects.toThrow('storage unavailable');
    expect(await store.add(entries(1, 1, TOKEN, 1)[0]!)).toEqual({ added: true, count: 2 });
  });
});

describe('fair storage', () => {
  it('caps a large diagnosis: claims cut with a marker that says by how much', () => {
    const [big] = entries(1, 1, LARGE_TOKEN);
    expect(jsonBytes(big)).toBeGreaterThan(ENTRY_CAP_BYTES);
    const capped = capEntry(big!);
    expect(jsonBytes(capped)).toBeLessThanOrEqual(ENTRY_CAP_BYTES);
    const token = capped.diagnosis.token;
    expect(token.truncated?.bytes).toBeGreaterThan(50_000);
    expect(String(token.claims?.['https://example.com/profile'])).toMatch(/…\[truncated\]$/);
    // The small claims a reader needs are kept whole.
    expect(token.claims?.['http://rhythmsoftware.com/tenant_id']).toBe('acme.org');
    expect(token.claims?.['iss']).toBe(big!.diagnosis.token.claims?.['iss']);
    expect(token.claims?.['permissions']).toBe(TRUNCATED_MARK); // a large array: marked, not kept
  });

  it('leaves a diagnosis within the cap as it is', () => {
    const [small] = entries(1, 1);
    expect(capEntry(small!)).toBe(small);
  });

  it('one tab’s large tokens never evict another tab’s diagnoses', async () => {
    const area = createMemoryArea();
    // A share of 200 KB: tab A's 100 capped diagnoses (8 KB each) do not fit in it.
    const store = createTabStore(area, { tabShareBytes: 200_000 });
    const tabB = entries(5, 2);
    await Promise.all([
      ...entries(60, 1, LARGE_TOKEN).map((e) => store.add(e)),
      ...tabB.map((e) => store.add(e)),
      ...entries(60, 1, LARGE_TOKEN, 60).map((e) => store.add(e)),
    ]);
    expect(await readIndex(area, 2)).toEqual(tabB.map((e) => e.id));
    expect(await store.count(2)).toBe(5);
    const a = await createTabStore(area).read(1);
    expect(a.length).toBeGreaterThan(1);
    expect(a.length).toBeLessThan(100);
    expect(a[0]!.id).toBe('webRequest:119'); // tab A keeps its newest, within its share
    const bytesA = a.reduce((n, e) => n + jsonBytes(e), 0);
    expect(bytesA).toBeLessThanOrEqual(200_000);
    expect(a.every((e) => (e.diagnosis.token.truncated?.bytes ?? 0) > 0)).toBe(true);
  });
});
