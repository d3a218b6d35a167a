import { describe, expect, it } from 'vitest';
import { createMemoryArea } from './memory-area.js';

describe('createMemoryArea (the chrome.storage.session stand-in)', () => {
  it('answers get(null) with everything, get(key) and get(keys) with only the stored ones', async () => {
    const area = createMemoryArea({ a: 1, b: { c: 2 } });
    expect(await area.get(null)).toEqual({ a: 1, b: { c: 2 } });
    expect(await area.get('a')).toEqual({ a: 1 });
    expect(await area.get(['b', 'missing'])).toEqual({ b: { c: 2 } });
    expect('missing' in (await area.get('missing'))).toBe(false);
  });

  it('hands out copies, so mutating a read or a written object does not change the store', async () => {
    const written = { ids: ['x'] };
    const area = createMemoryArea();
    await area.set({ k: written });
    written.ids.push('changed after set');
    const read = (await area.get('k')).k as { ids: string[] };
    read.ids.push('changed after get');
    expect(area.snapshot()).toEqual({ k: { ids: ['x'] } });
  });

  it('removes one key or several, ignoring missing ones', async () => {
    const area = createMemoryArea({ a: 1, b: 2, c: 3 });
    await area.remove('a');
    await area.remove(['b', 'nope']);
    expect(area.keys()).toEqual(['c']);
  });

  it('is asynchronous: a get resolves on a later turn', async () => {
    const area = createMemoryArea({ a: 1 });
    let resolved = false;
    const pending = area.get('a').then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    await pending;
    expect(resolved).toBe(true);
  });
});
