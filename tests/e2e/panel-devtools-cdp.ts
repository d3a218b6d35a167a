/**
 * Drives the real DevTools front-end over the browser's CDP session (notes/chromium-e2e.md,
 * "Testing the real DevTools panel"): Playwright hides `devtools://` targets, so they are found
 * with `Target.getTargets`, attached non-flat, and spoken to through `Target.sendMessageToTarget`.
 * This uses DevTools internals (`InspectorView.showPanel`): keep it to a few tests.
 */
import type { CDPSession } from '@playwright/test';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  title: string;
}

interface Received {
  sessionId: string;
  message: string;
}

/** One attached target, evaluated in with `Runtime.evaluate` (promises awaited, values returned). */
export class NonFlatTarget {
  private nextId = 1;
  private pending = new Map<number, (message: Record<string, unknown>) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: Received) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as Record<string, unknown>;
      const id = typeof message.id === 'number' ? message.id : -1;
      this.pending.get(id)?.(message);
      this.pending.delete(id);
    });
  }

  static async attach(cdp: CDPSession, targetId: string): Promise<NonFlatTarget> {
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId,
      flatten: false,
    })) as {
      sessionId: string;
    };
    return new NonFlatTarget(cdp, sessionId);
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const reply = new Promise<Record<string, unknown>>((resolve) => this.pending.set(id, resolve));
    void this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return reply;
  }

  /** Evaluates an expression (async allowed); returns its JSON value or throws its exception. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    const result = reply.result as
      | {
          result?: { value?: unknown };
          exceptionDetails?: { text?: string; exception?: { description?: string } };
        }
      | undefined;
    if (reply.error || result?.exceptionDetails) {
      const details = result?.exceptionDetails;
      throw new Error(
        `evaluate failed: ${JSON.stringify(reply.error ?? details?.exception?.description ?? details?.text)}`,
      );
    }
    return result?.result?.value as T;
  }
}

export async function targets(cdp: CDPSession): Promise<TargetInfo[]> {
  return ((await cdp.send('Target.getTargets')) as unknown as { targetInfos: TargetInfo[] })
    .targetInfos;
}

/**
 * The DevTools front-end inspecting the page at `url` (the first tab's about:blank has one too).
 * Front-ends load after their tab: poll until one has a primary target with that URL.
 */
export async function devtoolsFor(
  cdp: CDPSession,
  url: string,
  timeoutMs = 10_000,
): Promise<NonFlatTarget> {
  const attached = new Map<string, NonFlatTarget>();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const t of await targets(cdp)) {
      if (t.type !== 'page' || !t.url.startsWith('devtools://')) continue;
      let frontEnd = attached.get(t.targetId);
      if (!frontEnd) {
        frontEnd = await NonFlatTarget.attach(cdp, t.targetId);
        attached.set(t.targetId, frontEnd);
      }
      const inspected = await frontEnd
        .evaluate<string>(
          `(async () => {
            const SDK = await import('./core/sdk/sdk.js');
            return SDK.TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL() ?? '';
          })()`,
        )
        .catch(() => '');
      if (inspected === url) return frontEnd;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No DevTools front-end inspects ${url}`);
}

/** Shows an extension's panel: its id is `chrome-extension://<id>` + the title without spaces. */
export function showPanel(
  frontEnd: NonFlatTarget,
  extensionId: string,
  title: string,
): Promise<unknown> {
  const panelId = `chrome-extension://${extensionId}${title.replace(/\s+/g, '')}`;
  return frontEnd.evaluate(
    `(async () => {
      const UI = await import('./ui/legacy/legacy.js');
      await UI.InspectorView.InspectorView.maybeGetInspectorViewInstance().showPanel(${JSON.stringify(panelId)});
      return true;
    })()`,
  );
}

/** The panel page's own target, once DevTools created its iframe. */
export async function panelFrame(
  cdp: CDPSession,
  extensionId: string,
): Promise<NonFlatTarget | null> {
  const prefix = `chrome-extension://${extensionId}/src/panel/index.html`;
  const t = (await targets(cdp)).find((x) => x.url.startsWith(prefix));
  return t ? NonFlatTarget.attach(cdp, t.targetId) : null;
}
