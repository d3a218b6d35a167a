/**
 * Property tests for `analyze` (SPEC §7: hostile or malformed input yields a diagnosis, never an
 * exception). Inputs start from real signed tokens and break them the ways tokens get broken in
 * transit (cut, wrapped, re-encoded, double-prefixed), plus random URLs and headers.
 * 10,000 runs in total, split across the properties below.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import { CLAIM_TENANT_ID, KNOWN_RESOURCES, RHYTHM_MODULES } from '../../../src/analyzer/rhythm.js';
import {
  CHECK_IDS,
  CHECK_STATUSES,
  type AnalyzerSettings,
  type CapturedRequest,
  type Diagnosis,
  type HttpHeader,
} from '../../../src/analyzer/types.js';
import { T0, TEST_TENANT, noAudienceToken, signToken } from '../../helpers/tokens.js';

/** Thousands of runs: seconds on a quiet machine, much more on a loaded one (never a failure). */
const PROPERTY_TIMEOUT = 120_000;

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const hostile = (json: string): Record<string, unknown> =>
  JSON.parse(json) as Record<string, unknown>;
/** The claims of a payload segment an earlier mutation may have broken. */
function readClaims(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString());
  } catch {
    return {};
  }
}

const REAL_TOKENS = await Promise.all([
  signToken(),
  signToken({ kind: 'm2m' }),
  signToken({ kind: 'id' }),
  signToken({ iatMs: T0 - 7 * 86_400_000 }),
  signToken({ claims: hostile('{"__proto__":{"x":1},"constructor":{"prototype":{"y":1}}}') }),
  signToken({
    claims: { aud: 42, exp: 'tomorrow', iss: null, [CLAIM_TENANT_ID]: { toString: 1 } },
  }),
  signToken({
    claims: { note: 'x'.repeat(20_000), roles: Array.from({ length: 500 }, (_, i) => `r${i}`) },
  }),
]);

/** JSON text no token should hold, put where the payload or header goes. */
const HOSTILE_JSON = [
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}},"toString":1,"hasOwnProperty":null}',
  `{"${CLAIM_TENANT_ID}":{"__proto__":null},"aud":{"length":1}}`,
  '{"alg":"none"}',
  '{"alg":{"x":1}}',
  '{"exp":1e400,"iat":-1e400,"nbf":"x"}',
  '{"exp":-0,"iat":null}',
  '[]',
  'null',
  '"eyJ"',
  '1',
  '{',
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
  `{"huge":"${'\\u202e'.repeat(2000)}${'y'.repeat(60_000)}"}`,
];

const INSERTS = [
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u200f',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u0000',
  '😀',
  'é',
  '.',
  '..',
  '=',
  '+',
  '/',
  '"',
  "'",
  '%20',
  '\\',
  ',',
];
const PREFIXES = [
  '',
  'Bearer ',
  'bearer ',
  'BEARER ',
  'Bearer  ',
  'Bearer',
  'Bearer Bearer ',
  'Basic ',
  'Token ',
  'JWT ',
  '"',
  'Bearer "',
  ' ',
  'undefined ',
  'Bearer\u00a0',
];

type Mutation = (token: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (n): Mutation =>
      (t) =>
        t.slice(0, n % (t.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 50 })).map(([at, len]): Mutation => (t) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + t.slice(i + len);
  }),
  fc
    .tuple(
      fc.nat(),
      fc.oneof(fc.constantFrom(...INSERTS), fc.string({ unit: 'binary', maxLength: 4 })),
    )
    .map(([at, text]): Mutation => (t) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + text + t.slice(i);
    }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const parts = t.split('.');
    const i = a % parts.length;
    const j = b % parts.length;
    [parts[i], parts[j]] = [parts[j]!, parts[i]!];
    return parts.join('.');
  }),
  fc.nat().map((n): Mutation => (t) => {
    const parts = t.split('.');
    const i = n % parts.length;
    parts[i] = Buffer.from(parts[i]!, 'base64url').toString('base64');
    return parts.join('.');
  }),
  fc.constantFrom<Mutation>(
    (t) => t + t,
    (t) => `${t}.${t}`,
    (t) => `${t} ${t}`,
    (t) => `${t}, Bearer ${t}`,
    (t) => `"${t}"`,
    (t) => `${t}\n`,
    (t) => t.split('.').slice(0, 2).join('.'),
    (t) => `${t}.`,
    (t) => t.toUpperCase(),
    (t) => encodeURIComponent(`Bearer ${t}`),
  ),
  fc
    .tuple(fc.constantFrom(0, 1), fc.oneof(fc.constantFrom(...HOSTILE_JSON), fc.json()))
    .map(([at, json]): Mutation => (t) => {
      const parts = t.split('.');
      parts[at] = b64url(json);
      return parts.join('.');
    }),
  fc.nat({ max: 100_000 }).map((n): Mutation => (t) => {
    const parts = t.split('.');
    const claims = readClaims(parts[1] ?? '');
    parts[1] = b64url(JSON.stringify({ claims, pad: 'z'.repeat(n) }));
    return parts.join('.');
  }),
);

