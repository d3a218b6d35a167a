import { describe, expect, it } from 'vitest';
import {
  browserFamily,
  browserWords,
  currentBrowserName,
  loadBrowserInfo,
  type RuntimeInfo,
} from '../../../src/shared/browser-name.js';

const firefoxRuntime: RuntimeInfo = {
  getBrowserInfo: async () => ({ name: 'Firefox', version: '153.0' }),
};
const CHROME_BRANDS = [
  { brand: 'Not_A Brand', version: '24' },
  { brand: 'Google Chrome', version: '131' },
  { brand: 'Chromium', version: '131' },
];

describe('the browser named in wording', () => {
  it.each<[string, RuntimeInfo | undefined, typeof CHROME_BRANDS | undefined, string, string]>([
    [
      'Firefox (it has runtime.getBrowserInfo)',
      firefoxRuntime,
      undefined,
      'Firefox',
      'about:addons',
    ],
    ['Google Chrome', {}, CHROME_BRANDS, 'Google Chrome', 'chrome://extensions'],
    [
      'Chromium',
      undefined,
      [{ brand: 'Chromium', version: '156' }],
      'Chromium',
      'chrome://extensions',
    ],
    ['a Chromium browser without brands', undefined, undefined, 'Chrome', 'chrome://extensions'],
  ])('is %s', (_, runtime, brands, name, setting) => {
    const words = browserWords(runtime, brands);
    expect(words.name).toBe(name);
    expect(words.siteAccessSetting).toContain(setting);
  });

  it('tells Firefox by the feature, not by a user agent or a brand that says Firefox', () => {
    expect(browserFamily(firefoxRuntime)).toBe('firefox');
    expect(browserFamily({ getBrowserInfo: 'not a function' } as unknown as RuntimeInfo)).toBe(
      'chromium',
    );
    expect(browserWords({}, [{ brand: 'Firefox', version: '1' }]).family).toBe('chromium');
  });
});

describe('the browser named in reports', () => {
  it('is Firefox with its version once getBrowserInfo has answered', async () => {
    await loadBrowserInfo(firefoxRuntime);
    expect(currentBrowserName()).toBe('Firefox 153.0');
  });
});
