import { describe, expect, it, vi } from 'vitest';

// `?tabId=` is read by src/shared/client.ts, which loads the polyfill (extension pages only).
vi.mock('webextension-polyfill', () => ({ default: {} }));
import { browserName, resolveTabId, resolveTheme } from '../../../src/panel/environment.js';

const devtools = (tabId: number) => ({ inspectedWindow: { tabId }, panels: {} });

describe('where the panel runs', () => {
  it('shows the inspected tab in DevTools, and ?tabId= when opened as a tab', () => {
    expect(resolveTabId('', devtools(12))).toBe(12);
    expect(resolveTabId('?tabId=5', null)).toBe(5);
    expect(resolveTabId('?tabId=5', devtools(12))).toBe(5);
    expect(resolveTabId('', null)).toBeNull();
    expect(resolveTabId('?tabId=abc', null)).toBeNull();
  });

  it.each([
    ['', 'dark', 'dark'],
    ['', 'default', 'light'],
    ['', undefined, null],
    ['?theme=dark', undefined, 'dark'],
    ['?theme=light', 'dark', 'light'],
    ['?theme=purple', undefined, null],
  ] as const)('resolves search %j with DevTools theme %j to %j', (search, themeName, expected) => {
    expect(resolveTheme(search, themeName)).toBe(expected);
  });
});

describe('the browser named in reports', () => {
  it.each([
    [
      [
        { brand: 'Not:A-Brand', version: '8' },
        { brand: 'Chromium', version: '156' },
      ],
      'Chromium 156',
    ],
    [
      [
        { brand: 'Google Chrome', version: '131' },
        { brand: 'Chromium', version: '131' },
        { brand: 'Not_A Brand', version: '24' },
      ],
      'Google Chrome 131',
    ],
    [undefined, 'Mozilla/5.0 (X11)'],
  ])('names %j as %s', (brands, name) => {
    expect(browserName(brands, 'Mozilla/5.0 (X11)')).toBe(name);
  });
});
