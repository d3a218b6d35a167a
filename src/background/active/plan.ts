/**
 * What each active check would send for a diagnosis: pure, so the worker (which sends) and the
 * tests compute the same thing. `plan` is what the user sees and confirms (no token, query secrets
 * redacted); `send` is what the worker sends, kept on its side. Only Rhythm API hosts and the
 * token's own issuer are ever planned (SPEC §7).
 */
import {
  type CheckId,
  CLAIM_TENANT_ID,
  type Diagnosis,
  homeModuleOf,
  isRhythmApiHost,
  moduleHost,
  parseAuthorization,
  parseUrl,
  redactUrl,
  type SchemeProblem,
} from '../../analyzer/index.js';
import { tokenLabel } from './held.js';
import type { ActiveAction, ActivePlan, ActiveRefusal, HeldRequest } from '../../shared/active.js';

export const ROLODEX_ORIGIN = `https://${moduleHost('rolodex')}`;
/** The algorithm Rhythm tokens are signed with (SPEC §2); the JWKS check accepts no other. */
export const EXPECTED_ALG = 'RS256';

export interface Send {
  url: string;
  /** The `Authorization` value to send, or null (the JWKS fetch sends none). */
  authorization: string | null;
}

export type Planned = { plan: ActivePlan; send: Send } | ActiveRefusal;

const refuse = (action: ActiveAction, refused: string): ActiveRefusal => ({ action, refused });

/**
 * `<iss>.well-known/jwks.json` (Auth0 issuers end in `/`), or null when `iss` is no URL. Without
 * any userinfo of `iss`: a credential is never sent (and fetch refuses a URL carrying one).
 */
export function jwksUrlOf(iss: string): URL | null {
  try {
    const url = new URL('.well-known/jwks.json', iss.endsWith('/') ? iss : `${iss}/`);
    url.username = '';
    url.password = '';
    return url;
  } catch {
    return null;
  }
}

/** True when a URL carries userinfo (`https://acme-org.us.auth0.com@evil.example/`). */
const hasUserinfo = (url: string) => /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);

/**
 * The words of the confirm dialog for an issuer with userinfo: its user name shown for what it is
 * (a password, if any, never), and the real host the keys would come from.
 */
function userinfoWarning(iss: string, host: string): string {
  let user: string;
  try {
    user = decodeURIComponent(new URL(iss).username);
  } catch {
    user = '';
  }
  return `Not the issuer it looks like: in the token's \`iss\`, ${user ? `\`${user.slice(0, 120).replace(/`/g, "'")}@\`` : 'the part before `@`'} is userinfo (a user name), not a host. Its real host is \`${host}\`: the keys come from there, and this issuer is not confirmed as your tenant.`;
}

export function planSignature(diagnosis: Diagnosis, held: HeldRequest): Planned {
  const action = 'signature';
  if (!held.token) return refuse(action, 'No token was sent: there is no signature to verify.');
  if (diagnosis.token.form !== 'jws')
    return refuse(action, 'Only a signed JWT has a signature to verify; this token is not one.');
  const iss = diagnosis.token.claims?.iss;
  if (typeof iss !== 'string' || iss === '')
    return refuse(
      action,
      'The token names no issuer (`iss`): there are no keys to verify it with.',
    );
  const url = jwksUrlOf(iss);
  if (!url) return refuse(action, `The issuer \`${iss.slice(0, 200)}\` is not a URL.`);
  // `https://acme-org.us.auth0.com@evil.example/`: all before `@` is a user name, not the host.
  // The keys would come from the real host: the plan says so, and never sends the userinfo.
  const warning = hasUserinfo(iss) ? userinfoWarning(iss, url.hostname) : undefined;
  const alg = diagnosis.token.header?.alg;
  const noSend =
    url.protocol !== 'https:'
      ? `The issuer is not https, so its keys are not fetched (they could be altered on the way): the check fails without sending anything.`
      : alg !== EXPECTED_ALG
        ? `The token says \`alg: ${String(alg).slice(0, 40)}\`; Rhythm accepts only ${EXPECTED_ALG}, so no key is fetched: the check fails without sending anything.`
        : undefined;
  return {
    plan: {
      action,
      method: 'GET',
      url: url.href,
      alternatives: [],
      headers: [],
      permission: `${url.protocol}//${url.host}/*`,
      purpose:
        "Fetches the issuer's public keys (JWKS) and verifies the token's signature with them, here in the extension. The token itself is not sent anywhere.",
      ...(noSend ? { noSend } : {}),
      ...(warning ? { warning } : {}),
    },
    send: { url: url.href, authorization: null },
  };
}

export function contactUrls(diagnosis: Diagnosis): string[] {
  const tenant = diagnosis.token.claims?.[CLAIM_TENANT_ID];
  const bare = `${ROLODEX_ORIGIN}/contacts/current`;
  return typeof tenant === 'string' && tenant.trim() !== ''
    ? [`${ROLODEX_ORIGIN}/contacts/${encodeURIComponent(tenant)}/current`, bare]
    : [bare];
}

