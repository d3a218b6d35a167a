/**
 * Screenshots of the popup with real diagnoses, light and dark, for docs/. Writes the files only
 * to docs/ when asked (`RHYTHM_SCREENSHOTS=1 npx playwright test screenshots`), else to
 * test-results/screenshots/: the spec runs every time.
 */
import { badgeText, expect, openPopup, runScenario, shotPath, tabIdOf, test } from './fixtures.js';

const SHOWN = [
  'preflight-401',
  'wrong-tenant',
  'wrong-module-host',
  'never-logged-in',
  'expired',
  'wrong-audience',
  'id-token',
  'no-audience',
  'bearer-bearer',
  'no-authorization',
];

test('the popup with real diagnoses, in light and dark', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  for (const id of SHOWN) await runScenario(app, id);
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe(String(SHOWN.length));

  const popup = await openPopup(context, extensionId, tabId);
  // Chrome's popups are at most 600 px high; the popup caps itself at 580 and scrolls its list.
  await popup.setViewportSize({ width: 440, height: 600 });
  await expect(popup.locator('li[data-diagnosis]')).toHaveCount(SHOWN.length);
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.screenshot({ path: shotPath('popup-light.png') });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await expect(popup.locator('body')).toHaveCSS('background-color', 'rgb(30, 31, 34)');
  await popup.screenshot({ path: shotPath('popup-dark.png') });
});
