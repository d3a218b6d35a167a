import { describe, expect, it, vi } from 'vitest';
import { BADGE_COLOR, showCount, type ActionApi } from '../../../src/background/badge.js';
import { badgeText } from '../../../src/shared/stored.js';

function fakeAction(failWith?: Error) {
  const calls: Array<[string, { tabId: number; text?: string; color?: string }]> = [];
  const record =
    (name: string) =>
    async (details: { tabId: number; text?: string; color?: string }): Promise<void> => {
      calls.push([name, details]);
      if (failWith) throw failWith;
    };
  const action: ActionApi = {
    setBadgeText: vi.fn(record('text')),
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

describe('showCount', () => {
  it('sets the count in white on red on the tab', async () => {
    const { action, calls } = fakeAction();
    await showCount(action, 12, 3);
    expect(calls).toEqual([
      ['text', { tabId: 12, text: '3' }],
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
    expect(calls).toEqual([['text', { tabId: 12, text: '' }]]);
  });

  it('works where the browser has no setBadgeTextColor', async () => {
    const { action, calls } = fakeAction();
    delete action.setBadgeTextColor;
    await showCount(action, 12, 1);
    expect(calls.map(([name]) => name)).toEqual(['text', 'background']);
  });

  it('swallows the error of a tab that closed in the meantime', async () => {
    const { action } = fakeAction(new Error('No tab with id: 12.'));
    await expect(showCount(action, 12, 5)).resolves.toBeUndefined();
  });
});
