/**
 * The first-run page in Firefox: the install opens it, once, and it gives Firefox's own steps
 * (the Extensions button, not Chrome's puzzle icon) and the shortcut Firefox assigned.
 */
import { describe, expect, it } from 'vitest';
import { openExtensionPage, textOf, useFirefox } from './helpers.js';

const firefox = useFirefox();
const WELCOME = 'src/welcome/index.html';

describe('the first-run page in Firefox', () => {
  it('opens on install, once', async () => {
    const session = firefox();
    const page = await openExtensionPage(session, 'src/options/index.html');
    // Asked of the extension: its own pages' URLs are shown to it.
    const welcome = () =>
      page.evaluate(
        async (url) => (await chrome.tabs.query({})).filter((t) => t.url === url).length,
        `${session.origin}${WELCOME}`,
      );
    await expect.poll(welcome).toBe(1);
  });

  it('names Firefox and gives its steps and its shortcut', async () => {
    const session = firefox();
    const page = await openExtensionPage(session, WELCOME);
    await page.waitForSelector(':root[data-browser="firefox"]');
    expect(await textOf(page, 'h1')).toBe('Rhythm Auth is installed in Firefox');
    const shown = (selector: string) =>
      page.$eval(selector, (el) => getComputedStyle(el).display !== 'none');
    expect(await shown('#badge [data-only="firefox"]')).toBe(true);
    expect(await shown('#badge [data-only="chromium"]')).toBe(false);
    expect(await textOf(page, '#badge [data-only="firefox"]')).toContain('Pin to Toolbar');
    await expect
      .poll(() =>
        page.$$eval('#shortcut [data-shortcut] kbd', (keys) => keys.map((k) => k.textContent)),
      )
      .toEqual(['Alt', 'Shift', 'U']);
    const loaded = await page.$eval('figure.shot img', (img) =>
      (img as HTMLImageElement).decode().then(() => (img as HTMLImageElement).naturalWidth),
    );
    expect(loaded).toBeGreaterThan(500);
  });
});
