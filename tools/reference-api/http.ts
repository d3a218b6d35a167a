/**
 * The request and response shapes every handler of the reference API uses, kept free of node's
 * http objects so handlers are plain functions that tests call directly, plus the CORS headers
 * an API gateway would add.
 */

export interface ReferenceRequest {
  method: string;
  /** The Host header without the port, lowercase. */
  host: string;
  /** The path as sent (percent-encoded), without the query. */
  path: string;
  query: Readonly<Record<string, string>>;
  /** Lowercase names. */
  headers: Readonly<Record<string, string>>;
  /** The request body as text (issuer endpoints only read it). */
  body?: string;
  /** When the request arrived, epoch MILLISECONDS: the only clock any handler sees. */
  now: number;
}

export interface ReferenceResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /**
   * Which rule decided the answer (`expired`, `tenant-mismatch`…), for tests to assert on.
   * Never sent on the wire: the real API has no such header.
   */
  rule: string;
}

export const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const ALWAYS_ALLOWED_HEADERS = ['Authorization', 'Content-Type'];

export function jsonResponse(
  status: number,
  value: unknown,
  rule: string,
  headers: Record<string, string> = {},
): ReferenceResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
    rule,
  };
}

/**
 * Headers on every (non-preflight) answer. `WWW-Authenticate` and `Date` are exposed so page
 * scripts, and the extension's panel, can read the challenge and judge clock skew.
 */
export function corsHeaders(request: ReferenceRequest): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': request.headers['origin'] ?? '*',
    'Access-Control-Expose-Headers': 'WWW-Authenticate, Date',
    Vary: 'Origin',
  };
}

/** A successful preflight: allows the origin, the methods and whatever headers were asked for. */
export function preflightResponse(request: ReferenceRequest): ReferenceResponse {
  const requested = (request.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  const lower = new Set(ALWAYS_ALLOWED_HEADERS.map((h) => h.toLowerCase()));
  const allowHeaders = [
    ...ALWAYS_ALLOWED_HEADERS,
    ...requested.filter((h) => !lower.has(h.toLowerCase())),
  ];
  return {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': request.headers['origin'] ?? '*',
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': allowHeaders.join(', '),
      Vary: 'Origin, Access-Control-Request-Headers',
    },
    body: '',
    rule: 'preflight',
  };
}

/** Path segments, percent-decoded; a single trailing slash is ignored as most routers do. */
export function pathSegments(path: string): string[] {
  const trimmed = path.replace(/^\//, '').replace(/(.)\/$/, '$1');
  if (trimmed === '') return [];
  return trimmed.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}
