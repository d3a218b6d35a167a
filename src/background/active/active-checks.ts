/**
 * The worker's side of the active checks: plans what each would send for a diagnosis, and on the
 * user's confirmed click sends it, puts the answer in words (outcomes.ts) and
 * writes the result back into the stored diagnosis, so the panel and the popup both see it.
 * The token comes from the memory-only held-tokens.ts, or from the panel (a pasted token, or
 * DevTools' network log) for that one call; it is checked against the diagnosis' fingerprint, and
 * only ever sent to a Rhythm API host. Pure of `chrome.*`: main.ts hands in fetch and permissions.
 */
import {
  analyze,
  type AnalyzerSettings,
  type CapturedRequest,
  type Diagnosis,
  fingerprint,
  redactSecretParamsInText,
} from '../../analyzer/index.js';
import { heldFrom } from './held.js';
import { contactOutcome, retryResult, signatureOutcome } from './outcomes.js';
import { patchDiagnosis } from '../../shared/active.js';
import { planAction, type Send } from './plan.js';
import {
  ACTION_CHECK,
  ACTIVE_ACTIONS,
  type ActiveAction,
  type ActiveExchange,
  type ActivePlans,
  type ActiveRun,
  type HeldRequest,
  type NotHeld,
} from '../../shared/active.js';
import type { StoredDiagnosis } from '../../shared/stored.js';
import type { SessionArea, TabStore } from '../../shared/tab-store.js';
import type { HeldTokens } from './held-tokens.js';
import { verifySignature } from './verify-signature.js';

export interface ActiveDeps {
  store: TabStore;
  /** Where the issuers' key sets are cached for the browser session (storage.session). */
  keyCache: SessionArea;
  held: HeldTokens;
  settings: () => AnalyzerSettings;
  fetch: typeof fetch;
  /** `permissions.contains` for one origin pattern: the issuer must have been granted at the click. */
  hasPermission: (pattern: string) => Promise<boolean>;
  now: () => number;
  /** When this worker started (epoch ms): a 401 kept from before it has lost its token. */
  startedAt?: number;
  onUpdated: (entry: StoredDiagnosis) => void;
}

export interface TargetPayload {
  tabId: number;
  entryId: string;
  /** The request as the panel holds it (pasted, or from DevTools' network log), if it does. */
  request?: CapturedRequest;
}

type Target =
  | { kind: 'gone'; reason: string }
  | { kind: 'no-token'; why: NotHeld }
  | { kind: 'ok'; diagnosis: Diagnosis; held: HeldRequest; stored: StoredDiagnosis | null };

/** How much of an answer is read: enough for a contact record. */
const MAX_BODY_CHARS = 4096;
export const PASTE_PREFIX = 'paste:';

/** Why a kept 401's token is not in memory: none was sent, or the memory lost it, and how. */
export function whyNotHeld(stored: StoredDiagnosis, startedAt: number): NotHeld {
  const d = stored.diagnosis;
  if (d.token.form === 'none') {
    const preflight = d.checks.find((c) => c.id === 'request.preflight');
    return preflight?.status === 'fail' || d.request.method.toUpperCase() === 'OPTIONS'
      ? 'preflight'
      : 'none-sent';
  }
  return stored.capturedAt < startedAt ? 'restarted' : 'pushed-out';
}

