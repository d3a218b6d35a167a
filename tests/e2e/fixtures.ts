/**
 * End-to-end fixtures: the built extension in Debian's Chromium against the reference Rhythm API
 * (tools/reference-api), following ../shared/notes/chromium-e2e.md. Each test gets a fresh
 * profile; the reference API and the other hosts (other-hosts.ts) are shared by the tests of one
 * worker. State is read black-box: badge, popup (`?tabId=`), storage from an extension page;
 * worker-debugger.ts looks inside the running worker where nothing else can.
 */
import {
  test as base,
  expect,
  type BrowserContext,
  type CDPSession,
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
import { startOtherHosts, type OtherHosts } from './other-hosts.js';

/** The built extension; `RHYTHM_EXTENSION_DIR` points the suite at another build. */
export const EXTENSION_DIR = resolve(process.env.RHYTHM_EXTENSION_DIR ?? 'dist/extension');
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

const HOST_RULES = '--host-resolver-rules=';

/** The reference API's Chromium flags, with the other hosts' rules first (first match wins). */
function hostArgs(api: ReferenceApi, otherHosts: OtherHosts): string[] {
  return chromiumArgs(api.port).map((arg) =>
    arg.startsWith(HOST_RULES)
      ? `${HOST_RULES}${otherHosts.rules},${arg.slice(HOST_RULES.length)}`
      : arg,
  );
}

/**
 * Chromium with the built extension, the Rhythm hosts mapped to the reference API, a throwaway
 * profile (the caller removes it after closing the context), plus `extraArgs`.
 */
export async function launchExtension(
  api: ReferenceApi,
  otherHosts: OtherHosts,
  extraArgs: string[] = [],
  /** Headed on this X display (an Xvfb of the test's own), for a screenshot with the toolbar. */
  display?: string,
): Promise<{ context: BrowserContext; profile: string }> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${EXTENSION_DIR} has no manifest.json: run "npm run build" first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'rhythm-auth-e2e-'));
  const { chromium } = await import('@playwright/test');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: display === undefined,
    ...(display === undefined ? {} : { env: { ...process.env, DISPLAY: display }, viewport: null }),
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...hostArgs(api, otherHosts),
      ...extraArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { context, profile };
}

export const test = base.extend<ExtensionFixtures, { api: ReferenceApi; otherHosts: OtherHosts }>({
  api: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const api = await startReferenceApi();
      await use(api);
      await api.close();
    },
    { scope: 'worker' },
  ],

  otherHosts: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const hosts = await startOtherHosts();
      await use(hosts);
      await hosts.close();
    },
    { scope: 'worker' },
  ],

  context: async ({ api, otherHosts }, use) => {
    const { context, profile } = await launchExtension(api, otherHosts);
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

/** The same browser with DevTools opened for every tab, and a browser-level CDP session. */
export const devtoolsTest = test.extend<{ cdp: CDPSession }>({
  context: async ({ api, otherHosts }, use) => {
    const { context, profile } = await launchExtension(api, otherHosts, [
      '--auto-open-devtools-for-tabs',
    ]);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  cdp: async ({ context }, use) => {
    const browser = context.browser();
    if (!browser) throw new Error('No browser handle for a browser CDP session');
    const cdp = await browser.newBrowserCDPSession();
    await use(cdp);
    await cdp.detach();
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

interface DemoWindow {
  rhythmDemo: {
    run(id: string): Promise<number>;
    scenarios: Array<{ id: string; expectedStatus: number }>;
  };
}

/** Runs a demo scenario in the app page; returns the status its fetch saw (0: network error). */
export function runScenario(app: Page, id: string): Promise<number> {
  return app.evaluate((scenario) => (window as unknown as DemoWindow).rhythmDemo.run(scenario), id);
}

export async function scenarios(app: Page): Promise<Array<{ id: string; expectedStatus: number }>> {
  return app.evaluate(() =>
    (window as unknown as DemoWindow).rhythmDemo.scenarios.map((s) => ({ ...s })),
  );
}

/** A `fetch` from the page; resolves with the status it saw (0: network or CORS error). */
export function fetchFrom(
  page: Page,
  url: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return page.evaluate(
    ([u, h]) =>
      fetch(u, { headers: h, cache: 'no-store' }).then(
        (r) => r.status,
        () => 0,
      ),
    [url, headers] as const,
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
  await page.locator('main.popup:not([aria-busy])').waitFor();
  return page;
}

/** The popup's rows, newest first: each one's root cause id (`none` when no check failed). */
export function listedCauses(popup: Page): Promise<string[]> {
  return popup
    .locator('ol.list > li[data-diagnosis]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-diagnosis') ?? ''));
}

/**
 * The tab's badge text, read from the worker or from any extension page (the popup tab): use a
 * page while the worker may be stopped (notes: never evaluate() in a stopped worker).
 */
export function badgeText(from: Worker | Page, tabId: number): Promise<string> {
  const read = (id: number) => chrome.action.getBadgeText({ tabId: id });
  return 'mainFrame' in from ? from.evaluate(read, tabId) : from.evaluate(read, tabId);
}

/** Everything in a storage area, read from an extension page. */
export function storageItems(
  extensionPage: Page,
  area: 'session' | 'local' | 'sync',
): Promise<Record<string, unknown>> {
  return extensionPage.evaluate((name) => chrome.storage[name].get(null), area);
}

/** The `storage.session` keys kept for one tab (SPEC §7 layout: `tab:`, `d:<tab>:`, `ok:`). */
export async function sessionKeysOfTab(extensionPage: Page, tabId: number): Promise<string[]> {
  const items = await storageItems(extensionPage, 'session');
  return Object.keys(items)
    .filter((k) => k === `tab:${tabId}` || k === `ok:${tabId}` || k.startsWith(`d:${tabId}:`))
    .sort();
}

/**
 * Stops every service worker through CDP and waits until CDP reports them all stopped (notes:
 * never evaluate() in a stopped worker; take the handle of the restarted one from
 * `context.waitForEvent('serviceworker')`).
 */
export async function stopWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const status = new Map<string, string>();
  let stopping = false;
  let onStopped = () => {};
  const stopped = new Promise<void>((resolve) => (onStopped = resolve));
  const check = () => {
    if (stopping && [...status.values()].every((s) => s === 'stopped')) onStopped();
  };
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.runningStatus);
    check();
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  stopping = true;
  check();
  await stopped;
  await cdp.detach();
}

/**
 * Grants the extension a host permission the way a user can in chrome://extensions (site access),
 * so the extension's own `permissions.request` for it then resolves `true` at once. Headless
 * Chromium can't answer the permission prompt (it waits forever; Playwright does not drive it), so
 * the active-check tests grant first and then click as a user would. A test that grants nothing
 * and clicks without a user gesture (`dispatchEvent`) gets Chrome's refusal instead.
 */
export async function grantHostPermission(
  context: BrowserContext,
  extensionId: string,
  pattern: string,
): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    ([id, p]) =>
      (
        chrome as unknown as {
          developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
        }
      ).developerPrivate.addHostPermission(id, p),
    [extensionId, pattern] as const,
  );
  await page.close();
}

