import { describe, expect, it } from 'vitest';
import { createTabStore } from '../../../src/shared/tab-store.js';
import { storedEntry } from './fixtures.js';
import { createMemoryArea } from './memory-area.js';

describe('createTabStore.update (an active check’s result written back)', () => {
  it('replaces a kept diagnosis, and refuses one no longer kept', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area, { keep: () => 1 });
    const first = storedEntry({ id: 'webRequest:1' });
    await store.add(first);
    const changed = { ...first, responseBody: 'changed' };
    expect(await store.update(changed)).toBe(true);
    expect(await createTabStore(area).entry(1, 'webRequest:1')).toEqual(changed);

    await store.add(storedEntry({ id: 'webRequest:2' })); // evicts the first (keep 1)
    expect(await store.update(changed)).toBe(false);
    expect(await createTabStore(area).entry(1, 'webRequest:1')).toBeNull();
  });

  it('refuses after a Clear, so a late result never brings a diagnosis back', async () => {
    const area = createMemoryArea();
    const store = createTabStore(area);
    const entry = storedEntry({ id: 'webRequest:1' });
    await store.add(entry);
    const late = store.update({ ...entry, responseBody: 'late' });
    await store.clear(1);
    // The update was queued before the Clear: it lands first, then the Clear removes it.
    expect(await late).toBe(true);
    expect(area.keys()).toEqual([]);
    expect(await store.update(entry)).toBe(false);
    expect(area.keys()).toEqual([]);
  });
});
