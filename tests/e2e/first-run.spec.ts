/**
 * The first-run page (issue 16): opened by the install itself, once; where the panel and the
 * badge are, in the browser it runs in; the shortcut the browser really assigned; light and dark;
 * keyboard only; and reachable again from the popup.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openPopup, runScenario, tabIdOf, test } from './fixtures.js';

const WELCOME = '/src/welcome/index.html';

const welcomeTabs = (context: BrowserContext, extensionId: string) =>
  context.pages().filter((p) => p.url() === `chrome-extension://${extensionId}${WELCOME}`);

async function openWelcome(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}${WELCOME}`);
  await expect(page.locator(':root[data-browser]')).toHaveCount(1);
  return page;
}

test('installing the extension opens the first-run page, once', async ({
  context,
  extensionId,
}) => {
  await expect.poll(() => welcomeTabs(context, extensionId).length).toBe(1);
  const page = welcomeTabs(context, extensionId)[0]!;
  await expect(page).toHaveTitle('Getting started with Rhythm Auth');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rhythm Auth is installed');
});

test('it says where the panel and the badge are, in the browser it runs in', async ({
  context,
  extensionId,
}) => {
  const page = await openWelcome(context, extensionId);
  // Named as src/shared/browser-name.ts names it: a real brand of this Chromium, not a fallback.
  const brands = await page.evaluate(() =>
    (
      navigator as unknown as { userAgentData: { brands: Array<{ brand: string }> } }
    ).userAgentData.brands.map((b) => b.brand),
  );
  const name = (await page.locator('h1 [data-browser-name]').textContent()) ?? '';
  expect(brands).toContain(name);
  await expect(page.locator(':root')).toHaveAttribute('data-browser', 'chromium');

  const panel = page.locator('#panel');
  await expect(panel).toContainText('Rhythm Auth');
  await expect(panel).toContainText('» overflow');
  await expect(panel).toContainText('F12');
  // Chromium's pinning step shows, Firefox's does not.
  await expect(page.locator('#badge [data-only="chromium"]')).toBeVisible();
  await expect(page.locator('#badge [data-only="chromium"]')).toContainText('puzzle-piece');
  await expect(page.locator('#badge [data-only="firefox"]')).toBeHidden();
  await expect(page.locator('#count')).toContainText(
    '401s from the Rhythm APIs in the current tab',
  );
  await expect(page.locator('#cli')).toContainText('npx rhythm-auth diagnose');
  // The shortcut the browser assigned (commands.getAll), as keys: Chromium 156 refuses to give
  // an extension one of its own (Alt+Shift+R was one), and then there is none.
  await expect(page.locator('#shortcut [data-shortcut] kbd')).toHaveText(['Alt', 'Shift', 'U']);

  // The real screenshot, loaded, with words for those who cannot see it.
  const shot = page.locator('figure.shot img');
  await expect(shot).toHaveAttribute('alt', /badge.*DevTools.*Rhythm Auth/);
  await expect
    .poll(() => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(500);
});

test('light and dark follow the browser', async ({ context, extensionId }) => {
  const page = await openWelcome(context, extensionId);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(30, 31, 34)');
  await expect(page.locator('body')).toHaveCSS('color', 'rgb(230, 232, 235)');
});

test('keyboard only: Tab reaches its buttons, Enter on Settings opens the Options page', async ({
  context,
  extensionId,
}) => {
  const page = await openWelcome(context, extensionId);
  const seen: string[] = [];
  for (let i = 0; i < 6 && !seen.includes('Settings'); i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
      }),
    );
  }
  // The CLI examples scroll sideways: reachable too, to scroll them with the arrow keys.
  expect(seen).toEqual(['Change it', 'CLI examples', 'Settings']);
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
  const options = context.waitForEvent('page');
  await page.keyboard.press('Enter');
  await expect((await options).locator('h1')).toHaveText('Rhythm Auth settings');
});

test('the popup opens it again: Getting started', async ({ app, worker, context, extensionId }) => {
  await expect.poll(() => welcomeTabs(context, extensionId).length).toBe(1);
  await welcomeTabs(context, extensionId)[0]!.close();
  await runScenario(app, 'expired');
  const popup = await openPopup(context, extensionId, await tabIdOf(worker, app));
  const opened = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Getting started' }).click();
  const page = await opened;
  await expect(page).toHaveURL(`chrome-extension://${extensionId}${WELCOME}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rhythm Auth is installed');
});

test('the badge’s tooltip says what its number counts', async ({ app, worker }) => {
  const tabId = await tabIdOf(worker, app);
  const title = () => worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
  await expect.poll(title).toBe('Rhythm Auth: no Rhythm API 401s in this tab');
  for (const id of ['expired', 'wrong-audience', 'no-authorization']) await runScenario(app, id);
  await expect.poll(title).toBe('Rhythm Auth: 3 Rhythm API 401s in this tab');
});
