/**
 * SPEC §9, the worker under a storm: one page fires 5,000 Rhythm 401s at once while an extension
 * page asks the worker for the tab (`get-tab`) in a loop. Reports the p95 of those answers, during
 * the storm and until the tab's list and badge have settled, and how much slower the page's
 * requests to the watched Rhythm host ran than the same requests to a host the extension does
 * not watch (the reference API's staging domain: same server, same rules, no listener), in
 * alternating bursts of 1,000 so that the machine's load weighs on both alike.
 */
import type { Page } from '@playwright/test';
import { launchBenchBrowser } from './chromium.js';

export interface StormResult {
  stormGetTabP95Ms: number;
  stormPageSlowdown: number;
  details: {
    requests: number;
    /** From the storm's start to the first `get-tab` answer. */
    stormFirstAnswerMs: number;
    stormGetTabMaxMs: number;
    stormGetTabSamples: number;
    /** From the storm's start until the badge and the stored list show the final state. */
    stormSettledMs: number;
    /** The storm's 5,000 from the page, and the same 5,000 to the unwatched host just before. */
    stormPageWatchedMs: number;
    stormPageUnwatchedMs: number;
    /** `stormPageSlowdown` is their ratio: ROUNDS bursts of ROUND_REQUESTS to each host in turn. */
    stormRoundsWatchedMs: number;
    stormRoundsUnwatchedMs: number;
    /** Each round's watched / unwatched, in order (how much the machine's load moved meanwhile). */
    stormRoundRatios: number[];
    stormBadge: string;
    stormKept: number;
  };
}

const PATH = '/contacts/acme.org/current';
const ROUNDS = 4;
const ROUND_REQUESTS = 1000;
const WATCHED = `https://rolodex.api.rhythmsoftware.com${PATH}`;
const UNWATCHED = `https://rolodex.staging.rhythmsoftware.com${PATH}`;

interface ProbeWindow {
  probe: { stop: boolean; samples: Array<{ at: number; ms: number }> };
}

/** What a storm in a running browser measured, and the state the tab settled in. */
export interface StormRun {
  getTabMs: number[];
  firstAnswerMs: number;
  settledMs: number;
  pageMs: number;
  badge: string;
  kept: number;
}

/**
 * Fires `requests` 401s to the watched Rhythm host from `app` while `probePage` (an extension
 * page) asks for the tab in a loop; waits until the badge says 99+ and the list holds 100 (at most
 * 5 minutes), then 2 s more. The e2e suite runs it too (tests/e2e/storm.spec.ts).
 */
export async function runStorm(
  app: Page,
  probePage: Page,
  tabId: number,
  options: { requests: number; authorization: string },
): Promise<StormRun> {
  // The probe: `get-tab` for the app's tab, one after the other, from the extension page.
  await probePage.evaluate((id) => {
    const w = window as unknown as ProbeWindow;
    w.probe = { stop: false, samples: [] };
    void (async () => {
      while (!w.probe.stop) {
        const at = Date.now();
        await chrome.runtime.sendMessage({ type: 'get-tab', payload: { tabId: id } });
        w.probe.samples.push({ at, ms: Date.now() - at });
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
  }, tabId);
  const stormStart = Date.now();
  const pageMs = await fire(app, WATCHED, options.requests, options.authorization);

  const state = () =>
    probePage.evaluate(async (id) => {
      const badge = await chrome.action.getBadgeText({ tabId: id });
      const reply = (await chrome.runtime.sendMessage({
        type: 'get-tab',
        payload: { tabId: id },
      })) as { ok: boolean; value?: { diagnoses: unknown[] } };
      return { badge, kept: reply.value?.diagnoses.length ?? -1 };
    }, tabId);
  let last = await state();
  while ((last.badge !== '99+' || last.kept !== 100) && Date.now() - stormStart < 300_000) {
    await new Promise((r) => setTimeout(r, 200));
    last = await state();
  }
  const settledMs = Date.now() - stormStart;
  await new Promise((r) => setTimeout(r, 2000)); // and a while after
  const samples = await probePage.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    w.probe.stop = true;
    return w.probe.samples;
  });
  const during = samples.filter((s) => s.at >= stormStart);
  const first = during[0];
  return {
    getTabMs: during.map((s) => s.ms),
    firstAnswerMs: first ? first.at + first.ms - stormStart : NaN,
    settledMs,
    pageMs,
    ...last,
  };
}

/** Every request at once from the page, as a retry loop would; resolves with the wall time. */
function fire(app: Page, url: string, n: number, authorization: string): Promise<number> {
  return app.evaluate(
    async ({ url, n, authorization }) => {
      const start = performance.now();
      await Promise.all(
        Array.from({ length: n }, () =>
          fetch(url, { cache: 'no-store', headers: { Authorization: authorization } }).then(
            (r) => r.status,
            () => 0,
          ),
        ),
      );
      return performance.now() - start;
    },
    { url, n, authorization },
  );
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

export async function benchStorm(requests = 5000): Promise<StormResult> {
  const { context, worker, api, close } = await launchBenchBrowser();
  try {
    const extensionId = new URL(worker.url()).host;
    const app = await context.newPage();
    await app.goto('https://app.rhythmsoftware.com/');
    // A real token, expired: each 401 is analyzed in full (decode, claims, fingerprint).
    const authorization = `Bearer ${await api.mint({ expired: true })}`;
    const tabId = await worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1,
      app.url(),
    );
    await fire(app, UNWATCHED, 50, authorization); // warm up the connections of both hosts
    await fire(app, WATCHED, 1, authorization);
    const probePage = await context.newPage();
    await probePage.goto(`chrome-extension://${extensionId}/src/welcome/index.html`);
    await probePage.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'clear-tab', payload: { tabId: id } }),
      tabId,
    );
    const unwatchedMs = await fire(app, UNWATCHED, requests, authorization);
    const run = await runStorm(app, probePage, tabId, { requests, authorization });
    // The slowdown, side by side: rounds of the same burst to either host in turn, so a change in
    // the machine's load (2 cores shared with other work) weighs on both alike.
    let watched = 0;
    let unwatched = 0;
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const u = await fire(app, UNWATCHED, ROUND_REQUESTS, authorization);
      const w = await fire(app, WATCHED, ROUND_REQUESTS, authorization);
      unwatched += u;
      watched += w;
      ratios.push(Math.round((w / u) * 1000) / 1000);
    }
    return {
      stormGetTabP95Ms: percentile(run.getTabMs, 95),
      stormPageSlowdown: watched / unwatched,
      details: {
        requests,
        stormFirstAnswerMs: run.firstAnswerMs,
        stormGetTabMaxMs: Math.max(...run.getTabMs),
        stormGetTabSamples: run.getTabMs.length,
        stormSettledMs: run.settledMs,
        stormPageWatchedMs: run.pageMs,
        stormPageUnwatchedMs: unwatchedMs,
        stormRoundsWatchedMs: watched,
        stormRoundsUnwatchedMs: unwatched,
        stormRoundRatios: ratios,
        stormBadge: run.badge,
        stormKept: run.kept,
      },
    };
  } finally {
    await close();
  }
}

// `npx tsx bench/storm.ts`: this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchStorm(), null, 2));
}
