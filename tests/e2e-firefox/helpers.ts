/**
 * What the Firefox tests do with a session: the extension's pages opened as tabs (SPEC §10
 * `?tabId=`), the demo app, and state read black-box from an extension page (tabs, badge,
 * storage), as the Chromium suite does (tests/e2e/fixtures.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { launchFirefox, navigate, type FirefoxSession, type LaunchOptions } from './firefox.js';

export const APP_URL = 'https://app.rhythmsoftware.com/';

/**
 * One Firefox for the test file (started before its first test, closed after the last), and
 * after each test: no extension error in Firefox's output.
 */
export function useFirefox(options: LaunchOptions = {}): () => FirefoxSession {
  let session: FirefoxSession | null = null;
  beforeAll(async () => {
    session = await launchFirefox(options);
    await backgroundReady(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  let reported = 0;
  afterEach(() => {
    // Only what this test made Firefox print: an earlier failure is not reported twice.
    const errors = session?.errors() ?? [];
    const fresh = errors.slice(reported);
    reported = errors.length;
    expect(fresh).toEqual([]);
  });
  return () => {
    if (!session) throw new Error('Firefox is not running');
    return session;
  };
}

/** A new tab on an extension page (`src/popup/index.html?tabId=3`), loaded. */
export async function openExtensionPage(session: FirefoxSession, path: string): Promise<Page> {
  const page = await session.browser.newPage();
  await navigate(page, `${session.origin}${path}`);
  return page;
}

/**
 * Waits until the background script answers a message. Its listeners are added at its top
 * level before `runtime.onMessage`'s, so an answer means the webRequest listeners are there.
 */
async function backgroundReady(session: FirefoxSession): Promise<void> {
  const page = await openExtensionPage(session, 'src/options/index.html');
  // vi.waitFor, not expect.poll: this runs in beforeAll, outside any test.
  await vi.waitFor(
    async () => {
      const answered = await page.evaluate(() =>
        chrome.runtime.sendMessage({ probe: true }).then(
          (reply: unknown) => reply !== undefined,
          () => false,
        ),
      );
      if (!answered)
        throw new Error(
          `The background script does not answer. Firefox printed: ${JSON.stringify(session.errors())}`,
        );
    },
    { timeout: 10_000, interval: 100 },
  );
  await page.close();
}

let appTabs = 0;

/**
 * A new tab on the reference app page, with `window.rhythmDemo` ready. Each one has its own URL
 * (`?tab=<n>`), so tabIdOf tells the tabs of one Firefox apart.
 */
export async function openApp(session: FirefoxSession): Promise<Page> {
  const page = await session.browser.newPage();
  appTabs += 1;
  await page.goto(`${APP_URL}?tab=${appTabs}`);
  // page.evaluate, polled: waitForFunction builds its predicate with Function(), which the demo
  // page's CSP blocks in Firefox ESR 140 (153 lets BiDi's own scripts through).
  await vi.waitFor(
    async () => {
      if (!(await page.evaluate(() => 'rhythmDemo' in window)))
        throw new Error('no rhythmDemo yet');
    },
    { timeout: 10_000, interval: 50 },
  );
  return page;
}

interface DemoWindow {
  rhythmDemo: { run(id: string): Promise<number> };
}

/** Runs a demo scenario in the app page; the status its fetch saw (0: network error). */
export function runScenario(app: Page, id: string): Promise<number> {
  return app.evaluate((s) => (window as unknown as DemoWindow).rhythmDemo.run(s), id);
}

/** A `fetch` from the page; the status it saw (0: network or CORS error). */
export function fetchFrom(page: Page, url: string, headers: Record<string, string> = {}) {
  return page.evaluate(
    (u, h) =>
      fetch(u, { headers: h, cache: 'no-store' }).then(
        (r) => r.status,
        () => 0,
      ),
    url,
    headers,
  );
}

/**
 * The tab id of `page`, asked from an extension page. `tabs.query` shows a tab's url only where
 * the add-on has host access; without it (`{ unreadable: true }`), the newest tab without a url
 * is taken: tab ids only grow, so that is the page opened last.
 */
export async function tabIdOf(
  extensionPage: Page,
  page: Page,
  options: { unreadable?: boolean } = {},
): Promise<number> {
  const url = page.url();
  const tabs = await extensionPage.evaluate(async () =>
    (await chrome.tabs.query({})).map((t) => ({ id: t.id ?? -1, url: t.url })),
  );
  const found = options.unreadable
    ? tabs.filter((t) => t.url === undefined).sort((a, b) => b.id - a.id)
    : tabs.filter((t) => t.url === url);
  if (!found[0] || (!options.unreadable && found.length > 1))
    throw new Error(`No single tab for ${url} in ${JSON.stringify(tabs)}`);
  return found[0].id;
}

/** The tab's badge text, read from an extension page. */
export function badgeText(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Everything in a storage area, read from an extension page. */
export function storageItems(
  extensionPage: Page,
  area: 'session' | 'local' | 'sync',
): Promise<Record<string, unknown>> {
  return extensionPage.evaluate((name) => chrome.storage[name].get(null), area);
}

/** The popup for a tab, opened as a tab and loaded. */
export async function openPopup(session: FirefoxSession, tabId: number): Promise<Page> {
  const page = await openExtensionPage(session, `src/popup/index.html?tabId=${tabId}`);
  await page.waitForSelector('main.popup:not([aria-busy])');
  return page;
}

/** The panel page for a tab (SPEC §10 test mode), connected. */
export async function openPanel(session: FirefoxSession, tabId: number): Promise<Page> {
  const page = await openExtensionPage(session, `src/panel/index.html?tabId=${tabId}`);
  await page.waitForSelector('.connection--live');
  return page;
}

/** The popup's rows, newest first: each one's root cause id. */
export function listedCauses(popup: Page): Promise<string[]> {
  return popup.$$eval('ol.list > li[data-diagnosis]', (rows) =>
    rows.map((r) => r.getAttribute('data-diagnosis') ?? ''),
  );
}

/** The panel list's rows, newest first: each one's root cause id. */
export function panelCauses(panel: Page): Promise<string[]> {
  return panel.$$eval('[role="listbox"] > [role="option"]', (rows) =>
    rows.map((r) => r.getAttribute('data-diagnosis') ?? ''),
  );
}

/** The text of the first element matching `selector`, or null. */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.$eval(selector, (el) => el.textContent).catch(() => null);
}

/** Clicks (a real click: a user gesture) the `selector` element whose trimmed text is `text`. */
export async function clickText(page: Page, selector: string, text: string): Promise<void> {
  const handles = await page.$$(selector);
  for (const handle of handles) {
    if ((await handle.evaluate((el) => el.textContent?.trim())) === text) {
      await handle.click();
      return;
    }
  }
  throw new Error(`No ${selector} with the text ${JSON.stringify(text)}`);
}

/** Clicks the button labelled `text`. */
export function clickButton(page: Page, text: string): Promise<void> {
  return clickText(page, 'button', text);
}

/**
 * Types a value into a field as one input event. Puppeteer's Locator.fill times out in Firefox ESR
 * 140 (its checks run through Function(), which the page's CSP refuses), so the value is set from
 * the page, as a paste would.
 */
export async function fillIn(page: Page, selector: string, value: string): Promise<void> {
  const field = await page.waitForSelector(selector);
  if (!field) throw new Error(`no ${selector}`);
  await field.evaluate((node, text) => {
    const input = node as HTMLInputElement | HTMLTextAreaElement;
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}
