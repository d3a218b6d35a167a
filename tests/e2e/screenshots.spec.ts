/**
 * Screenshots of the popup with real diagnoses, light and dark, for docs/. Writes the files only
 * when asked: `RHYTHM_SCREENSHOTS=1 npx playwright test screenshots`.
 */
import { resolve } from 'node:path';
import { badgeText, expect, openPopup, runScenario, tabIdOf, test } from './fixtures.js';

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
  test.skip(process.env.RHYTHM_SCREENSHOTS !== '1', 'set RHYTHM_SCREENSHOTS=1 to write docs/*.png');
  for (const id of SHOWN) await runScenario(app, id);
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe(String(SHOWN.length));

  const popup = await openPopup(context, extensionId, tabId);
  // Chrome's popups are at most 600 px high; the popup caps itself at 580 and scrolls its list.
  await popup.setViewportSize({ width: 440, height: 600 });
  await expect(popup.locator('li[data-diagnosis]')).toHaveCount(SHOWN.length);
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.screenshot({ path: resolve('docs/popup-light.png') });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await expect(popup.locator('body')).toHaveCSS('background-color', 'rgb(30, 31, 34)');
  await popup.screenshot({ path: resolve('docs/popup-dark.png') });
});
