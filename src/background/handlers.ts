/**
 * Answers the typed messages of src/shared/messages.ts. The caller has already checked the sender
 * and validated the envelope; every handler returns a Result and never throws across messaging.
 */
import type { Envelope, MessageReply, MessageType, Result } from '../shared/messages.js';
import type { ActiveChecks } from './active/active-checks.js';
import { createRecorder, type RecordDeps } from './record.js';

export interface HandlerDeps extends RecordDeps {
  onCleared: (tabId: number) => Promise<void>;
  /** The active checks (active/active-checks.ts). */
  active: Pick<ActiveChecks, 'plan' | 'run'>;
}

type Handlers = {
  [T in MessageType]: (payload: Envelope<T>['payload']) => Promise<MessageReply<T>>;
};

export function createHandlers(deps: HandlerDeps): Handlers {
  const record = createRecorder(deps);
  return {
    async 'get-tab'({ tabId }) {
      return { diagnoses: await deps.store.read(tabId) };
    },
    async 'clear-tab'({ tabId }) {
      await deps.store.clear(tabId);
      await deps.onCleared(tabId);
      return { cleared: true };
    },
    async 'add-captured'({ tabId, requests }) {
      // All at once, so the store writes them in one commit (a backfill can carry thousands).
      const results = await Promise.all(
        requests.map((item) =>
          record('devtools', item.key, item.request, {
            tabId,
            ...(item.responseBody !== undefined ? { responseBody: item.responseBody } : {}),
          }),
        ),
      );
      return {
        added: results.filter((r) => r.added).length,
        count: await deps.store.count(tabId),
      };
    },
    async 'get-last-success'({ tabId, host, route, subject }) {
      return { value: await deps.store.lastSuccess(tabId, { host, route, subject }) };
    },
    'plan-active': (payload) => deps.active.plan(payload),
    'run-active': (payload) => deps.active.run(payload),
  };
}

export async function dispatch(handlers: Handlers, envelope: Envelope): Promise<Result<unknown>> {
  try {
    const handler = handlers[envelope.type] as (p: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(envelope.payload) };
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'handler-failed',
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
}
