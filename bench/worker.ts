/**
 * SPEC §9, the service worker: its JavaScript time per Rhythm request (a CPU profile of the worker
 * while the app page sends 401s to the reference API), and how often its listeners run for
 * requests to other hosts (V8 call counts; the budget is zero).
 */
import { launchBenchBrowser } from './chromium.js';
import { FOREIGN_HOST, UNWATCHED_RHYTHM_HOST } from '../tests/e2e/other-hosts.js';
import { attachWorkerDebugger } from '../tests/e2e/worker-debugger.js';

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  hitCount?: number;
}

export interface WorkerResult {
  workerMsPerRequest: number;
  workerInvocationsOtherHosts: number;
  requests: number;
  /** From a 401's response reaching the page to the tab's badge showing it: p50 and p95. */
  badgeP50Ms: number;
  badgeP95Ms: number;
  badgeSamples: number;
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

const URL_401 = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

export async function benchWorker(requests = 200, badgeSamples = 60): Promise<WorkerResult> {
  const { context, worker, close } = await launchBenchBrowser();
  try {
    const app = context.pages()[0] ?? (await context.newPage());
    await app.goto('https://app.rhythmsoftware.com/');
    const send = (url: string, n: number) =>
      app.evaluate(
        async ({ url, n }) => {
          for (let i = 0; i < n; i++) {
            // A refused or failed fetch still went out: the worker had its chance to see it.
            await fetch(url, { headers: { Authorization: 'Bearer x.y.z' } }).catch(() => undefined);
          }
        },
        { url, n },
      );
    await send(URL_401, 10); // warm up
    // Let the warm-up finish in the worker (its last onCompleted can land after fetch resolves),
    // or its stragglers would be counted as calls for other hosts.
    const tabId = await worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1,
      app.url(),
    );
    for (let i = 0; i < 200; i++) {
      if (
        (await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)) === '10'
      )
        break;
      await new Promise((r) => setTimeout(r, 25));
    }

    // 401 → badge: one request at a time; the page notes when the response arrived, the worker
    // polls its badge until the count goes up (both on this machine's clock, Date.now()).
    const latencies: number[] = [];
    let count = 10;
    for (let k = 0; k < badgeSamples; k++) {
      const expected = String(++count);
      const badge = worker.evaluate(
        async ({ tabId, expected }) => {
          const until = Date.now() + 5000;
          while (Date.now() < until) {
            if ((await chrome.action.getBadgeText({ tabId })) === expected) return Date.now();
          }
          return -1;
        },
        { tabId, expected },
      );
      const responded = await app.evaluate(async (url) => {
        await fetch(url, { headers: { Authorization: 'Bearer x.y.z' } }).catch(() => undefined);
        return Date.now();
      }, URL_401);
      const shown = await badge;
      if (shown < 0) break; // the badge no longer counts (a cap, or a store that batches)
      latencies.push(Math.max(0, shown - responded));
    }

    const debug = await attachWorkerDebugger(context, worker);
    try {
      // Other hosts: the listeners must not run at all.
      await debug.startCounting();
      await send(`https://${UNWATCHED_RHYTHM_HOST}/contacts/acme.org/current`, 20);
      await send(`https://${FOREIGN_HOST}/contacts/acme.org/current`, 20);
      const calls = await debug.takeCallCounts();
      if (process.env.RHYTHM_BENCH_DEBUG) console.log('calls for other hosts', calls);
      const otherHostCalls = Object.values(calls).reduce((a, b) => a + b, 0);

      // Rhythm 401s: the worker's own JavaScript time, from a sampling profile.
      await debug.send('Profiler.setSamplingInterval', { interval: 50 });
      await debug.send('Profiler.start');
      await send(URL_401, requests);
      // The last requests' storage writes finish after fetch resolves: wait for the badge.
      await app.waitForTimeout(300);
      const { profile: cpu } = await debug.send<{
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      }>('Profiler.stop');
      const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
      let ownUs = 0;
      cpu.samples.forEach((id, i) => {
        const url = byId.get(id)?.callFrame.url ?? '';
        if (url.startsWith('chrome-extension://'))
          ownUs += cpu.timeDeltas[i + 1] ?? cpu.timeDeltas[i] ?? 0;
      });
      return {
        workerMsPerRequest: ownUs / 1000 / requests,
        workerInvocationsOtherHosts: otherHostCalls,
        requests,
        badgeP50Ms: latencies.length ? percentile(latencies, 50) : NaN,
        badgeP95Ms: latencies.length ? percentile(latencies, 95) : NaN,
        badgeSamples: latencies.length,
      };
    } finally {
      await debug.detach();
    }
  } finally {
    await close();
  }
}
