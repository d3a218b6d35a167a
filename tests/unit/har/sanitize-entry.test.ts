/**
 * The HAR sanitizer on one entry (SPEC §6): what a shared HAR keeps (enough to diagnose:
 * JWT header and payload, the token's shape, cookie names and attributes) and what it never keeps
 * (signatures, cookie values, credentials), on the scenario entries and on generated ones.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import { capturedFromHarEntry } from '../../../src/har/entry.js';
import { maskToken } from '../../../src/analyzer/redact/token-mask.js';
import { sanitizeHarEntry } from '../../../src/har/sanitize/engine.js';
const sanitizeHarValue = (value: unknown) => sanitizeHarEntry(value, 'pages');
import type { SanitizeChanges } from '../../../src/har/secrets.js';
import {
  CURRENT,
  chromeEntry,
  makeTokens,
  scenarios,
  surroundings,
  type Tokens,
} from '../../fixtures/har/generate.js';

let t: Tokens;
beforeAll(async () => {
  t = await makeTokens();
});

type Entry = {
  request: {
    url: string;
    headers: Array<{ name: string; value: string }>;
    queryString: Array<{ name: string; value: string }>;
    cookies: unknown[];
    postData?: { text?: string; params?: Array<{ name: string; value: string }> };
  };
  response: {
    headers: Array<{ name: string; value: string }>;
    cookies: unknown[];
    content: { text?: string; encoding?: string };
  };
};

const sanitized = (entry: unknown) =>
  sanitizeHarEntry(entry) as { entry: Entry; changes: SanitizeChanges };
const header = (e: Entry, name: string) => e.request.headers.find((h) => h.name === name)?.value;
const rootCause = (entry: unknown) => {
  const request = capturedFromHarEntry(entry);
  return request ? (analyze(request).rootCause?.id ?? null) : 'unreadable';
};

describe('sanitizeHarEntry: JWTs', () => {
  it('keeps header and payload and masks the signature, same length, the fingerprint in it', () => {
    const [h, p, sig] = t.user.split('.') as [string, string, string];
    const { entry, changes } = sanitized(
      chromeEntry({ url: CURRENT, status: 401, authorization: `Bearer ${t.user}` }),
    );
    const masked = header(entry, 'authorization')!;
    expect(masked).toBe(`Bearer ${maskToken(t.user)}`);
    expect(masked.startsWith(`Bearer ${h}.${p}.`)).toBe(true);
    expect(masked.split('.')[2]).toHaveLength(sig.length);
    expect(JSON.stringify(entry)).not.toContain(sig);
    expect(changes.signatures).toBe(1);
  });

  it('leaves a sanitized token a complete JWS: token.format passes, as it did before', () => {
    const original = chromeEntry({ url: CURRENT, status: 401, authorization: `Bearer ${t.user}` });
    const request = capturedFromHarEntry(sanitized(original).entry)!;
    const check = analyze(request).checks.find((c) => c.id === 'token.format');
    expect(check?.status).toBe('pass');
  });

  it('keeps the header of a JWE and replaces its other segments, keeping their count', () => {
    const entry = scenarios(t).find((s) => s.rootCause === 'token.format')!.entry;
    const { entry: out, changes } = sanitized(entry);
    const value = header(out, 'authorization')!;
    expect(value.split('.')).toHaveLength(5);
    expect(changes.tokens).toBe(1);
    expect(rootCause(out)).toBe('token.format');
  });

  it('is idempotent: sanitizing twice changes nothing more', () => {
    for (const { entry } of scenarios(t)) {
      const once = sanitizeHarEntry(entry);
      const twice = sanitizeHarEntry(once.entry);
      expect(twice.entry).toEqual(once.entry);
      expect(Object.values(twice.changes).every((n) => n === 0)).toBe(true);
    }
  });

  it('does not modify its input', () => {
    const entry = surroundings(t)[1]!;
    const before = JSON.stringify(entry);
    sanitizeHarEntry(entry);
    expect(JSON.stringify(entry)).toBe(before);
  });
});

describe('sanitizeHarEntry: cookies, credentials, query strings, bodies', () => {
  it('replaces every cookie value, keeping the names and the Set-Cookie attributes (F13)', () => {
    const { entry, changes } = sanitized(surroundings(t)[1]);
    expect(header(entry, 'cookie')).toBe('portal_session=[redacted]');
    expect(entry.response.headers.find((h) => h.name === 'set-cookie')?.value).toBe(
      'AWSALB=[redacted]; Path=/; Secure; HttpOnly',
    );
    expect(entry.request.cookies).toEqual([
      { name: 'portal_session', value: '[redacted]', path: '/', httpOnly: true, secure: true },
    ]);
    expect(entry.response.cookies).toEqual([
      { name: 'AWSALB', value: '[redacted]', path: '/', secure: true },
    ]);
    expect(JSON.stringify(entry)).not.toMatch(/ps-1a2b3c4d5e6f7a8b9c0d|alb-0f1e2d3c4b5a69788796/);
    expect(changes.cookies).toBe(4);
  });

  const credentials: Array<[string, string, string]> = [
    ['Basic credentials keep their scheme', 'Basic YWRhOnMzY3IzdA==', 'Basic [redacted]'],
    [
      'an opaque bearer token (masked: the analyzer reads it)',
      'Bearer k8Jq2ZxV9wLmN3pR',
      `Bearer ${maskToken('k8Jq2ZxV9wLmN3pR')}`,
    ],
    ['a placeholder stays (it is the finding)', 'Bearer undefined', 'Bearer undefined'],
    ['extra spaces stay', 'Bearer  k8Jq2ZxV9wLmN3pR', `Bearer  ${maskToken('k8Jq2ZxV9wLmN3pR')}`],
  ];
  it.each(credentials)('redacts %s', (_, value, expected) => {
    const { entry } = sanitized(chromeEntry({ url: CURRENT, status: 401, authorization: value }));
    expect(header(entry, 'authorization')).toBe(expected);
  });

  it('redacts X-Api-Key, Proxy-Authorization and look-alike names, but not WWW-Authenticate', () => {
    const { entry, changes } = sanitized(
      chromeEntry({
        url: CURRENT,
        status: 401,
        headers: [
          { name: 'X-Api-Key', value: 'ak-live-7c6b5a4d3e2f1a0b' },
          { name: 'Proxy-Authorization', value: 'Basic cHJveHk6cGFzcw==' },
          { name: 'x-auth-token', value: `Bearer ${t.user}` },
        ],
        responseHeaders: [{ name: 'www-authenticate', value: 'Bearer error="invalid_token"' }],
      }),
    );
    expect(header(entry, 'X-Api-Key')).toBe('[redacted]');
    expect(header(entry, 'Proxy-Authorization')).toBe('Basic [redacted]');
    expect(header(entry, 'x-auth-token')).toBe(`Bearer ${maskToken(t.user)}`);
    expect(entry.response.headers.find((h) => h.name === 'www-authenticate')?.value).toBe(
      'Bearer error="invalid_token"',
    );
    expect(changes.headers).toBe(2);
  });

  it('redacts secret query parameters in the URL, queryString and :path alike; a JWT keeps header and payload (F5)', () => {
    const url = `${CURRENT}?access_token=${t.user}&code=c0de-1234abcd&page=2&client_secret=cs-123456789`;
    const { entry, changes } = sanitized(chromeEntry({ url, status: 401 }));
    const jwt = maskToken(t.user);
    expect(entry.request.url).toBe(
      `${CURRENT}?access_token=${jwt}&code=[redacted]&page=2&client_secret=[redacted]`,
    );
    expect(entry.request.queryString.map((q) => q.value)).toEqual([
      jwt,
      '[redacted]',
      '2',
      '[redacted]',
    ]);
    expect(header(entry, ':path')).toBe(
      `/contacts/acme.org/current?access_token=${jwt}&code=[redacted]&page=2&client_secret=[redacted]`,
    );
    expect(changes.queryParams).toBeGreaterThanOrEqual(3);
  });

  it('redacts an Auth0 /oauth/token exchange: client_secret in the form, tokens in the answer', () => {
    const { entry, changes } = sanitized(surroundings(t)[0]);
    expect(entry.request.postData?.text).toMatch(/client_secret=\[redacted\]&audience=/);
    expect(entry.request.postData?.params?.find((p) => p.name === 'client_secret')?.value).toBe(
      '[redacted]',
    );
    const answer = JSON.parse(entry.response.content.text!) as Record<string, unknown>;
    expect(answer).toEqual({
      access_token: maskToken(t.m2m),
      id_token: maskToken(t.id),
      refresh_token: '[redacted]',
      token_type: 'Bearer',
      expires_in: 86400,
    });
    // The body is spliced, not re-serialized: everything but the credentials as it was.
    expect(entry.response.content.text).toBe(
      JSON.stringify({
        access_token: maskToken(t.m2m),
        id_token: maskToken(t.id),
        refresh_token: '[redacted]',
        token_type: 'Bearer',
        expires_in: 86400,
      }),
    );
    expect(changes.bodyFields).toBeGreaterThanOrEqual(3);
  });

  const bodies: Array<[string, string, string]> = [
    [
      'a JSON body',
      '{"username":"ada","password":"hunter2-hunter2"}',
      '{"username":"ada","password":"[redacted]"}',
    ],
    ['a form body', 'username=ada&password=hunter2-hunter2', 'username=ada&password=[redacted]'],
    [
      'a multipart body',
      '--b\r\nContent-Disposition: form-data; name="client_secret"\r\n\r\ncs-abcdef123456\r\n--b--',
      '--b\r\nContent-Disposition: form-data; name="client_secret"\r\n\r\n[redacted]\r\n--b--',
    ],
    ['broken JSON', '{"refresh_token": "rt-0123456789", ', '{"refresh_token": "[redacted]", '],
  ];
  it.each(bodies)('redacts secret fields of %s', (_, text, expected) => {
    const { entry } = sanitized(
      chromeEntry({
        url: CURRENT,
        method: 'POST',
        status: 401,
        postData: { mimeType: 'text/plain', text },
      }),
    );
    expect(entry.request.postData?.text).toBe(expected);
  });

  it('redacts inside a base64 response body that is text', () => {
    const body = Buffer.from(JSON.stringify({ access_token: 'at-0123456789abcdef' })).toString(
      'base64',
    );
    const base = chromeEntry({ url: CURRENT, status: 200 }) as unknown as Entry;
    const { entry } = sanitized({
      ...base,
      response: { ...base.response, content: { text: body, encoding: 'base64' } },
    });
    expect(Buffer.from(entry.response.content.text!, 'base64').toString()).toBe(
      '{"access_token":"[redacted]"}',
    );
  });

  it('removes copies of a secret found elsewhere in the entry (a cookie echoed in a body)', () => {
    const { entry, changes } = sanitized(
      chromeEntry({
        url: CURRENT,
        status: 200,
        cookies: [{ name: 'sid', value: 's3ss10n-abcdef123456' }],
        responseText: 'your session is s3ss10n-abcdef123456',
      }),
    );
    expect(entry.response.content.text).toBe('your session is [redacted]');
    expect(changes.elsewhere).toBe(1);
  });

  it('sanitizes strings of a log.pages item (a title that is a callback URL)', () => {
    const page = {
      id: 'page_1',
      title: `https://portal.acme.org/cb#access_token=${t.user}&state=x`,
    };
    const out = sanitizeHarValue(page).entry as { title: string };
    expect(out.title).toBe(`https://portal.acme.org/cb#access_token=${maskToken(t.user)}&state=x`);
  });
});

describe('sanitizeHarEntry: the sanitized HAR diagnoses the same', () => {
  it('gives every scenario the root cause it had', () => {
    for (const { name, entry, rootCause: expected } of scenarios(t)) {
      expect(rootCause(entry), name).toBe(expected);
      expect(rootCause(sanitizeHarEntry(entry).entry), name).toBe(expected);
    }
  });
});

describe('sanitizeHarEntry: property: nothing secret survives, the diagnosis stays', () => {
  const alnum = fc.stringMatching(/^[A-Za-z0-9]{10,24}$/);
  /** A random secret that cannot occur by chance in the rest of the entry. */
  const secret = alnum.map((s) => `Zz${s}`);
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

  it('holds for random secrets in headers, query, bodies and cookies', () => {
    fc.assert(
      fc.property(
        fc.record({
          // As long as a 2048-bit RS256 signature (342 characters): sanitizing removes the
          // signature, so a wrong length (token.format's finding) is the one thing it cannot keep.
          signature: fc.stringMatching(/^[A-Za-z0-9_-]{340}$/).map((s) => `Qq${s}`),
          tokenPlace: fc.constantFrom('authorization', 'lookalike', 'query', 'raw'),
          apiKey: secret,
          basic: secret,
          cookie: secret,
          setCookie: secret,
          query: secret,
          queryName: fc.constantFrom('code', 'token', 'client_secret', 'api_key', 'password'),
          form: secret,
          formName: fc.constantFrom('client_secret', 'password', 'refresh_token', 'access_token'),
          json: secret,
          response: secret,
          echo: fc.boolean(),
          tenant: fc.constantFrom('acme.org', 'other.org'),
          expired: fc.boolean(),
        }),
        (s) => {
          const iat = 1_793_534_400;
          const claims = {
            iss: 'https://acme-org.us.auth0.com/',
            sub: 'auth0|x',
            aud: 'https://api.rhythmsoftware.com',
            iat,
            exp: iat + 86_400,
            'http://rhythmsoftware.com/tenant_id': 'acme.org',
            'http://rhythmsoftware.com/customer_id': 'c1',
            'http://rhythmsoftware.com/contact_id': 'C1',
          };
          const jwt = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.${s.signature}`;
          const base = `https://rolodex.api.rhythmsoftware.com/contacts/${s.tenant}/current`;
          const url = `${base}?${s.queryName}=${s.query}${s.tokenPlace === 'query' ? `&access_token=${jwt}` : ''}`;
          const tokenHeader =
            s.tokenPlace === 'authorization'
              ? { name: 'authorization', value: `Bearer ${jwt}` }
              : s.tokenPlace === 'lookalike'
                ? { name: 'X-Access-Token', value: jwt }
                : s.tokenPlace === 'raw'
                  ? { name: 'Authorization', value: jwt }
                  : { name: 'accept-language', value: 'en' };
          const entry = chromeEntry({
            url,
            method: 'POST',
            status: 401,
            sentAt: (iat + (s.expired ? 90_000 : 60)) * 1000,
            headers: [
              tokenHeader,
              { name: 'X-Api-Key', value: s.apiKey },
              { name: 'Proxy-Authorization', value: `Basic ${s.basic}` },
            ],
            cookies: [{ name: 'sid', value: s.cookie }],
            responseCookies: [{ name: 'alb', value: s.setCookie }],
            postData: {
              mimeType: 'application/x-www-form-urlencoded',
              text: `grant_type=x&${s.formName}=${s.form}`,
              params: [{ name: s.formName, value: s.form }],
            },
            responseText: JSON.stringify({
              access_token: s.response,
              nested: { refresh_token: s.json },
              note: s.echo ? `your cookie was ${s.cookie}` : 'ok',
            }),
          });
          const out = JSON.stringify(sanitizeHarEntry(entry).entry);
          for (const value of [
            s.signature,
            s.apiKey,
            s.basic,
            s.cookie,
            s.setCookie,
            s.query,
            s.form,
            s.json,
            s.response,
          ]) {
            expect(out).not.toContain(value);
          }
          expect(rootCause(sanitizeHarEntry(entry).entry)).toBe(rootCause(entry));
        },
      ),
      { numRuns: 300 },
    );
  });
});
