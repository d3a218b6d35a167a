/**
 * Firefox captures what Chrome captures: a 401 counted on the badge and listed in the popup with
 * its root cause, and a 401 on a CORS preflight (which Firefox reports only to onHeadersReceived).
 */
import { describe, expect, it } from 'vitest';
import {
  badgeText,
  listedCauses,
  openApp,
  openExtensionPage,
  openPopup,
  runScenario,
  tabIdOf,
  textOf,
  useFirefox,
} from './helpers.js';

const firefox = useFirefox();

describe('capture in Firefox', () => {
  it('counts a 401 on the badge and lists it in the popup with its root cause', async () => {
    const session = firefox();
    const app = await openApp(session);
    const page = await openExtensionPage(session, 'src/options/index.html');
    const tabId = await tabIdOf(page, app);
    expect(await runScenario(app, 'expired')).toBe(401);
    expect(await runScenario(app, 'no-bearer-prefix')).toBe(401);
    expect(await runScenario(app, 'valid')).toBe(200);
    await expect.poll(() => badgeText(page, tabId)).toBe('2');

    const popup = await openPopup(session, tabId);
    expect(await textOf(popup, '[data-testid="count"]')).toBe('2 401s');
    expect(await listedCauses(popup)).toEqual(['header.scheme', 'token.expiry']);
    await popup.click('li[data-diagnosis="token.expiry"] button');
    await popup.waitForSelector('section.detail[data-selected-diagnosis="token.expiry"]');
    expect(await textOf(popup, '.detail .verdict')).toContain('expired');
    expect(
      await popup.$eval('[data-check-id="token.expiry"]', (el) => el.getAttribute('data-status')),
    ).toBe('fail');
  });

  it('diagnoses a 401 on a CORS preflight as request.preflight, once', async () => {
    const session = firefox();
    const app = await openApp(session);
    const page = await openExtensionPage(session, 'src/options/index.html');
    const tabId = await tabIdOf(page, app);
    // The page's fetch fails: the preflight's 401 is hidden from it, not from the extension.
    expect(await runScenario(app, 'preflight-401')).toBe(0);
    await expect.poll(() => badgeText(page, tabId)).toBe('1');
    // A later 401, counted after it: the preflight was not counted twice in between.
    expect(await runScenario(app, 'expired')).toBe(401);
    await expect.poll(() => badgeText(page, tabId)).toBe('2');

    const popup = await openPopup(session, tabId);
    expect(await listedCauses(popup)).toEqual(['token.expiry', 'request.preflight']);
    await popup.click('li[data-diagnosis="request.preflight"] button');
    await popup.waitForSelector('section.detail');
    expect(await textOf(popup, '.detail__request')).toContain('OPTIONS ');
    const status = (id: string) =>
      popup.$eval(`[data-check-id="${id}"]`, (el) => el.getAttribute('data-status'));
    expect(await status('request.preflight')).toBe('fail');
    for (const id of ['header.name', 'header.present', 'header.scheme'])
      expect(await status(id)).toBe('skip');
  });
});
