/**
 * Site access turned off in Chromium (SPEC §11): the user picks "On click" in the extension's
 * site access menu, and Chromium withholds the Rhythm host permission, hiding every Rhythm
 * request from the worker. The popup and the panel say so; the button asks again; when the user
 * turns access back on (the same menu, "On all sites") both follow live (permissions.onAdded).
 *
 * Headless Chromium cannot answer the permission prompt (fixtures.ts: grantHostPermission), so
 * the click is made without a user gesture, and Chromium's refusal is what the test sees; the
 * grant comes from chrome://extensions, as a user gives it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import {
  badgeText,
  clickWithoutUserGesture,
  configureExtension,
  expect,
  listedCauses,
  openPopup,
  runScenario,
  tabIdOf,
  test,
} from './fixtures.js';
import { openPanel } from './panel-helpers.js';

type HostAccess = 'ON_CLICK' | 'ON_SPECIFIC_SITES' | 'ON_ALL_SITES';

/** What chrome://extensions does when the user changes "Site access". */
const setHostAccess = (context: BrowserContext, extensionId: string, hostAccess: HostAccess) =>
  configureExtension(context, extensionId, { hostAccess });

const banner = (page: Page) => page.getByTestId('rhythm-access');
const ALLOW = 'Allow access to the Rhythm sites';

test('site access turned off: popup and panel say so, ask again, and follow when it is back on', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const tabId = await tabIdOf(worker, app);
  await setHostAccess(context, extensionId, 'ON_CLICK');
  // Hidden from the worker now: never diagnosed.
  expect(await runScenario(app, 'expired')).toBe(401);

  const popup = await openPopup(context, extensionId, tabId);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(banner(popup)).toContainText('Rhythm Auth cannot see the Rhythm APIs.');
  await expect(banner(popup)).toContainText('so Chromium hides their requests from it');
  await expect(banner(panel)).toContainText('Rhythm Auth cannot see the Rhythm APIs.');
  await expect(popup.locator('.empty')).toHaveCount(0);

  // The button asks Chromium; without a user gesture Chromium refuses, and the page says where
  // to turn the access on instead.
  await clickWithoutUserGesture(popup, '[data-testid="rhythm-access"] button');
  await expect(popup.getByTestId('rhythm-access-refused')).toContainText(
    'Not granted (Chromium said:',
  );
  await expect(popup.getByTestId('rhythm-access-refused')).toContainText(
    'chrome://extensions → Rhythm Auth → Details → Site access',
  );
  await expect(popup.getByRole('button', { name: ALLOW })).toBeVisible();

  await setHostAccess(context, extensionId, 'ON_ALL_SITES');
  await expect(banner(popup)).toHaveCount(0);
  await expect(banner(panel)).toHaveCount(0);
  expect(await runScenario(app, 'no-bearer-prefix')).toBe(401);
  await expect.poll(() => badgeText(worker, tabId)).toBe('1');
  await expect.poll(() => listedCauses(popup)).toEqual(['header.scheme']);
});