export function planContact(diagnosis: Diagnosis, held: HeldRequest): Planned {
  const action = 'contact';
  if (!held.token)
    return refuse(action, 'No token was sent: there is nothing to ask Rolodex about.');
  const [url, ...alternatives] = contactUrls(diagnosis) as [string, ...string[]];
  return {
    plan: {
      action,
      method: 'GET',
      url,
      alternatives,
      headers: [
        { name: 'Authorization', value: `Bearer ${tokenLabel(diagnosis.token.fingerprint)}` },
      ],
      permission: null,
      purpose:
        'Asks Rolodex for the contact of this token: 200 with the contact, or 401 when Rolodex refuses the token.',
    },
    send: { url, authorization: `Bearer ${held.token}` },
  };
}

/** Header mistakes a retry can repair: the token is intact, only its wrapping is wrong. */
const HEADER_FIXES: Partial<Record<SchemeProblem, string>> = {
  'no-scheme': 'added `Bearer ` in front of the token',
  'double-bearer': 'sent `Bearer` once instead of twice',
  'no-space': 'put a space after `Bearer`',
  quoted: 'removed the quotes around the token',
};

const RETRY_CAUSES: readonly CheckId[] = ['header.scheme', 'url.service', 'url.tenant'];

interface Fix {
  url: string;
  authorization: string;
  change: string;
}

function fixFor(cause: CheckId, diagnosis: Diagnosis, held: HeldRequest): Fix | string {
  const token = held.token;
  if (held.authorization === null) return 'There is no Authorization header to send again.';
  if (!token)
    return 'The header holds no bearer token to re-send: this needs a change in your code.';
  const url = parseUrl(held.url);
  if ('error' in url) return 'The request URL does not parse.';
  if (cause === 'header.scheme') {
    const problem = parseAuthorization(held.authorization).problem;
    const change = problem ? HEADER_FIXES[problem] : undefined;
    if (!change)
      return 'This header mistake needs a change in your code (there is no intact token to re-wrap).';
    return { url: held.url, authorization: `Bearer ${token}`, change };
  }
  const u = new URL(held.url);
  if (cause === 'url.service') {
    const home = homeModuleOf(url.resource);
    if (!home)
      return `Which module serves \`${(url.resource ?? '').slice(0, 60)}\` is not known, so there is no right host to try.`;
    if (u.protocol !== 'https:') return 'The request was not https; retries go over https only.';
    u.hostname = moduleHost(home);
    return {
      url: u.href,
      authorization: held.authorization,
      change: `sent it to ${moduleHost(home)} instead of ${url.host}`,
    };
  }
  // url.tenant: the second path segment becomes the token's tenant_id.
  const tenant = diagnosis.token.claims?.[CLAIM_TENANT_ID];
  if (typeof tenant !== 'string' || tenant === '' || url.rawSegments.length < 2)
    return 'The token has no tenant_id to put in the path.';
  const segments = [...url.rawSegments];
  const was = url.tenant ?? '';
  segments[1] = encodeURIComponent(tenant);
  u.pathname = `/${segments.join('/')}`;
  return {
    url: u.href,
    authorization: held.authorization,
    change: `put the token's tenant \`${tenant}\` in the path instead of \`${was.slice(0, 60)}\``,
  };
}

export function planRetry(diagnosis: Diagnosis, held: HeldRequest): Planned {
  const action = 'retry';
  const method = diagnosis.request.method.toUpperCase();
  if (method !== 'GET')
    return refuse(
      action,
      `Only GET requests are sent again: a ${method.slice(0, 12)} could change data on the server. Fix the code and send it yourself.`,
    );
  const cause = diagnosis.rootCause?.id;
  if (!cause) return refuse(action, 'No check failed: there is no fix to try.');
  if (!RETRY_CAUSES.includes(cause))
    return refuse(
      action,
      `Retry with fix covers header and URL causes (a missing or doubled \`Bearer\`, a wrong host, a wrong tenant in the path); the root cause here is \`${cause}\`.`,
    );
  const fix = fixFor(cause, diagnosis, held);
  if (typeof fix === 'string') return refuse(action, fix);
  const target = new URL(fix.url);
  if (target.protocol !== 'https:' || !isRhythmApiHost(target.hostname))
    return refuse(action, `Retries go only to the Rhythm API hosts, not ${target.hostname}.`);
  // `user:pass@` in the URL is a credential (SPEC §6): a retry is sent without it (fetch refuses
  // such a URL anyway, quoting it whole in its error) and never shows it.
  target.username = '';
  target.password = '';
  const token = held.token ?? '';
  const shown = fix.authorization.split(token).join(tokenLabel(diagnosis.token.fingerprint));
  return {
    plan: {
      action,
      method: 'GET',
      url: redactUrl(target.href),
      alternatives: [],
      headers: [{ name: 'Authorization', value: shown }],
      permission: null,
      purpose: `Sends the request again with one change (${fix.change}) and nothing else: if it now succeeds, that was the cause.`,
      fix: { cause, change: fix.change },
    },
    send: { url: target.href, authorization: fix.authorization },
  };
}

const PLANNERS: Readonly<
  Record<ActiveAction, (diagnosis: Diagnosis, held: HeldRequest) => Planned>
> = {
  signature: planSignature,
  contact: planContact,
  retry: planRetry,
};

export function planAction(action: ActiveAction, diagnosis: Diagnosis, held: HeldRequest): Planned {
  return PLANNERS[action](diagnosis, held);
}
