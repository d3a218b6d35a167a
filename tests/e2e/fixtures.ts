/**
 * End-to-end fixtures: the built extension in Debian's Chromium against the reference Rhythm API
 * (tools/reference-api), following ../shared/notes/chromium-e2e.md. Each test gets a fresh
 * profile; the reference API is shared by the tests of one worker.
 */
import {
  test as base,
  expect,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromiumArgs,
  startReferenceApi,
  type ReferenceApi,
} from '../../tools/reference-api/server.js';

export const EXTENSION_DIR = resolve('dist/extension');
export const APP_URL = 'https://app.rhythmsoftware.com/';

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error('No Chromium: install it (apt-get install chromium) or set CHROME_PATH.');
  return found;
}

export interface ExtensionFixtures {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** A tab on the reference app page, with `window.rhythmDemo` ready. */
  app: Page;
}

export const test = base.extend<ExtensionFixtures, { api: ReferenceApi }>({
  api: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const api = await startReferenceApi();
      await use(api);
      await api.close();
    },
    { scope: 'worker' },
  ],

  context: async ({ api }, use) => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error('dist/extension is missing: run `npm run build` first.');
    }
    const profile = mkdtempSync(join(tmpdir(), 'rhythm-auth-e2e-'));
    const { chromium } = await import('@playwright/test');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      ignoreHTTPSErrors: true,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        ...chromiumArgs(api.port),
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },

  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // The worker is handed out before its top-level code registered the listeners (notes: race).
    await expect
      .poll(() => worker.evaluate(() => chrome.webRequest.onCompleted.hasListeners()), {
        timeout: 10_000,
      })
      .toBe(true);
    await use(worker);
  },

  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },

  app: async ({ context, worker }, use) => {
    void worker; // the worker must be listening before the app sends anything
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(APP_URL);
    await page.waitForFunction(() => 'rhythmDemo' in window);
    await use(page);
  },
});

export { expect };

/** The Chrome tab id of a page, asked of the worker (tabs.query needs no permission for ids). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab found for ${url}`);
  return id;
}

/** Runs a demo scenario in the app page; returns the status its fetch saw (0: network error). */
export function runScenario(app: Page, id: string): Promise<number> {
  return app.evaluate((scenario) => (window as unknown as DemoWindow).rhythmDemo.run(scenario), id);
}

interface DemoWindow {
  rhythmDemo: {
    run(id: string): Promise<number>;
    scenarios: Array<{ id: string; expectedStatus: number }>;
  };
}

export async function scenarios(app: Page): Promise<Array<{ id: string; expectedStatus: number }>> {
  return app.evaluate(() =>
    (window as unknown as DemoWindow).rhythmDemo.scenarios.map((s) => ({ ...s })),
  );
}

/** Opens the popup as a tab for another tab (SPEC §10 `?tabId=`). */
export async function openPopup(
  context: BrowserContext,
  extensionId: string,
  tabId: number,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/popup/index.html?tabId=${tabId}`);
  return page;
}

export function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Stops every service worker through CDP (notes: never evaluate() in a stopped worker). */
export async function stopWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