export function createActiveChecks(deps: ActiveDeps) {
  async function target({ tabId, entryId, request }: TargetPayload): Promise<Target> {
    if (entryId.startsWith(PASTE_PREFIX)) {
      // Pasted in the panel: only the panel has it; diagnosed again here the same way.
      if (!request) return { kind: 'no-token', why: 'restarted' };
      const held = heldFrom(request);
      if (held.token === null) return { kind: 'no-token', why: 'none-sent' };
      return { kind: 'ok', diagnosis: analyze(request, deps.settings()), held, stored: null };
    }
    const stored = await deps.store.entry(tabId, entryId);
    if (!stored)
      return {
        kind: 'gone',
        reason:
          'This diagnosis is no longer kept (the tab was cleared, or newer 401s pushed it out).',
      };
    const wanted = stored.diagnosis.token.fingerprint;
    // Only the very token the diagnosis is about: the panel's copy must match its fingerprint.
    const matches = (h: HeldRequest | null): h is HeldRequest =>
      h !== null && h.token !== null && fingerprint(h.token) === wanted;
    const fromPanel = request ? heldFrom(request) : null;
    const held = matches(fromPanel) ? fromPanel : deps.held.get(tabId, entryId);
    return matches(held)
      ? { kind: 'ok', diagnosis: stored.diagnosis, held, stored }
      : { kind: 'no-token', why: whyNotHeld(stored, deps.startedAt ?? 0) };
  }

  async function call(send: Send): Promise<{
    status: number;
    challenge: string | null;
    body: string | null;
    error?: string;
  }> {
    try {
      // Only what the plan showed: no cookies, no cache, no redirect followed to another host.
      const response = await deps.fetch(send.url, {
        method: 'GET',
        headers: send.authorization === null ? {} : { Authorization: send.authorization },
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
      });
      if (response.type === 'opaqueredirect')
        return {
          status: 0,
          challenge: null,
          body: null,
          error: 'it redirected; redirects are not followed',
        };
      return {
        status: response.status,
        challenge: response.headers.get('www-authenticate'),
        body: (await response.text()).slice(0, MAX_BODY_CHARS),
      };
    } catch (error) {
      return {
        status: 0,
        challenge: null,
        body: null,
        // The browser's words may quote the URL whole: no credential of it goes on.
        error: redactSecretParamsInText(error instanceof Error ? error.message : String(error)),
      };
    }
  }

  return {
    async plan(payload: TargetPayload): Promise<ActivePlans> {
      const t = await target(payload);
      if (t.kind !== 'ok') return { held: false, why: t.kind === 'gone' ? 'gone' : t.why };
      const { diagnosis, held } = t;
      const plans = Object.fromEntries(
        ACTIVE_ACTIONS.map((action) => {
          const planned = planAction(action, diagnosis, held);
          return [action, 'refused' in planned ? planned : planned.plan];
        }),
      ) as Extract<ActivePlans, { held: true }>['plans'];
      return { held: true, plans };
    },

    async run(payload: TargetPayload & { action: ActiveAction; url: string }): Promise<ActiveRun> {
      const t = await target(payload);
      if (t.kind === 'gone') return { kind: 'refused', reason: t.reason };
      if (t.kind === 'no-token') return { kind: 'no-token' };
      const { action } = payload;
      const planned = planAction(action, t.diagnosis, t.held);
      if ('refused' in planned) return { kind: 'refused', reason: planned.refused };
      const { plan, send } = planned;
      // What is sent is what the user confirmed: the plan's URL or one of its alternatives.
      const chosen = [plan.url, ...plan.alternatives].indexOf(payload.url);
      if (chosen < 0)
        return {
          kind: 'refused',
          reason: 'The request changed since it was shown; look at it again.',
        };
      const sending = chosen === 0 ? send : { ...send, url: payload.url };

      const done: Extract<ActiveRun, { kind: 'done' }> = { kind: 'done', action };
      const exchangeOf = (answer: Awaited<ReturnType<typeof call>>): ActiveExchange => ({
        method: 'GET',
        url: payload.url,
        status: answer.status,
        challenge: answer.challenge,
        ...(answer.error ? { error: answer.error } : {}),
      });
      switch (action) {
        case 'signature': {
          if (!plan.noSend && plan.permission && !(await deps.hasPermission(plan.permission)))
            return { kind: 'not-granted', permission: plan.permission };
          const iss = String(t.diagnosis.token.claims?.iss ?? '');
          const result = await verifySignature(t.held.token ?? '', iss, deps);
          const { expectedIssuer } = deps.settings();
          done.outcome = {
            id: 'token.signature',
            result: signatureOutcome(result, {
              iss,
              ...(expectedIssuer ? { expectedIssuer } : {}),
            }),
          };
          break;
        }
        case 'contact': {
          const answer = await call(sending);
          done.exchange = exchangeOf(answer);
          done.outcome = {
            id: 'contact.verified',
            result: contactOutcome({ ...answer, url: payload.url }),
          };
          break;
        }
        case 'retry': {
          const answer = await call(sending);
          done.exchange = exchangeOf(answer);
          done.retry = retryResult({
            cause: plan.fix!.cause,
            change: plan.fix!.change,
            url: payload.url,
            status: answer.status,
            challenge: answer.challenge,
            at: deps.now(),
            ...(answer.error ? { error: answer.error } : {}),
          });
          break;
        }
        default: {
          const unhandled: never = action;
          return unhandled;
        }
      }

      if (t.stored) {
        const check = ACTION_CHECK[action];
        const updated: StoredDiagnosis = {
          ...t.stored,
          diagnosis:
            check && done.outcome
              ? patchDiagnosis(t.stored.diagnosis, check, done.outcome.result)
              : t.stored.diagnosis,
          ...(done.retry ? { retry: done.retry } : {}),
        };
        if (await deps.store.update(updated)) deps.onUpdated(updated);
      }
      return done;
    },
  };
}

export type ActiveChecks = ReturnType<typeof createActiveChecks>;
