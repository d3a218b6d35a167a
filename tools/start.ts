/**
 * `npm start`: the product working in one command. Builds the extension when needed, starts the
 * reference Rhythm API, and opens Chromium with the extension, the Rhythm hosts mapped to the
 * reference API, a throwaway profile, and DevTools open on the demo page. Ctrl-C cleans up.
 *
 * `npm start -- --headless --screenshot <file.png>`: the same without a display: runs every demo
 * scenario, opens the panel, writes a screenshot of it and exits 0 (SPEC §10).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromiumArgs, startReferenceApi, type ReferenceApi } from './reference-api/server.js';
import {
  closeOnce,
  findChromium,
  onInterrupt,
  spawnChromium,
  stopChromium,
  untilNoProcessNames,
} from './start-chromium.js';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist/extension');
const APP_URL = 'https://app.rhythmsoftware.com/';

interface Options {
  headless: boolean;
  screenshot: string | null;
}

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function parseOptions(args: string[]): Options {
  const options: Options = { headless: false, screenshot: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--headless') options.headless = true;
    else if (arg === '--screenshot') {
      const file = args[++i];
      if (!file) fail('--screenshot needs a file name, e.g. --screenshot panel.png');
      options.screenshot = resolve(file);
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm start [-- --headless --screenshot <file.png>]');
      process.exit(0);
    } else fail(`unknown option ${arg} (try --help)`);
  }
  if (options.screenshot && !options.headless) options.headless = true;
  if (options.headless && !options.screenshot) fail('--headless needs --screenshot <file.png>');
  return options;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function buildIfNeeded(): void {
  const built = join(DIST, 'manifest.json');
  const sources = ['src', 'public', 'manifest.json', 'vite.config.ts'].map((p) => join(ROOT, p));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  console.log('Building the extension (vite build)…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) fail('the extension build failed (see above)');
}

function chromiumFlags(api: ReferenceApi, profile: string): string[] {
  return [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    ...chromiumArgs(api.port),
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

async function runHeaded(
  chromium: string,
  api: ReferenceApi,
  profile: string,
  stop: AbortSignal,
): Promise<void> {
  const child = spawnChromium(chromium, [
    ...chromiumFlags(api, profile),
    '--auto-open-devtools-for-tabs',
    APP_URL,
  ]);
  console.log(`Chromium is open on ${APP_URL} with Rhythm Auth loaded and DevTools open.`);
  console.log(
    'The install opens the Getting started page in a tab of its own, as for a new user; the demo',
  );
  console.log('page is the first tab (its DevTools is the one whose panel lists the demo 401s).');
  console.log('DevTools opens on its Elements panel; Rhythm Auth is the last tab of its tab row');
  console.log('(click » at the end of the row when the tabs do not fit, then "Rhythm Auth").');
  console.log(
    'Click the buttons on the demo page; each 401 appears in the panel and on the badge.',
  );
  console.log('Ctrl-C stops the reference API and Chromium and deletes the throwaway profile.');
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stopped = () => {
    console.log('Stopping Chromium…');
    void stopChromium(child);
  };
  if (stop.aborted) stopped();
  stop.addEventListener('abort', stopped, { once: true });
  const code = await exited;
  if (code && !stop.aborted)
    console.error(`Chromium exited with ${code}. Without a display, use --headless.`);
  // Closed by hand or stopped: either way no helper process of it may still write to the profile.
  await stopChromium(child);
}

async function runHeadless(
  chromium: string,
  api: ReferenceApi,
  profile: string,
  file: string,
  stop: AbortSignal,
) {
  const { chromium: pw } = await import('@playwright/test');
  const [, ...args] = chromiumFlags(api, profile); // Playwright sets --user-data-dir itself
  const context = await pw.launchPersistentContext(profile, {
    executablePath: chromium,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    args,
    // Playwright's own handlers exit the process (130) as soon as the browser is closed, before
    // the profile is deleted: Ctrl-C is handled here instead (main).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // Closing the context ends every call in flight below: the run then unwinds to main's clean-up.
  // Ctrl-C and the end of the run share one close (closeOnce): a second close() would return before
  // Playwright deleted its temp folder, and the process exit with the folder left (seen in CI).
  const close = closeOnce(() => context.close());
  const onAbort = () => void close();
  stop.addEventListener('abort', onAbort, { once: true });
  try {
    if (stop.aborted) throw new Error('interrupted while Chromium started');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    for (let i = 0; i < 100; i++) {
      if (await worker.evaluate(() => chrome.webRequest.onCompleted.hasListeners())) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const extensionId = new URL(worker.url()).host;
    const app = context.pages()[0] ?? (await context.newPage());
    await app.goto(APP_URL);
    await app.waitForFunction(() => 'rhythmDemo' in window);
    const tabId = await worker.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => t.url === url)?.id ?? -1;
    }, app.url());
    type Demo = { rhythmDemo: { runAll(): Promise<Array<{ id: string; status: number }>> } };
    const results = await app.evaluate(() => (window as unknown as Demo).rhythmDemo.runAll());
    const failures = results.filter((r) => r.status !== 200).length;
    console.log(`Ran ${results.length} demo scenarios: ${failures} answered 401 (or failed CORS).`);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/src/panel/index.html?tabId=${tabId}`);
    const rows = panel.locator('[role="option"][data-diagnosis], li[data-diagnosis]');
    await rows.first().waitFor({ timeout: 15_000 });
    // Show the detail of a telling case: the expired token, when the demo produced one.
    const expired = rows.and(panel.locator('[data-diagnosis="token.expiry"]'));
    await ((await expired.count()) > 0 ? expired.first() : rows.first()).click();
    mkdirSync(dirname(file), { recursive: true });
    await panel.screenshot({ path: file });
    const shown = await rows.count();
    console.log(`The panel lists ${shown} diagnoses; screenshot written to ${file}`);
  } finally {
    stop.removeEventListener('abort', onAbort);
    await close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const chromium = findChromium();
  if (!chromium) {
    fail(
      'no Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  buildIfNeeded();
  // From here on Ctrl-C stops the run and waits for the clean-up (tools/start-chromium.ts).
  const interrupt = new AbortController();
  const release = onInterrupt(() => interrupt.abort());
  const api = await startReferenceApi();
  const profile = mkdtempSync(join(tmpdir(), 'rhythm-auth-start-'));
  console.log(`Reference Rhythm API on ${api.origin} (loopback only; nothing calls the real API).`);
  try {
    if (options.screenshot)
      await runHeadless(chromium, api, profile, options.screenshot, interrupt.signal);
    else await runHeaded(chromium, api, profile, interrupt.signal);
  } catch (error) {
    // What an interrupted run throws (a closed page) is not news: the user asked it to stop.
    if (!interrupt.signal.aborted) throw error;
  } finally {
    await api.close();
    // Chromium's helpers may still write to the profile for a moment after it closed (seen under
    // load after Ctrl-C: ENOTEMPTY): delete it once none of them is left.
    await untilNoProcessNames(profile);
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    if (existsSync(profile)) console.error(`npm start: could not delete ${profile}`);
    else if (interrupt.signal.aborted) console.log(`Stopped; deleted ${profile}.`);
    release();
  }
  // A headless run cut short did not write its screenshot.
  if (interrupt.signal.aborted && options.screenshot) process.exit(130);
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