/** A real token, broken by up to three mutations, behind a scheme prefix. */
const mutatedAuth = fc
  .tuple(
    fc.constantFrom(...REAL_TOKENS.keys()),
    fc.array(mutation, { maxLength: 3 }),
    // Mostly a correct prefix, so the checks after header.scheme see the broken tokens too.
    fc.oneof({ arbitrary: fc.constant('Bearer '), weight: 3 }, fc.constantFrom(...PREFIXES)),
  )
  .map(([index, steps, prefix]) => {
    const original = REAL_TOKENS[index]!;
    return { original, value: prefix + steps.reduce((t, step) => step(t), original) };
  });

const randomAuth = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom(
    '',
    'undefined',
    'null',
    '[object Object]',
    'Bearer',
    'Bearer ',
    'Bearer null',
    'Bearer [object Object]',
    `Bearer ${noAudienceToken()}`,
    'Bearer abc',
    'Basic dXNlcjpwYXNz',
  ),
  fc.string().map((s) => `Bearer eyJ${s}`),
);

const segment = fc.oneof(
  fc.constantFrom(
    ...Object.keys(KNOWN_RESOURCES),
    TEST_TENANT,
    'other.org',
    'ACME.ORG',
    'current',
    'C-000123',
    'undefined',
    'null',
    'NaN',
    '%5Bobject%20Object%5D',
    '{tenantId}',
    ':id',
    '%24%7Bid%7D',
    '<id>',
    '',
    '..',
    '%',
    '%E0%A4%A',
  ),
  fc.string({ maxLength: 12 }),
);
const host = fc.oneof(
  fc.constantFrom(...RHYTHM_MODULES).map((m) => `${m}.api.rhythmsoftware.com`),
  fc.constantFrom(
    'api.rhythmsoftware.com',
    'xyz.api.rhythmsoftware.com',
    'ROLODEX.API.RHYTHMSOFTWARE.COM',
    'example.com',
    'localhost:8443',
    '[::1]',
    'a b',
    '',
  ),
  fc.domain(),
);
const rhythmUrl = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', '//', ''),
    host,
    fc.array(segment, { maxLength: 5 }),
    fc.option(fc.string({ maxLength: 20 })),
  )
  .map(
    ([scheme, h, segs, query]) =>
      `${scheme}${h}/${segs.join('/')}${query === null ? '' : `?${query}`}`,
  );
const url = fc.oneof(
  rhythmUrl,
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string(),
  fc.constant(''),
);

const headerName = fc.oneof(
  fc.constantFrom(
    'Authorization',
    'authorization',
    'AUTHORIZATION',
    'Authorisation',
    'X-Authorization',
    'Auth',
    'Token',
    'access_token',
    'x-access-token',
    'Cookie',
  ),
  fc.string({ maxLength: 20 }),
);
const header = (
  name: fc.Arbitrary<string>,
  value: fc.Arbitrary<string>,
): fc.Arbitrary<HttpHeader> => fc.record({ name, value });

const challenge = fc.oneof(
  fc.constantFrom(
    'Bearer error="invalid_token", error_description="expired"',
    'Bearer realm="api"',
    'Bearer __proto__="x", constructor="y", error="invalid_token"',
    'Bearer error="',
    'Basic realm="x", Bearer error=insufficient_scope',
    'Negotiate abc==',
    '=,=,"',
    '',
  ),
  fc.string(),
);
const responseHeaders = fc.array(
  fc.oneof(
    header(fc.constantFrom('WWW-Authenticate', 'www-authenticate'), challenge),
    header(
      fc.constantFrom('Date', 'date'),
      fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
        fc.string(),
      ),
    ),
    header(fc.string({ maxLength: 20 }), fc.string()),
  ),
  { maxLength: 4 },
);

