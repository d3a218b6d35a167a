/**
 * Every message between the extension's pages and its service worker, in one map (STYLE.md):
 * the sender's and the handler's types both derive from it. Commands are imperative, events past
 * tense. Replies are `Result`s because an Error does not survive extension messaging.
 */
import type { CapturedRequest, TokenSubject } from '../analyzer/index.js';
import { isActiveAction, type ActiveAction, type ActivePlans, type ActiveRun } from './active.js';
import type { LastSuccess, StoredDiagnosis } from './stored.js';

export interface MessageMap {
  'get-tab': { request: { tabId: number }; reply: { diagnoses: StoredDiagnosis[] } };
  'clear-tab': { request: { tabId: number }; reply: { cleared: true } };
  /** DevTools saw requests the worker may have missed (other sites, before the panel opened). */
  'add-captured': {
    request: {
      tabId: number;
      requests: Array<{ request: CapturedRequest; responseBody?: string; key: string }>;
    };
    reply: { added: number; count: number };
  };
  'get-last-success': {
    request: { tabId: number; host: string; route: string; subject: TokenSubject };
    reply: { value: LastSuccess | null };
  };
  /**
   * What each active check would send for a diagnosis (no token in the reply). `request`: the
   * panel's own copy of the request (pasted, or from DevTools' log), when it has one.
   */
  'plan-active': {
    request: { tabId: number; entryId: string; request?: CapturedRequest };
    reply: ActivePlans;
  };
  /** Runs one active check the user confirmed, for the URL the plan showed. */
  'run-active': {
    request: {
      tabId: number;
      entryId: string;
      action: ActiveAction;
      url: string;
      request?: CapturedRequest;
    };
    reply: ActiveRun;
  };
}

export type MessageType = keyof MessageMap;
export type MessageRequest<T extends MessageType> = MessageMap[T]['request'];
export type MessageReply<T extends MessageType> = MessageMap[T]['reply'];

export type Result<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: MessageRequest<T>;
}

/** Events the worker pushes down a panel's port (`panel:<tabId>`). */
export type PortEvent =
  | { type: 'request-diagnosed'; entry: StoredDiagnosis }
  /** A kept diagnosis changed: an active check's result was written into it. */
  | { type: 'diagnosis-updated'; entry: StoredDiagnosis }
  | { type: 'tab-cleared'; tabId: number };

export const PANEL_PORT_PREFIX = 'panel:';

const isTabId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isCaptured(v: unknown): v is CapturedRequest {
  if (!isObject(v)) return false;
  const headersOk = (h: unknown) =>
    Array.isArray(h) &&
    h.every((x) => isObject(x) && typeof x.name === 'string' && typeof x.value === 'string');
  return (
    typeof v.url === 'string' &&
    typeof v.method === 'string' &&
    typeof v.status === 'number' &&
    typeof v.sentAt === 'number' &&
    Number.isFinite(v.sentAt) &&
    headersOk(v.requestHeaders) &&
    headersOk(v.responseHeaders) &&
    // The optional fields too: analyze() trusts the type, and a string here made it throw.
    (v.redirectedFrom === undefined ||
      (Array.isArray(v.redirectedFrom) && v.redirectedFrom.every((u) => typeof u === 'string'))) &&
    (v.type === undefined || typeof v.type === 'string')
  );
}

const isEntryId = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= 200;
const isUrl = (v: unknown): v is string => typeof v === 'string' && v.length <= 8192;

/** Validates an incoming message; returns null for anything that is not exactly one of ours. */
export function parseEnvelope(raw: unknown): Envelope | null {
  if (!isObject(raw) || typeof raw.type !== 'string' || !isObject(raw.payload)) return null;
  const p = raw.payload;
  switch (raw.type as MessageType) {
    case 'get-tab':
    case 'clear-tab':
      return isTabId(p.tabId) ? (raw as unknown as Envelope) : null;
    case 'get-last-success':
      return isTabId(p.tabId) &&
        typeof p.host === 'string' &&
        typeof p.route === 'string' &&
        (p.subject === 'user' || p.subject === 'm2m' || p.subject === 'unknown')
        ? (raw as unknown as Envelope)
        : null;
    case 'plan-active':
      return isTabId(p.tabId) &&
        isEntryId(p.entryId) &&
        (p.request === undefined || isCaptured(p.request))
        ? (raw as unknown as Envelope)
        : null;
    case 'run-active':
      return isTabId(p.tabId) &&
        isEntryId(p.entryId) &&
        isActiveAction(p.action) &&
        isUrl(p.url) &&
        (p.request === undefined || isCaptured(p.request))
        ? (raw as unknown as Envelope)
        : null;
    case 'add-captured':
      return isTabId(p.tabId) &&
        Array.isArray(p.requests) &&
        p.requests.length <= 5000 &&
        p.requests.every(
          (r) =>
            isObject(r) &&
            typeof r.key === 'string' &&
            isCaptured(r.request) &&
            (r.responseBody === undefined || typeof r.responseBody === 'string'),
        )
        ? (raw as unknown as Envelope)
        : null;
    default:
      return null;
  }
}
