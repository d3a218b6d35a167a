/**
 * Everything the checks need, read once from a CapturedRequest: the Authorization header (or
 * the look-alike the token was found under), the decoded token, the URL split the Rhythm way.
 * Each check is then a small pure function of this context.
 */
import { decodeToken, type DecodedToken } from './parse/decode-token.js';
import { findHeader, headerValue } from './parse/headers.js';
import { jsonSafeObject } from './parse/json-safe.js';
import { parseAuthorization, type ParsedAuthorization } from './parse/parse-authorization.js';
import { isParsedUrl, parseUrl, type ParsedUrl } from './parse/url.js';
import { CLAIM_CONTACT_ID } from './rhythm.js';
import type {
  AnalyzerSettings,
  CapturedRequest,
  TokenSubject,
  WwwAuthenticateChallenge,
} from './types.js';
import { parseWwwAuthenticate } from './parse/www-authenticate.js';
import { isoTime } from './text.js';

/** Header names people use by mistake for `Authorization`. Compared lower-case. */
export const LOOKALIKE_HEADERS = [
  'authorisation',
  'x-authorization',
  'x-authorisation',
  'auth',
  'x-auth',
  'token',
  'x-token',
  'access-token',
  'x-access-token',
  'access_token',
  'bearer',
  'jwt',
  'x-jwt',
  'x-auth-token',
  'authentication',
] as const;

const LOOKALIKES: ReadonlySet<string> = new Set(LOOKALIKE_HEADERS);
/** The lengths of the look-alike names: a header of another length is not lower-cased to compare. */
const LOOKALIKE_LENGTHS: ReadonlySet<number> = new Set(LOOKALIKE_HEADERS.map((h) => h.length));

export const TOKEN_QUERY_PARAMS = ['access_token', 'token', 'id_token'] as const;

export interface TokenSource {
  /** Where the token was found: the Authorization header, a look-alike header, or a query parameter. */
  kind: 'authorization' | 'lookalike-header' | 'query';
  /** The header or parameter name as sent. */
  name: string;
  value: string;
}

export interface AnalysisContext {
  request: CapturedRequest;
  settings: AnalyzerSettings;
  method: string;
  /** A CORS preflight: sent by the browser without credentials. */
  isPreflight: boolean;
  /** The Authorization header, when the request carried one under that exact name. */
  authorization: ParsedAuthorization | null;
  source: TokenSource | null;
  /** The token string the caller meant to send, repaired of header mistakes; null without one. */
  token: string | null;
  decoded: DecodedToken | null;
  claims: Record<string, unknown> | null;
  subject: TokenSubject;
  /** Null when no URL was given (CLI without `--url`); `{error}` when it does not parse. */
  url: ParsedUrl | { error: string } | null;
  challenges: WwwAuthenticateChallenge[];
  challengeRaw: string | null;
  dateHeader: string | null;
  /** `request.sentAt` as the checks write it (isoTime), once for all of them. */
  sentAtIso: string;
}

/** `url`: the request's URL as parsed, or undefined to parse it here (only if no header carried a token). */
function findTokenSource(
  request: Pick<CapturedRequest, 'url' | 'requestHeaders'>,
  url: AnalysisContext['url'] | undefined,
): TokenSource | null {
  const auth = findHeader(request.requestHeaders, 'authorization');
  if (auth) return { kind: 'authorization', name: auth.name, value: auth.value };
  for (const header of request.requestHeaders) {
    // A name that lower-cases to an (ASCII) look-alike has its length.
    if (LOOKALIKE_LENGTHS.has(header.name.length) && LOOKALIKES.has(header.name.toLowerCase())) {
      return { kind: 'lookalike-header', name: header.name, value: header.value };
    }
  }
  // The query is the last place looked in: the URL is parsed only when no header carried a token.
  const parsed = url !== undefined ? url : request.url ? parseUrl(request.url) : null;
  if (isParsedUrl(parsed)) {
    const param = parsed.query.find((q) =>
      (TOKEN_QUERY_PARAMS as readonly string[]).includes(q.key),
    );
    if (param) return { kind: 'query', name: param.key, value: param.value };
  }
  return null;
}

export function subjectOf(claims: Record<string, unknown> | null): TokenSubject {
  if (!claims) return 'unknown';
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (claims.gty === 'client-credentials' || sub.endsWith('@clients')) return 'm2m';
  // RFC 9068 §2.2 (and Okta's `cid`): a client-credentials token's subject is the client itself;
  // Microsoft marks app-only tokens `idtyp: app`.
  if (sub !== '' && (sub === claims.client_id || sub === claims.cid)) return 'm2m';
  if (claims.idtyp === 'app') return 'm2m';
  if (sub !== '' || typeof claims[CLAIM_CONTACT_ID] === 'string') return 'user';
  return 'unknown';
}

/**
 * Where the token was sent and the token itself, without decoding it: what the shells need to
 * hold or scrub a token (active checks, reports) without building a whole analysis context.
 */
export function readToken(
  request: Pick<CapturedRequest, 'url' | 'requestHeaders'>,
  url?: AnalysisContext['url'],
): { source: TokenSource | null; parsed: ParsedAuthorization | null; token: string | null } {
  const source = findTokenSource(request, url);
  // Under a look-alike name or in the query, the value may still carry a scheme: parse it too.
  const parsed = source ? parseAuthorization(source.value) : null;
  return { source, parsed, token: parsed?.token ?? null };
}

/** The decoded token with JSON-safe header and claims; itself when they already are (every real token). */
function jsonSafeDecoded(raw: DecodedToken): DecodedToken {
  const header = jsonSafeObject(raw.header);
  const claims = jsonSafeObject(raw.claims);
  if (header === raw.header && claims === raw.claims) return raw;
  // The header's JSON text describes the header as decoded: kept only while that is unchanged.
  return { ...raw, header, claims, headerJson: header === raw.header ? raw.headerJson : undefined };
}

export function buildContext(
  request: CapturedRequest,
  settings: AnalyzerSettings,
): AnalysisContext {
  const method = request.method.toUpperCase();
  const url = request.url ? parseUrl(request.url) : null;
  const { source, parsed, token } = readToken(request, url);
  const authorization = source?.kind === 'authorization' ? parsed : null;
  const raw = token ? decodeToken(token, parsed?.strictJws === true) : null;
  const decoded = raw ? jsonSafeDecoded(raw) : null;
  const claims = decoded?.claims ?? null;
  const challengeRaw = headerValue(request.responseHeaders, 'www-authenticate');
  return {
    request,
    settings,
    method,
    isPreflight: method === 'OPTIONS' || request.type === 'preflight',
    authorization,
    source,
    token,
    decoded,
    claims,
    subject: subjectOf(claims),
    url,
    challenges: challengeRaw ? parseWwwAuthenticate(challengeRaw) : [],
    challengeRaw,
    dateHeader: headerValue(request.responseHeaders, 'date'),
    sentAtIso: isoTime(request.sentAt),
  };
}