/**
 * What chrome://extensions does when the user changes an extension's configuration there:
 * "Site access" (`hostAccess`), "Pin to toolbar" (`pinnedToToolbar`), through developerPrivate.
 */
export async function configureExtension(
  context: BrowserContext,
  extensionId: string,
  update: {
    hostAccess?: 'ON_CLICK' | 'ON_SPECIFIC_SITES' | 'ON_ALL_SITES';
    pinnedToToolbar?: boolean;
  },
): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    ([id, u]) =>
      (
        chrome as unknown as {
          developerPrivate: {
            updateExtensionConfiguration(update: { extensionId: string }): Promise<void>;
          };
        }
      ).developerPrivate.updateExtensionConfiguration({ extensionId: id, ...u }),
    [extensionId, update] as const,
  );
  await page.close();
}

/** The Options page opened as a tab, loaded. */
export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await page.locator('main.options[aria-busy="false"]').waitFor();
  return page;
}

/** The issuer of the reference API's demo tenant, and the host permission its JWKS needs. */
export const ISSUER_ORIGIN = 'https://acme-org.us.auth0.com';
export const ISSUER_PATTERN = `${ISSUER_ORIGIN}/*`;

/**
 * Opens an active check's dialog from the selected diagnosis in the panel (button text as shown,
 * e.g. `Verify signature…`), and returns it.
 */
export async function openActiveCheck(panel: Page, button: string) {
  await panel.getByTestId('active-checks').getByRole('button', { name: button }).click();
  const dialog = panel.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/**
 * Clicks an element the way a script would, with no user gesture: Chrome then refuses
 * `permissions.request` ("must be called during a user gesture"), which is how a test sees the
 * extension handle a permission that was not granted. Playwright's own clicks and evaluations
 * leave the page with a transient user activation (seconds long), so this first consumes it
 * (`window.open` does, like a popup blocker) and clicks in the same CDP evaluation.
 */
export async function clickWithoutUserGesture(page: Page, selector: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = (await cdp.send('Runtime.evaluate', {
    userGesture: false,
    returnByValue: true,
    expression: `(() => {
      window.open('about:blank')?.close();
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el) return 'missing';
      el.click();
      return navigator.userActivation.isActive ? 'activated' : 'ok';
    })()`,
  })) as { result: { value: string } };
  await cdp.detach();
  if (result.value !== 'ok')
    throw new Error(`clickWithoutUserGesture(${selector}): ${result.value}`);
}

/**
 * Where a screenshot spec writes `name`: docs/ with RHYTHM_SCREENSHOTS=1 (the pictures the README
 * shows), else test-results/screenshots/, so that every run takes them and checks what they show
 * without changing the checkout's docs.
 */
export function shotPath(name: string): string {
  const dir = process.env.RHYTHM_SCREENSHOTS === '1' ? 'docs' : 'test-results/screenshots';
  return resolve(dir, name);
}
