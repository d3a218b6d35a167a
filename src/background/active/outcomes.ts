/**
 * What the answers of the active checks mean, as checklist results (SPEC §3): pure mappings from
 * what happened on the wire to a status, a title, the evidence and a fix. The network and jose
 * live beside it (active-checks.ts, verify-signature.ts); everything said to the user is decided here.
 */
import { type ActiveCheckOutcome, quote } from '../../analyzer/index.js';
import type { RetryResult } from '../../shared/active.js';

/** How a signature check ended, before it is put in words. */
export type SignatureResult =
  | { kind: 'verified'; url: string; kid: string | null; alg: string }
  | { kind: 'not-https'; iss: string }
  | { kind: 'unexpected-alg'; alg: string }
  /** No answer at all: DNS, TLS, offline, a proxy. */
  | { kind: 'unreachable'; url: string; error: string }
  | { kind: 'http-error'; url: string; status: number }
  | { kind: 'not-json'; url: string; contentType: string | null }
  | { kind: 'not-jwks'; url: string }
  | { kind: 'unknown-kid'; url: string; kid: string | null; kids: string[] }
  | { kind: 'bad-signature'; url: string; kid: string | null }
  | { kind: 'malformed'; message: string };

const FIX_ISSUER =
  "Check the token's issuer (`iss`): it must be your Auth0 domain (`https://<tenant>.us.auth0.com/`, or your custom domain), which publishes its keys at `/.well-known/jwks.json`.";
const FIX_SIGNED_ELSEWHERE =
  'Use the token exactly as Auth0 issued it, from the Auth0 tenant your app is configured with: a token signed by another tenant or by your own code is refused.';

const kidText = (kid: string | null) => (kid === null ? 'no `kid`' : `\`kid\` ${quote(kid, 60)}`);

/** Whose keys a verified signature was checked with: the token's `iss` and the configured one. */
export interface IssuerContext {
  iss: string;
  /** The expected issuer of the Options page, when set. */
  expectedIssuer?: string;
}

/**
 * A signature verified with the keys of `iss` proves that `iss` signed it, not that `iss` is the
 * user's Auth0 tenant: anyone can publish a JWKS. Said unless `iss` is the configured issuer.
 */
function tenantNote(issuer: IssuerContext | undefined): { title: string; note: string } | null {
  if (!issuer) return null;
  const { iss, expectedIssuer } = issuer;
  if (expectedIssuer && iss === expectedIssuer) return null;
  return {
    title: ', but the issuer is not confirmed as your tenant',
    note: expectedIssuer
      ? ` That proves only that ${quote(iss, 200)} signed it: it is not the issuer configured in Options (${quote(expectedIssuer, 200)}), so it is not confirmed as your tenant.`
      : ` That proves only that ${quote(iss, 200)} signed it: no expected issuer is set in Options, so it is not confirmed as your tenant (set it to confirm).`,
  };
}

export function signatureOutcome(
  result: SignatureResult,
  issuer?: IssuerContext,
): ActiveCheckOutcome {
  switch (result.kind) {
    case 'verified': {
      const tenant = tenantNote(issuer);
      return {
        status: 'pass',
        title: `Signature verified with the issuer's key${result.kid ? ` ${quote(result.kid, 60)}` : ''}${tenant?.title ?? ''}`,
        detail: `The ${result.alg} signature verifies with ${kidText(result.kid)} from ${result.url}: the issuer signed this token and it was not altered.${tenant?.note ?? ''}`,
      };
    }
    case 'not-https':
      return {
        status: 'fail',
        title: 'Issuer is not https: its keys are not trusted',
        detail: `\`iss\` is ${quote(result.iss)}. Keys fetched without https could be altered on the way, so the signature was not checked; Rhythm refuses such an issuer too.`,
        fix: FIX_ISSUER,
      };
    case 'unexpected-alg':
      return {
        status: 'fail',
        title: `Signed with \`${result.alg.slice(0, 40)}\`, not RS256`,
        detail: `The token's header says \`alg: ${quote(result.alg, 40)}\`. Auth0 signs Rhythm access tokens with RS256 and the API accepts nothing else (an \`HS256\` token was signed with a shared secret, an \`alg: none\` token is not signed at all).`,
        fix: 'Request the token from Auth0 with `audience=https://api.rhythmsoftware.com`; never sign or build Rhythm tokens yourself.',
      };
    case 'unreachable':
      // No answer says as much about this browser's network as about the issuer: not a verdict.
      return {
        status: 'warn',
        title: "Signature not verified: the issuer's keys could not be fetched",
        detail: `GET ${result.url} got no answer (${result.error.slice(0, 200)}). This may be your network (offline, a proxy) rather than the token.`,
        fix: `${FIX_ISSUER} Then verify again.`,
      };
    case 'http-error':
      return {
        status: 'fail',
        title: `Issuer's keys unavailable: JWKS answered ${result.status}`,
        detail: `GET ${result.url} answered HTTP ${result.status}, not a key set. The Rhythm API cannot verify tokens from an issuer whose keys it cannot read either.`,
        fix: FIX_ISSUER,
      };
    case 'not-json':
      return {
        status: 'fail',
        title: "Issuer's JWKS is not JSON",
        detail: `GET ${result.url} answered 200 with ${result.contentType ? quote(result.contentType, 60) : 'no content type'}, not a JSON key set: the issuer is probably not an Auth0 domain.`,
        fix: FIX_ISSUER,
      };
    case 'not-jwks':
      return {
        status: 'fail',
        title: "Issuer's JWKS has no usable keys",
        detail: `GET ${result.url} answered JSON, but not a key set (\`{"keys": […]}\` of public keys).`,
        fix: FIX_ISSUER,
      };
    case 'unknown-kid':
      return {
        status: 'fail',
        title: `No key of the issuer matches ${kidText(result.kid)}`,
        detail: `The token names ${kidText(result.kid)}; ${result.url} publishes ${
          result.kids.length === 0
            ? 'no key with a kid'
            : result.kids
                .slice(0, 5)
                .map((k) => quote(k, 40))
                .join(', ')
        }. The token was signed by a key this issuer does not publish: another Auth0 tenant, a key rotated out long ago, or not Auth0 at all.`,
        fix: FIX_SIGNED_ELSEWHERE,
      };
    case 'bad-signature':
      return {
        status: 'fail',
        title: "Signature does not verify with the issuer's key",
        detail: `${result.url} has the key the token names (${kidText(result.kid)}), but it does not verify the signature: the token was changed after it was signed, or signed by another key under the same kid.`,
        fix: FIX_SIGNED_ELSEWHERE,
      };
    case 'malformed':
      return {
        status: 'fail',
        title: 'Token could not be read to verify it',
        detail: `The signature could not be checked: ${result.message.slice(0, 200)}.`,
        fix: 'Send the token exactly as Auth0 issued it (see token.format).',
      };
    default: {
      const unhandled: never = result;
      return unhandled;
    }
  }
}