const outcome = fc.oneof(
  fc.record({
    status: fc.constantFrom('pass' as const, 'info' as const),
    title: fc.constant('Ran'),
    detail: fc.string(),
  }),
  fc.record({
    status: fc.constantFrom('fail' as const, 'warn' as const),
    title: fc.constant('Ran'),
    detail: fc.string(),
    fix: fc.constant('Do this.'),
  }),
);
const settings: fc.Arbitrary<AnalyzerSettings> = fc.record(
  {
    expectedIssuer: fc.oneof(fc.constant('https://acme-org.us.auth0.com/'), fc.string()),
    expectedClientId: fc.string(),
    extraApiHosts: fc.array(fc.oneof(fc.domain(), fc.string()), { maxLength: 3 }),
    active: fc.record({ signature: outcome, contact: outcome }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const sentAt = fc.oneof(
  fc.constant(T0 + 60_000),
  fc.integer({ min: T0 - 86_400_000 * 400, max: T0 + 86_400_000 * 400 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

function capturedRequest(auth: fc.Arbitrary<string>): fc.Arbitrary<CapturedRequest> {
  return fc
    .record({
      authHeaders: fc.array(header(headerName, auth), { minLength: 0, maxLength: 2 }),
      extraHeaders: fc.array(header(fc.string({ maxLength: 20 }), fc.string()), { maxLength: 3 }),
      url,
      method: fc.oneof(fc.constantFrom('GET', 'POST', 'OPTIONS', 'options', 'DELETE'), fc.string()),
      status: fc.oneof(fc.constantFrom(401, 200, 403, 0), fc.integer()),
      sentAt,
      responseHeaders,
      redirectedFrom: fc.option(fc.array(url, { maxLength: 2 }), { nil: undefined }),
      type: fc.option(
        fc.oneof(fc.constantFrom('preflight', 'xmlhttprequest', 'fetch'), fc.string()),
        { nil: undefined },
      ),
    })
    .map(({ authHeaders, extraHeaders, redirectedFrom, type, ...rest }) => ({
      ...rest,
      requestHeaders: [...authHeaders, ...extraHeaders],
      ...(redirectedFrom ? { redirectedFrom } : {}),
      ...(type !== undefined ? { type } : {}),
    }));
}

/** Plain JSON values only: what survives `JSON.stringify` and extension messaging unchanged. */
function assertJsonValue(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertJsonValue(v, `${path}[${i}]`));
    return;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) {
    throw new Error(`${path} is not plain JSON (${typeof value})`);
  }
  for (const key of Object.keys(value)) {
    assertJsonValue((value as Record<string, unknown>)[key], `${path}.${key}`);
  }
}

function expectWellFormed(d: Diagnosis): string {
  expect(d.checks.map((c) => c.id)).toEqual(CHECK_IDS);
  for (const c of d.checks) {
    expect(CHECK_STATUSES).toContain(c.status);
    expect(c.title.trim(), `${c.id} title`).not.toBe('');
    expect(typeof c.detail).toBe('string');
    if (c.status === 'fail' || c.status === 'warn')
      expect(c.fix?.trim(), `${c.id} fix`).toBeTruthy();
  }
  const firstFail = d.checks.find((c) => c.status === 'fail');
  const anyWarn = d.checks.some((c) => c.status === 'warn');
  expect(d.verdict).toBe(firstFail ? 'fail' : anyWarn ? 'warn' : 'pass');
  if (firstFail) expect(d.rootCause).toMatchObject({ id: firstFail.id, summary: firstFail.title });
  else expect(d.rootCause).toBeNull();
  assertJsonValue(d, 'diagnosis');
  const json = JSON.stringify(d);
  // Re-serializing is stable (compared as text: JSON turns -0 into 0, which deep-equality sees).
  expect(JSON.stringify(JSON.parse(json))).toBe(json);
  return json;
}

describe('analyze on hostile input', () => {
  afterAll(() => {
    // A `__proto__` claim or challenge parameter must never reach Object.prototype.
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });

  it(
    'diagnoses mutated real tokens without throwing and never echoes their signature',
    () => {
      const arb = fc.tuple(mutatedAuth, capturedRequest(fc.constant('')), settings, headerName);
      fc.assert(
        fc.property(arb, ([auth, req, set, name]) => {
          const requestHeaders = [{ name, value: auth.value }, ...req.requestHeaders];
          const json = expectWellFormed(analyze({ ...req, requestHeaders }, set));
          expect(json).not.toContain(auth.original.split('.')[2]);
        }),
        { numRuns: 5_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'diagnoses mutated real tokens in the Authorization header of a Rhythm call',
    () => {
      fc.assert(
        fc.property(mutatedAuth, rhythmUrl, sentAt, (auth, u, at) => {
          const req: CapturedRequest = {
            url: u,
            method: 'GET',
            status: 401,
            sentAt: at,
            requestHeaders: [{ name: 'Authorization', value: auth.value }],
            responseHeaders: [],
          };
          expect(expectWellFormed(analyze(req))).not.toContain(auth.original.split('.')[2]);
        }),
        { numRuns: 2_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'diagnoses random requests: garbage headers, URLs, challenges and settings',
    () => {
      fc.assert(
        fc.property(capturedRequest(randomAuth), settings, (req, set) => {
          expectWellFormed(analyze(req, set));
        }),
        { numRuns: 3_000 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
