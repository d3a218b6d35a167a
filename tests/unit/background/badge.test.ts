import { describe, expect, it, vi } from 'vitest';
import {
  BADGE_COLOR,
  badgeTitle,
  coalescedBadge,
  showCount,
  type ActionApi,
} from '../../../src/background/badge.js';
import { badgeText } from '../../../src/shared/stored.js';
import manifest from '../../../manifest.json' with { type: 'json' };

function fakeAction(failWith?: Error) {
  type Details = { tabId: number; text?: string; color?: string; title?: string };
  const calls: Array<[string, Details]> = [];
  const record =
    (name: string) =>
    async (details: Details): Promise<void> => {
      calls.push([name, details]);
      if (failWith) throw failWith;
    };
  const action: ActionApi = {
    setBadgeText: vi.fn(record('text')),
    setTitle: vi.fn(record('title')),
    setBadgeBackgroundColor: vi.fn(record('background')),
    setBadgeTextColor: vi.fn(record('textColor')),
  };
  return { action, calls };
}

describe('badgeText', () => {
  it.each<[number, string]>([
    [0, ''],
    [-1, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
    [1000, '99+'],
  ])('shows %i as %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('badgeTitle: the tooltip says what the number counts', () => {
  it.each<[number, boolean, string]>([
    [0, false, 'Rhythm Auth: no Rhythm API 401s in this tab'],
    [1, false, 'Rhythm Auth: 1 Rhythm API 401 in this tab'],
    [3, false, 'Rhythm Auth: 3 Rhythm API 401s in this tab'],
    [100, false, 'Rhythm Auth: 100 Rhythm API 401s in this tab'],
    [0, true, 'Rhythm Auth: no Rhythm API 401s or 403s in this tab'],
    [2, true, 'Rhythm Auth: 2 Rhythm API 401s or 403s in this tab'],
  ])('%i (403s counted: %s) → %j', (count, with403, title) => {
    expect(badgeTitle(count, with403)).toBe(title);
  });

  it('is the manifest default for a tab the worker never wrote to', () => {
    expect(manifest.action.default_title).toBe(badgeTitle(0));
  });
});

describe('showCount', () => {
  it('sets the count in white on red on the tab', async () => {
    const { action, calls } = fakeAction();
    await showCount(action, 12, 3);
    expect(calls).toEqual([
      ['text', { tabId: 12, text: '3' }],
      ['title', { tabId: 12, title: 'Rhythm Auth: 3 Rhythm API 401s in this tab' }],
      ['background', { tabId: 12, color: BADGE_COLOR }],
      ['textColor', { tabId: 12, color: '#ffffff' }],
    ]);
    expect(BADGE_COLOR).toBe('#d93025');
  });

  it('shows 99+ above 99', async () => {
    const { action, calls } = fakeAction();
    await showCount(action, 12, 100);
    expect(calls[0]).toEqual(['text', { tabId: 12, text: '99+' }]);
  });

  it('empties the badge for 0 without touching its colours', async () => {
    const { action, calls } = fakeAction();
    await showCount(action, 12, 0);
    expect(calls).toEqual([
      ['text', { tabId: 12, text: '' }],
      ['title', { tabId: 12, title: 'Rhythm Auth: no Rhythm API 401s in this tab' }],
    ]);
  });

  it('works where the browser has no setBadgeTextColor', async () => {
    const { action, calls } = fakeAction();
    delete action.setBadgeTextColor;
    await showCount(action, 12, 1);
    expect(calls.map(([name]) => name)).toEqual(['text', 'title', 'background']);
  });

  it('swallows the error of a tab that closed in the meantime', async () => {
    const { action } = fakeAction(new Error('No tab with id: 12.'));
    await expect(showCount(action, 12, 5)).resolves.toBeUndefined();
  });
});

describe('coalescedBadge', () => {
  it('turns a storm of refreshes into a few updates that end on the exact count', async () => {
    let count = 0;
    const shown: number[] = [];
    let release: () => void = () => {};
    const show = vi.fn(async (_tabId: number, n: number) => {
      shown.push(n);
      await new Promise<void>((resolve) => (release = resolve));
    });
    const refresh = coalescedBadge(show, async () => count);
    for (let i = 0; i < 5000; i++) {
      count++;
      refresh(7);
    }
    await vi.waitFor(() => expect(show).toHaveBeenCalledTimes(1));
    release();
    await vi.waitFor(() => expect(show).toHaveBeenCalledTimes(2));
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(show).toHaveBeenCalledTimes(2);
    expect(shown.at(-1)).toBe(5000);
  });

  it('writes a count the badge already shows only when forced (Chrome reset it)', async () => {
    const show = vi.fn(async () => {});
    const refresh = coalescedBadge(show, async () => 100);
    refresh(3);
    await vi.waitFor(() => expect(show).toHaveBeenCalledTimes(1));
    refresh(3);
    await new Promise((r) => setTimeout(r, 10));
    expect(show).toHaveBeenCalledTimes(1);
    refresh(3, true);
    await vi.waitFor(() => expect(show).toHaveBeenCalledTimes(2));
  });
});
