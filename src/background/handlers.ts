/**
 * Answers the typed messages of src/shared/messages.ts. The caller has already checked the sender
 * and validated the envelope; every handler returns a Result and never throws across messaging.
 */
import {
  analyze,
  type AnalyzerSettings,
  type CapturedRequest,
  createScrubber,
  requestSecrets,
} from '../analyzer/index.js';
import type { Envelope, MessageReply, MessageType, Result } from '../shared/messages.js';
import type { TabStore } from '../shared/tab-store.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import type { ActiveChecks } from './active/active-checks.js';

export interface HandlerDeps {
  store: TabStore;
  settings: () => AnalyzerSettings;
  now: () => number;
  onDiagnosed: (entry: StoredDiagnosis, count: number) => void;
  onCleared: (tabId: number) => Promise<void>;
  /** The active checks (active-checks.ts). */
  active: Pick<ActiveChecks, 'plan' | 'run'>;
  /** Keeps a diagnosed request's token in memory for the active checks (held-tokens.ts). */
  hold?: (entry: StoredDiagnosis, request: CapturedRequest) => void;
}

/**
 * A 401 body goes to storage.session: a gateway that echoes the request's token or credentials
 * in its error body must not put them there (SPEC §7).
 */
function scrubBody(body: string, request: CapturedRequest): string {
  const { token, secrets } = requestSecrets(request);
  return createScrubber({ token, secrets, keepHeaderPayload: false })(body);
}

type Handlers = {
  [T in MessageType]: (payload: Envelope<T>['payload']) => Promise<MessageReply<T>>;
};

export function createHandlers(deps: HandlerDeps): Handlers {
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
      let added = 0;
      let count = await deps.store.count(tabId);
      for (const item of requests) {
        const entry: StoredDiagnosis = {
          id: `devtools:${item.key}`,
          tabId,
          source: 'devtools',
          capturedAt: deps.now(),
          ...(item.responseBody !== undefined
            ? { responseBody: scrubBody(item.responseBody.slice(0, 2048), item.request) }
            : {}),
          diagnosis: analyze(item.request, deps.settings()),
        };
        const result = await deps.store.add(entry);
        count = result.count;
        if (result.added) {
          added++;
          deps.hold?.(entry, item.request);
          deps.onDiagnosed(entry, count);
        }
      }
      return { added, count };
    },
    async 'get-last-success'({ tabId, host }) {
      return { value: await deps.store.lastSuccess(tabId, host) };
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
