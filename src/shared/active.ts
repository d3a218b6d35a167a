/**
 * The active checks (SPEC §3 `token.signature`, `contact.verified`, and "retry with fix"): they
 * call the network, so they run only on a click, only to a Rhythm host or the token's own issuer,
 * and say what they will send before sending it (SPEC §7). These shapes cross extension messaging:
 * plain JSON, and never a token (the fingerprint names it).
 */
import {
  CHECK_IDS,
  summarize,
  type ActiveCheckOutcome,
  type CheckId,
  type CheckResult,
  type Diagnosis,
  type HttpHeader,
} from '../analyzer/index.js';

export const ACTIVE_ACTIONS = ['signature', 'contact', 'retry'] as const;
export type ActiveAction = (typeof ACTIVE_ACTIONS)[number];

export const isActiveAction = (v: unknown): v is ActiveAction =>
  typeof v === 'string' && (ACTIVE_ACTIONS as readonly string[]).includes(v);

/** The checklist row an action's result goes to; retry confirms a cause instead of being one. */
export const ACTION_CHECK: Readonly<Record<ActiveAction, CheckId | null>> = {
  signature: 'token.signature',
  contact: 'contact.verified',
  retry: null,
};

/**
 * The request a diagnosis was made from, as far as an active check needs it: held in memory only
 * (the worker's bounded map, the panel's memory for pasted tokens and DevTools' log), never stored.
 */
export interface HeldRequest {
  /** The URL as sent; its query may carry a token too. */
  url: string;
  method: string;
  /** The `Authorization` value as sent, or null when there was none. */
  authorization: string | null;
  /** The token the caller meant to send, repaired of header mistakes (analyzer context). */
  token: string | null;
}

/** What an action will send, shown before it is sent. No token: `headers` names it by fingerprint. */
export interface ActivePlan {
  action: ActiveAction;
  method: 'GET';
  /** Where it goes, with query secrets redacted for display. */
  url: string;
  /** Other URLs the user may send it to instead (the two forms of the Rolodex probe, SPEC §2). */
  alternatives: string[];
  /** The headers as shown; `[]` when none is sent (the JWKS fetch carries no credentials). */
  headers: HttpHeader[];
  /** The host permission to ask for at the click (the issuer's origin), or null for Rhythm hosts. */
  permission: string | null;
  /** What the answer will tell. */
  purpose: string;
  /** Retry only: the cause it tests and the one thing changed. */
  fix?: { cause: CheckId; change: string };
  /** Set when the answer is known without sending anything (an issuer without https…): why. */
  noSend?: string;
  /** What the dialog must warn of before Send (an issuer hiding its real host behind userinfo). */
  warning?: string;
}

export interface ActiveRefusal {
  action: ActiveAction;
  /** Why the action can't run for this diagnosis (shown beside the disabled button). */
  refused: string;
}

export type PlanOrRefusal = ActivePlan | ActiveRefusal;

export const isRefusal = (p: PlanOrRefusal): p is ActiveRefusal => 'refused' in p;

/**
 * Why no token is at hand, so the panel says the true thing: the request carried none (a CORS
 * preflight never does), the worker restarted since (it keeps tokens in memory only), newer 401s
 * pushed it out of that memory, or the diagnosis itself is no longer kept.
 */
export type NotHeld = 'none-sent' | 'preflight' | 'restarted' | 'pushed-out' | 'gone';

export type ActivePlans =
  { held: false; why?: NotHeld } | { held: true; plans: Record<ActiveAction, PlanOrRefusal> };

/** One request an action sent, and what came back. */
export interface ActiveExchange {
  method: 'GET';
  /** Redacted for display, like the plan's. */
  url: string;
  /** The HTTP status, or 0 when there was no answer (network error, redirect not followed). */
  status: number;
  /** The answer's `WWW-Authenticate`, if any. */
  challenge: string | null;
  /** Why there was no answer, when `status` is 0. */
  error?: string;
}

/** What re-sending the request with one fix showed (kept with the diagnosis, shown in the panel). */
export interface RetryResult {
  cause: CheckId;
  change: string;
  url: string;
  status: number;
  challenge: string | null;
  /** Epoch ms when it was sent. */
  at: number;
  /** confirmed: it now succeeds; refused: still 401/403; inconclusive: anything else. */
  verdict: 'confirmed' | 'refused' | 'inconclusive';
  summary: string;
}

export type ActiveRun =
  | { kind: 'no-token' }
  | { kind: 'not-granted'; permission: string }
  | { kind: 'refused'; reason: string }
  | {
      kind: 'done';
      action: ActiveAction;
      /** The checklist row's new result (signature, contact). */
      outcome?: { id: CheckId; result: ActiveCheckOutcome };
      retry?: RetryResult;
      /** What was sent; absent when nothing had to be (an `alg` no key can verify). */
      exchange?: ActiveExchange;
    };

/**
 * An active check's result written into a diagnosis, exactly as `analyze(request, {active})` would
 * have written it (SPEC §3: the verdict and the root cause follow from the checks). Used where the
 * request is gone: the worker keeps diagnoses, never requests; the panel does the same for a pasted
 * one. Pure; tests compare it with analyze().
 */
function resultOf(id: CheckId, outcome: ActiveCheckOutcome): CheckResult {
  const { status, title, detail, fix } = outcome;
  return fix === undefined ? { id, status, title, detail } : { id, status, title, detail, fix };
}

export function patchDiagnosis(
  diagnosis: Diagnosis,
  id: CheckId,
  outcome: ActiveCheckOutcome,
): Diagnosis {
  const rank = (c: CheckResult) => CHECK_IDS.indexOf(c.id);
  const checks = diagnosis.checks
    .map((c) => (c.id === id ? resultOf(id, outcome) : c))
    .sort((a, b) => rank(a) - rank(b));
  return { ...diagnosis, checks, ...summarize(checks) };
}
