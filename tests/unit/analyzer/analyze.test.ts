import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import { CHECK_IDS, type CapturedRequest, type Diagnosis } from '../../../src/analyzer/types.js';
import { T0, TEST_TENANT, noAudienceToken, signToken } from '../../helpers/tokens.js';
import { check, request, type RequestOptions } from './helpers.js';

const ROLODEX = 'https://rolodex.api.rhythmsoftware.com';
/** A minute after the test tokens were made: the acceptance scenarios' send time. */
const MADE_PLUS_A_MINUTE = T0 + 60_000;

const USER_TOKEN = await signToken({ iatMs: T0 });
const M2M_TOKEN = await signToken({ kind: 'm2m', iatMs: T0 });
const EXPIRED_TOKEN = await signToken({ iatMs: T0 - 3 * 86_400_000 });

const sha12 = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 12);
const failing = (d: Diagnosis) => d.checks.filter((c) => c.status === 'fail').map((c) => c.id);

/** Requests spanning every verdict, for the properties every diagnosis has. */
const VARIED: Array<[string, RequestOptions]> = [
  ['a correct request answered 200', { auth: `Bearer ${USER_TOKEN}`, status: 200 }],
  ['a correct request answered 401', { auth: `Bearer ${USER_TOKEN}` }],
  ['a lower-case scheme', { auth: `bearer ${USER_TOKEN}`, status: 200 }],
  ['no token', {}],
  ['the no-audience token', { auth: `Bearer ${noAudienceToken()}` }],
  ['a CORS preflight', { method: 'OPTIONS', type: 'preflight' }],
  ['no URL', { url: '', auth: `Bearer ${M2M_TOKEN}` }],
  [
    'an expired token on the bare host with a server challenge',
    {
      auth: `Bearer ${EXPIRED_TOKEN}`,
      url: `https://api.rhythmsoftware.com/contacts/other.org/undefined`,
      responseHeaders: { 'WWW-Authenticate': 'Bearer error="invalid_token"', Date: 'garbage' },
    },
  ],
];

