/**
 * The built `dist/firefox` in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi
 * (../shared/notes/firefox-e2e.md), against the reference Rhythm API. The Rhythm and Auth0 hosts
 * reach it through a CONNECT proxy on an ephemeral port (tools/reference-api/connect-proxy.ts).
 * Firefox's own output is watched: an uncaught error of the extension
 * (`JavaScript error: moz-extension://…`) or a listener it could not add is collected in
 * `errors()`, which every test file asserts empty.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  firefoxProxyPrefs,
  startConnectProxy,
  type ConnectProxy,
} from '../../tools/reference-api/connect-proxy.js';
import { startReferenceApi, type ReferenceApi } from '../../tools/reference-api/server.js';

/** The Firefox build; `RHYTHM_FIREFOX_DIR` points the suite at another one. */
export const FIREFOX_EXTENSION_DIR = resolve(process.env.RHYTHM_FIREFOX_DIR ?? 'dist/firefox');
/** The gecko id of the build (vite.config.ts). */
export const GECKO_ID = 'rhythm-auth@rhythm-auth.dev';

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error('No Firefox: install it (apt-get install firefox-esr) or set FIREFOX_PATH.');
  return found;
}

/** Lines of Firefox's output that mean the extension broke (notes: the stderr noise is other). */
export function isExtensionError(line: string): boolean {
  return (
    /JavaScript error: moz-extension:\/\//.test(line) || line.includes('Rhythm Auth: could not')
  );
}

export interface FirefoxSession {
  browser: Browser;
  api: ReferenceApi;
  proxy: ConnectProxy;
  /** `moz-extension://<uuid>/`: pinned by a pref, so known before the install. */
  origin: string;
  /** Where Firefox saves downloads (removed by close). */
  downloads: string;
  /** Extension errors Firefox printed so far. */
  errors: () => string[];
  close: () => Promise<void>;
}

export interface LaunchOptions {
  /** Extra prefs (e.g. `extensions.originControls.grantByDefault: false`). */
  prefs?: Record<string, string | number | boolean>;
}

function watchOutput(stream: NodeJS.ReadableStream | null | undefined, into: string[]): void {
  let rest = '';
  stream?.on('data', (chunk: Buffer | string) => {
    const lines = (rest + String(chunk)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (isExtensionError(line)) into.push(line.trim());
  });
}

/** Starts the reference API, the proxy and Firefox with the extension installed. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')))
    throw new Error(`${FIREFOX_EXTENSION_DIR} has no manifest.json: run "npm run build" first.`);
  const api = await startReferenceApi();
  const proxy = await startConnectProxy(api.port);
  const downloads = mkdtempSync(join(tmpdir(), 'rhythm-auth-ff-downloads-'));
  const uuid = randomUUID();
  const cleanUp = async () => {
    await Promise.allSettled([api.close(), proxy.close()]);
    rmSync(downloads, { recursive: true, force: true });
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      acceptInsecureCerts: true,
      // Without it BiDi refuses to navigate to moz-extension:// ("not allowed in this context").
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...firefoxProxyPrefs(proxy.port),
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        // The extension's console on stdout, where watchOutput reads it.
        'devtools.console.stdout.content': true,
        'devtools.console.stdout.chrome': true,
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        ...options.prefs,
      },
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const errors: string[] = [];
  const child = browser.process();
  watchOutput(child?.stderr, errors);
  watchOutput(child?.stdout, errors);
  const close = async () => {
    await browser.close().catch(() => undefined);
    await cleanUp();
  };
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`Installed ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    browser,
    api,
    proxy,
    origin: `moz-extension://${uuid}/`,
    downloads,
    errors: () => [...errors],
    close,
  };
}

interface BidiFrame {
  browsingContext: { navigate(url: string, wait: 'complete'): Promise<void> };
}

/**
 * Navigates with BiDi `browsingContext.navigate` (wait: complete): `page.goto` to a
 * moz-extension:// page loads it but never resolves (puppeteer misses the process switch).
 */
export async function navigate(page: Page, url: string): Promise<void> {
  const frame = page.mainFrame() as unknown as Partial<BidiFrame>;
  if (typeof frame.browsingContext?.navigate !== 'function')
    throw new Error('puppeteer-core changed: no BiDi browsingContext on the main frame');
  await frame.browsingContext.navigate(url, 'complete');
  const href = await page.evaluate(() => location.href);
  if (href !== url) throw new Error(`Navigated to ${href}, expected ${url}`);
}
