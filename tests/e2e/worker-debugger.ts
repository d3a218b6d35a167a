/**
 * Looks inside the running service worker without changing the product: a CDP session on the
 * worker's target (attached from a browser-level session, non-flat, as in
 * ../shared/notes/chromium-e2e.md for DevTools), used for
 *
 * - call counts of the capture pipeline's listeners (V8 precise coverage), to prove which
 *   requests made the worker run any code at all (SPEC §9: "no code at all for other hosts");
 * - the in-flight requests it holds in memory (`Runtime.queryObjects` over every `Map` in the
 *   worker's heap), to prove none is left behind (SPEC §7, §9).
 *
 * Only for a running worker: attach after the worker is ready, never while it is stopped.
 */
import type { BrowserContext, CDPSession, Worker } from '@playwright/test';

/** The capture pipeline's entry points (src/background/capture.ts), one per webRequest event. */
export const CAPTURE_LISTENERS = [
  'onSendHeaders',
  'onHeadersReceived',
  'onBeforeRedirect',
  'onErrorOccurred',
  'onCompleted',
] as const;
export type CaptureListener = (typeof CAPTURE_LISTENERS)[number];

interface CoverageResult {
  result: Array<{
    url: string;
    functions: Array<{ functionName: string; ranges: Array<{ count: number }> }>;
  }>;
}

export interface WorkerDebugger {
  /**
   * Calls of each capture listener since the previous call (the first call reports those since
   * `startCounting()`).
   */
  takeCallCounts(): Promise<Record<CaptureListener, number>>;
  startCounting(): Promise<void>;
  /**
   * The requests the worker holds as in flight: every value of every `Map` in its heap that has
   * the shape of an in-flight record (`requestHeaders` and `sentAt`).
   */
  inFlightRequests(): Promise<Array<{ url: string; requestHeaders: string[] }>>;
  /** Any CDP command on the worker's target (the benchmark's CPU profile). */
  send<T>(method: string, params?: object): Promise<T>;
  detach(): Promise<void>;
}

export async function attachWorkerDebugger(
  context: BrowserContext,
  worker: Worker,
): Promise<WorkerDebugger> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser-level CDP: the context has no browser.');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === worker.url());
  if (!target) throw new Error(`No service worker target for ${worker.url()}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });

  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const send = <T>(method: string, params: object = {}): Promise<T> => {
    const id = nextId++;
    const reply = new Promise<T>((resolve, reject) =>
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject }),
    );
    void cdp
      .send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      })
      .catch((error: Error) => pending.get(id)?.reject(error));
    return reply;
  };

  return {
    send,

    async startCounting() {
      await send('Profiler.enable');
      await send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
      // Start from zero: taking the coverage resets the counters.
      await send('Profiler.takePreciseCoverage');
    },

    async takeCallCounts() {
      const { result } = await send<CoverageResult>('Profiler.takePreciseCoverage');
      const counts = Object.fromEntries(CAPTURE_LISTENERS.map((name) => [name, 0])) as Record<
        CaptureListener,
        number
      >;
      for (const script of result) {
        for (const fn of script.functions) {
          const name = fn.functionName as CaptureListener;
          // The function's first range covers its whole body: its count is the call count.
          if (CAPTURE_LISTENERS.includes(name)) counts[name] += fn.ranges[0]?.count ?? 0;
        }
      }
      return counts;
    },

    async inFlightRequests() {
      const group = 'rhythm-e2e-in-flight';
      const { result: proto } = await send<{ result: { objectId: string } }>('Runtime.evaluate', {
        expression: 'Map.prototype',
        objectGroup: group,
      });
      const { objects } = await send<{ objects: { objectId: string } }>('Runtime.queryObjects', {
        prototypeObjectId: proto.objectId,
        objectGroup: group,
      });
      const { result } = await send<{ result: { value: string } }>('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        objectGroup: group,
        returnByValue: true,
        functionDeclaration: `function () {
          const held = [];
          for (const map of this)
            for (const v of map.values())
              if (v && typeof v === 'object' && 'requestHeaders' in v && 'sentAt' in v)
                held.push({ url: String(v.url), requestHeaders: v.requestHeaders.map((h) => h.name + ': ' + h.value) });
          return JSON.stringify(held);
        }`,
      });
      await send('Runtime.releaseObjectGroup', { objectGroup: group });
      return JSON.parse(result.value) as Array<{ url: string; requestHeaders: string[] }>;
    },

    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}