describe('analyze', () => {
  it.each(VARIED)('runs all 19 checks in CHECK_IDS order for %s', (_, options) => {
    const d = analyze(request(options));
    expect(d.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(d.checks).toHaveLength(19);
  });

  it.each(VARIED)('has a verdict that follows fail > warn > pass for %s', (_, options) => {
    const d = analyze(request(options));
    const statuses = d.checks.map((c) => c.status);
    const expected = statuses.includes('fail')
      ? 'fail'
      : statuses.includes('warn')
        ? 'warn'
        : 'pass';
    expect(d.verdict).toBe(expected);
  });

  it.each(VARIED)('is JSON-safe for %s', (_, options) => {
    const d = analyze(request(options));
    expect(JSON.parse(JSON.stringify(d))).toStrictEqual(d);
  });

  it('verdicts fail when one check fails, even with warnings', () => {
    const d = analyze(
      request({ auth: `bearer ${USER_TOKEN}`, url: `${ROLODEX}/contacts/other.org` }),
    );
    expect(check(d, 'header.scheme').status).toBe('warn');
    expect(failing(d)).toEqual(['url.tenant']);
    expect(d.verdict).toBe('fail');
  });

  it('verdicts warn, with no root cause, when something warns and nothing fails', () => {
    const d = analyze(request({ auth: `bearer ${USER_TOKEN}`, status: 200 }));
    expect(failing(d)).toEqual([]);
    expect(d.verdict).toBe('warn');
    expect(d.rootCause).toBeNull();
  });

  it('verdicts pass a correct request answered 200', () => {
    const d = analyze(request({ auth: `Bearer ${USER_TOKEN}`, status: 200 }));
    expect(d.verdict).toBe('pass');
    expect(d.rootCause).toBeNull();
    expect(d.checks.every((c) => ['pass', 'skip', 'info'].includes(c.status))).toBe(true);
  });

  it('takes the first failing check in CHECK_IDS order as the root cause', () => {
    const [, options] = VARIED[VARIED.length - 1]!;
    const d = analyze(request(options));
    const fails = failing(d);
    expect(fails.length).toBeGreaterThan(2);
    const first = check(d, fails[0]!);
    expect(d.rootCause).toStrictEqual({ id: first.id, summary: first.title, fix: first.fix });
    expect(d.rootCause?.id).toBe('token.expiry');
  });

  it('gives a request with no token all 19 checks, most of them skipped', () => {
    const d = analyze(request({}));
    expect(d.checks).toHaveLength(19);
    const skipped = d.checks.filter((c) => c.status === 'skip').map((c) => c.id);
    expect(skipped.length).toBeGreaterThan(19 / 2);
    for (const id of CHECK_IDS.filter((i) => /^(token|claims|contact)\./.test(i))) {
      expect(skipped).toContain(id);
    }
    expect(d.rootCause?.id).toBe('header.present');
    expect(d.token).toStrictEqual({
      form: 'none',
      header: null,
      claims: null,
      subject: 'unknown',
      fingerprint: null,
    });
  });

  it.each([
    ['the Authorization header', { auth: `Bearer ${USER_TOKEN}` }],
    ['a raw Authorization value', { auth: USER_TOKEN }],
    ['a look-alike header', { headers: { 'X-Access-Token': `Bearer ${USER_TOKEN}` } }],
  ] satisfies Array<[string, RequestOptions]>)(
    'fingerprints a token from %s as the first 12 hex of its SHA-256, and never includes the token',
    (_, options) => {
      const d = analyze(request(options));
      expect(d.token.fingerprint).toBe(sha12(USER_TOKEN));
      const json = JSON.stringify(d);
      expect(json).not.toContain(USER_TOKEN);
      expect(json).not.toContain(USER_TOKEN.split('.')[2]);
    },
  );

  it('takes the fingerprint from settings.sha256Hex when given, with the same result as its own', () => {
    const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const calls: string[] = [];
    const counting = (text: string) => {
      calls.push(text);
      return nodeSha256(text);
    };
    const given = analyze(request({ auth: `Bearer ${USER_TOKEN}` }), { sha256Hex: counting });
    const own = analyze(request({ auth: `Bearer ${USER_TOKEN}` }));
    expect(calls).toEqual([USER_TOKEN]);
    expect(given).toStrictEqual(own);
  });

  it('never includes a token sent in the query string', () => {
    const d = analyze(
      request({ url: `${ROLODEX}/contacts/${TEST_TENANT}?access_token=${USER_TOKEN}` }),
    );
    expect(check(d, 'header.name').status).toBe('fail');
    expect(d.token.fingerprint).toBe(sha12(USER_TOKEN));
    expect(JSON.stringify(d)).not.toContain(USER_TOKEN.split('.')[2]);
    expect(d.request.url).toBe(`${ROLODEX}/contacts/${TEST_TENANT}?access_token=[redacted]`);
  });

  it('redacts every credential-shaped query value of the URL, as a sanitized HAR does (SPEC §6)', () => {
    const url = `${ROLODEX}/contacts/acme.org/current?client_secret=cs-1234567&password=pw-1234567&access_token=${USER_TOKEN}&page=2`;
    const d = analyze(request({ url }));
    expect(d.request.url).toBe(
      `${ROLODEX}/contacts/acme.org/current?client_secret=[redacted]&password=[redacted]&access_token=[redacted]&page=2`,
    );
    const json = JSON.stringify(d);
    for (const secret of ['cs-1234567', 'pw-1234567', USER_TOKEN.split('.')[2]!])
      expect(json).not.toContain(secret);
  });

  it("keeps no copy of the request's own token in its URL, under any parameter name", () => {
    const signature = USER_TOKEN.split('.')[2]!;
    const url = `${ROLODEX}/contacts/acme.org/current?echo=${signature}&page=2`;
    const d = analyze(
      request({ url, headers: [{ name: 'Authorization', value: `Bearer ${USER_TOKEN}` }] }),
    );
    expect(d.request.url).toBe(
      `${ROLODEX}/contacts/acme.org/current?echo=[signature removed]&page=2`,
    );
    expect(JSON.stringify(d)).not.toContain(signature);
  });

  it.each([
    ['a number too large for a double', '{"sub":"u","exp":1e400,"iat":-1e400}'],
    ['arrays nested 20,000 deep', `{"sub":"u","aud":${'['.repeat(20_000)}${']'.repeat(20_000)}}`],
    [
      'an object nested 20,000 deep',
      `{"sub":"u","x":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
    ],
  ])('diagnoses a payload holding %s and stays JSON-safe', (_, payload) => {
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    const token = `${b64('{"alg":"RS256"}')}.${b64(payload)}.c2ln`;
    const d = analyze(request({ auth: `Bearer ${token}` }));
    expect(d.checks).toHaveLength(19);
    expect(JSON.parse(JSON.stringify(d))).toStrictEqual(d);
  });

  it.each([NaN, Infinity, -Infinity])('throws on a non-finite sentAt (%s)', (sentAt) => {
    expect(() => analyze(request({ sentAt }))).toThrow(TypeError);
  });

  it('is pure: the same input gives the same diagnosis and is not modified', () => {
    const input: CapturedRequest = request({
      auth: `Bearer ${USER_TOKEN}`,
      responseHeaders: { Date: 'x' },
    });
    const copy = structuredClone(input);
    expect(analyze(Object.freeze(input))).toStrictEqual(analyze(copy));
    expect(input).toStrictEqual(copy);
  });

  it('describes the token, the service and the server answer', () => {
    const challenge = 'Bearer error="invalid_token"';
    const date = new Date(T0).toUTCString();
    const d = analyze(
      request({
        auth: `Bearer ${M2M_TOKEN}`,
        responseHeaders: { 'WWW-Authenticate': challenge, Date: date },
      }),
    );
    expect(d.schema).toBe('rhythm-auth/diagnosis@1');
    expect(d.token).toMatchObject({ form: 'jws', subject: 'm2m', header: { alg: 'RS256' } });
    expect(d.service).toStrictEqual({ module: 'rolodex', host: 'rolodex.api.rhythmsoftware.com' });
    expect(d.server).toStrictEqual({ challenge, date });
  });
});

describe('the acceptance scenarios of the issue', () => {
  const scenarios: Array<{ name: string; options: RequestOptions; rootCause: string }> = [
    {
      name: 'a valid user token sent without `Bearer `',
      options: { auth: USER_TOKEN },
      rootCause: 'header.scheme',
    },
    {
      name: 'the no-audience token (5 segments, `alg: dir`)',
      options: { auth: `Bearer ${noAudienceToken()}` },
      rootCause: 'token.format',
    },
    {
      name: 'a valid M2M token on /contacts/current',
      options: { auth: `Bearer ${M2M_TOKEN}`, url: `${ROLODEX}/contacts/current` },
      rootCause: 'claims.contact_id',
    },
    {
      name: 'a valid token on the bare api.rhythmsoftware.com',
      options: {
        auth: `Bearer ${USER_TOKEN}`,
        url: 'https://api.rhythmsoftware.com/contacts/acme.org/1',
      },
      rootCause: 'url.service',
    },
  ];

  it.each(scenarios)('finds $rootCause as the root cause of $name', ({ options, rootCause }) => {
    const d = analyze(request({ ...options, sentAt: MADE_PLUS_A_MINUTE }));
    expect(d.verdict).toBe('fail');
    expect(d.rootCause?.id).toBe(rootCause);
    expect(d.rootCause?.fix).toBeTruthy();
    // The token is fresh: expiry is judged at the send time, not now.
    expect(check(d, 'token.expiry').status).toMatch(/pass|skip/);
  });

  it('names the Rolodex host in the fix for the bare-host scenario', () => {
    const d = analyze(
      request({
        auth: `Bearer ${USER_TOKEN}`,
        url: 'https://api.rhythmsoftware.com/contacts/acme.org/1',
        sentAt: MADE_PLUS_A_MINUTE,
      }),
    );
    expect(d.rootCause?.fix).toContain(`${ROLODEX}/contacts/acme.org/1`);
  });
});
