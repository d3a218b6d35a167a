/**
 * The built extension in Debian's Chromium for the benches, the Rhythm hosts mapped to the
 * reference API and the other hosts of tests/e2e/other-hosts.ts (first match wins), with the
 * worker's listeners registered before anything is sent (chromium-e2e notes: the race).
 */
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromiumArgs,
  startReferenceApi,
  type ReferenceApi,
} from '../tools/reference-api/server.js';
import { findChromium } from '../tools/start-chromium.js';
import { startOtherHosts, type OtherHosts } from '../tests/e2e/other-hosts.js';

export interface BenchBrowser {
  context: BrowserContext;
  worker: Worker;
  others: OtherHosts;
  api: ReferenceApi;
  close(): Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium: install it or set CHROME_PATH');
  const api = await startReferenceApi();
  const others = await startOtherHosts();
  const profile = mkdtempSync(join(tmpdir(), 'rhythm-auth-bench-'));
  const dist = resolve(process.env.RHYTHM_EXTENSION_DIR ?? 'dist/extension');
  const [rules, ...rest] = chromiumArgs(api.port);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      rules!.replace('--host-resolver-rules=', `--host-resolver-rules=${others.rules},`),
      ...rest,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const close = async () => {
    await context.close();
    await others.close();
    await api.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    for (
      let i = 0;
      i < 100 && !(await worker.evaluate(() => chrome.webRequest.onCompleted.hasListeners()));
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return { context, worker, others, api, close };
  } catch (error) {
    await close();
    throw error;
  }
}