/** One answer of Rolodex to the contact probe; `status` 0: none. */
export interface ContactProbe {
  url: string;
  status: number;
  challenge: string | null;
  /** The response body as text (first few KB). */
  body: string | null;
  error?: string;
}

export interface ContactFound {
  id: string;
  name: string | null;
}

/** The contact in a 200 body, read defensively (page data is untrusted). */
export function contactOf(body: string | null): ContactFound | null {
  if (body === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const id = typeof v.id === 'string' || typeof v.id === 'number' ? String(v.id) : null;
  if (id === null) return null;
  const parts = [v.first_name, v.last_name].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  const name = parts.length ? parts.join(' ') : typeof v.name === 'string' ? v.name : null;
  return { id, name };
}

const challengeText = (c: string | null) =>
  c
    ? ` with \`WWW-Authenticate: ${c.slice(0, 300).replace(/`/g, "'")}\``
    : ' without a WWW-Authenticate header';

export function contactOutcome(probe: ContactProbe): ActiveCheckOutcome {
  const where = `GET ${probe.url}`;
  if (probe.status === 200) {
    const contact = contactOf(probe.body);
    if (!contact)
      return {
        status: 'warn',
        title: 'Rolodex accepted the token, but named no contact',
        detail: `${where} answered 200 without a contact record in the body.`,
        fix: 'Check the response in the Network panel; the token itself was accepted.',
      };
    return {
      status: 'pass',
      title: `Rolodex knows this token's contact: ${quote(contact.id, 60)}${contact.name ? ` (${contact.name.slice(0, 80)})` : ''}`,
      detail: `${where} answered 200: the token is accepted and its contact is ${quote(contact.id, 60)}${contact.name ? `, ${quote(contact.name, 80)}` : ''}.`,
    };
  }
  if (probe.status === 401 || probe.status === 403) {
    return {
      status: 'fail',
      title: `Rolodex refused the token (${probe.status})`,
      detail: `${where} answered ${probe.status}${challengeText(probe.challenge)}.`,
      fix: "Read the server's answer: a machine-to-machine token has no contact (call it with a user token), a user who never logged into the Rhythm UI has none yet (log in once), otherwise fix the failed checks above.",
    };
  }
  if (probe.status === 404)
    return {
      status: 'warn',
      title: 'Rolodex accepted the token but found no contact',
      detail: `${where} answered 404: the token passed, but its \`contact_id\` names no contact of this tenant.`,
      fix: 'Check that the user logged into the Rhythm UI of this tenant, and that the token is for that tenant.',
    };
  if (probe.status === 0)
    return {
      status: 'info',
      title: 'Rolodex did not answer',
      detail: `${where} got no answer (${(probe.error ?? 'network error').slice(0, 200)}): not a verdict on the token.`,
    };
  return {
    status: 'info',
    title: `Rolodex answered ${probe.status}`,
    detail: `${where} answered ${probe.status}${challengeText(probe.challenge)}: not a verdict on the token.`,
  };
}

/** What a retry sent and got back; `error` says why there was no answer (status 0). */
export type RetryAnswer = Omit<RetryResult, 'verdict' | 'summary'> & { error?: string };

export function retryResult(input: RetryAnswer): RetryResult {
  const { status } = input;
  const base = { ...input };
  delete base.error;
  if (status >= 200 && status < 300)
    return {
      ...base,
      verdict: 'confirmed',
      summary: `It now succeeds: \`${input.cause}\` was the cause. Make the same change in your code.`,
    };
  if (status === 401 || status === 403)
    return {
      ...base,
      verdict: 'refused',
      summary: `Still ${status}${challengeText(input.challenge)}: fixing \`${input.cause}\` alone is not enough; another cause remains (see the other failed checks).`,
    };
  return {
    ...base,
    verdict: 'inconclusive',
    summary:
      status === 0
        ? `No answer (${(input.error ?? 'network error').slice(0, 200)}): nothing confirmed.`
        : `It answered ${status}: no longer a 401, so the credentials pass; check the URL and the request itself.`,
  };
}
