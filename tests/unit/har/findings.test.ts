/**
 * What the sanitizer did wrong on real files (issue 11's FINDINGS, F1–F8, F12, F13), each now a
 * test on the file it was seen in (tests/fixtures/har/real, byte-exact) or on a derived copy made
 * here. The reader's findings (F9 `.harp`, F10 entries without `startedDateTime`, F11 relative
 * URLs) belong to the reader, not the sanitizer.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskToken } from '../../../src/analyzer/redact/token-mask.js';
import { analyze } from '../../../src/analyzer/analyze.js';
import { capturedFromHarEntry } from '../../../src/har/entry.js';
import { sanitizeItems, type HarItem } from '../../../src/har/sanitize/engine.js';
import { signToken, T0 } from '../../helpers/tokens.js';

type Json = Record<string, unknown>;
interface Har {
  log: Json & { entries: Array<Json & { request: Json; response: Json }> };
}

const real = (file: string) =>
  readFileSync(new URL(`../../fixtures/har/real/${file}`, import.meta.url), 'utf8').replace(
    /^\ufeff/,
    '',
  );

/** Both passes over a whole HAR in memory: each `log.entries` item, `log.pages` item and member. */
function sanitizeHar(text: string): Har {
  const har = JSON.parse(text) as Har;
  const items: HarItem[] = [];
  const members = Object.keys(har.log).filter((k) => k !== 'entries' && k !== 'pages');
  for (const e of har.log.entries) items.push({ array: 'entries', text: JSON.stringify(e) });
  for (const k of members) items.push({ array: 'member', text: JSON.stringify(har.log[k]) });
  const { texts } = sanitizeItems(items);
  const out: Har = { log: { ...har.log, entries: [] } };
  texts.forEach((t, i) => {
    if (i < har.log.entries.length)
      out.log.entries.push(JSON.parse(t) as Har['log']['entries'][number]);
    else out.log[members[i - har.log.entries.length]!] = JSON.parse(t) as unknown;
  });
  return out;
}

const headers = (side: Json) => side.headers as Array<{ name: string; value: string }>;
const header = (side: Json, name: string) =>
  headers(side).find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

describe('F1, F13: Set-Cookie attributes and cookie names stay; only the values go', () => {
  it('playwright-1.23-redirect.har: URLs, :authority, Location and redirectURL unchanged', () => {
    const before = JSON.parse(real('playwright-1.23-redirect.har')) as Har;
    const after = sanitizeHar(real('playwright-1.23-redirect.har'));
    after.log.entries.forEach((e, i) => {
      const b = before.log.entries[i]!;
      expect(e.request.url).toBe(b.request.url);
      expect(header(e.request, ':authority')).toBe(header(b.request, ':authority'));
      expect(e.response.redirectURL).toBe(b.response.redirectURL);
      expect(header(e.response, 'location')).toBe(header(b.response, 'location'));
    });
    expect(header(after.log.entries[0]!.response, 'set-cookie')).toBe(
      'vmidv1=[redacted];Expires=Tue, 15 Jun 2027 21:41:24 GMT;Domain=theverge.com;Path=/;SameSite=Lax;Secure',
    );
    expect(after.log.entries[0]!.response.cookies).toEqual([
      { ...(before.log.entries[0]!.response.cookies as Json[])[0], value: '[redacted]' },
    ]);
  });

  it('chrome-har-0.2.2: hosts, Date and Expires kept (a newline-joined Set-Cookie with an empty value)', () => {
    const before = JSON.parse(real('chrome-har-0.2.2-jwt-minified.har')) as Har;
    const after = sanitizeHar(real('chrome-har-0.2.2-jwt-minified.har'));
    after.log.entries.forEach((e, i) => {
      const b = before.log.entries[i]!;
      expect(new URL(e.request.url as string).host).toBe(new URL(b.request.url as string).host);
      for (const name of ['date', 'expires', 'host', 'p3p', 'x-served-by']) {
        expect(header(e.response, name), `${i} ${name}`).toBe(header(b.response, name));
      }
    });
  });
});

describe('F2, F6: a Rhythm 401 stays, and diagnoses as it did', () => {
  let token: string;
  beforeAll(async () => {
    token = await signToken();
  });
  const rhythm401 = (authorization: string, setCookie: string | null) => ({
    startedDateTime: new Date(T0 + 3_600_000).toISOString(),
    request: {
      method: 'GET',
      url: 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current',
      headers: [{ name: 'Authorization', value: authorization }],
    },
    response: {
      status: 401,
      headers: [
        { name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' },
        ...(setCookie ? [{ name: 'Set-Cookie', value: setCookie }] : []),
      ],
    },
  });
  const diagnose = (entry: unknown) => analyze(capturedFromHarEntry(entry)!);

  it.each([
    [
      'a JWT with a Set-Cookie for the whole domain (F2)',
      'jwt',
      'rs=a3f9c2e17b5d48e6; Domain=.rhythmsoftware.com; Path=/',
    ],
    [
      'an opaque token, masked but not "masked by the exporter" (F6)',
      'Bearer Qk7xW2pL9zR4vN8mT1yB6cH3jF5g',
      null,
    ],
    ['Basic credentials', 'Basic YWRhQGFjbWUub3JnOmh1bnRlcjItU2VjcmV0IQ==', null],
  ])('%s', (_name, authorization, setCookie) => {
    const entry = rhythm401(authorization === 'jwt' ? `Bearer ${token}` : authorization, setCookie);
    const after = sanitizeHar(JSON.stringify({ log: { entries: [entry] } })).log.entries[0]!;
    expect(after.request.url).toBe(entry.request.url);
    expect(diagnose(after)).toEqual(diagnose(entry));
    const value = header(after.request, 'authorization')!;
    expect(value).not.toMatch(/Qk7xW2pL9z|YWRhQGFj/);
    // A bearer token is masked (the tally would read `Bearer [redacted]` as an exporter's mask).
    if (value.startsWith('Bearer')) expect(value).not.toMatch(/\[redacted\]/);
  });
});

describe('F3: a credential copied into another entry or field goes there too', () => {
  const cases: Array<[string, string, (h: Har) => string[], string]> = [
    [
      'webpagetest-2.17.har',
      '__utma in a later Google Analytics URL, queryString and _url/_full_url',
      (h) =>
        [
          h.log.entries[14]!.request.url,
          JSON.stringify(h.log.entries[14]!.request.queryString),
          h.log.entries[14]!._url,
          h.log.entries[14]!._full_url,
        ] as string[],
      '152498875.547847953.1440877552',
    ],
    [
      'chrome-har-0.2.2-jwt-minified.har',
      'the vtc cookie in later beacon URLs',
      (h) => h.log.entries.map((e) => e.request.url as string),
      'UTXAVEzG8dHIu3z-gzglE0',
    ],
    [
      'fiddler-2.3-bom-crlf.har',
      'a session cookie in an earlier redirect, its Location and body',
      (h) => [
        h.log.entries[19]!.response.redirectURL as string,
        JSON.stringify(h.log.entries[19]!.response),
      ],
      'pvnzao4525kprh2z121oqv55',
    ],
    [
      'akita-relative-urls.har',
      'an Authorization value in JSON request bodies',
      (h) => h.log.entries.map((e) => JSON.stringify(e.request.postData ?? '')),
      'one@example.com',
    ],
  ];
  it.each(cases)('%s: %s', (file, _what, places, secret) => {
    const before = JSON.parse(real(file)) as Har;
    expect(places(before).join('\n')).toContain(secret);
    expect(places(sanitizeHar(real(file))).join('\n')).not.toContain(secret);
  });
});

describe('F4: every member of log, and custom fields anywhere', () => {
  it('mitmproxy-websocket.har with a JWT in log.comment, a WebSocket message and a custom field', async () => {
    const token = await signToken();
    const har = JSON.parse(real('mitmproxy-websocket.har')) as Har;
    har.log.comment = `token ${token}`;
    const first = har.log.entries[0]!;
    (first._webSocketMessages as Json[]).push({
      type: 'send',
      time: 1,
      opcode: 1,
      data: JSON.stringify({ auth: token }),
    });
    first._rhythmNote = { authorization: `Bearer ${token}` };
    const out = JSON.stringify(sanitizeHar(JSON.stringify(har)));
    expect(out).not.toContain(token.split('.')[2]);
    expect(out.split(maskToken(token)).length - 1).toBe(3);
  });
});

describe('F7: Polly.JS array-valued headers', () => {
  it('reads ["Bearer <JWT>"] as the header value, and masks only the signature, keeping the array', async () => {
    const token = await signToken();
    const har = JSON.parse(real('pollyjs-1.2.0-array-headers.har')) as Har;
    const entry = har.log.entries[0]!;
    entry.request.url = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';
    entry.startedDateTime = new Date(T0 + 3_600_000).toISOString();
    entry.response.status = 401;
    headers(entry.request).push({ name: 'authorization', value: [`Bearer ${token}`] } as never);
    const before = capturedFromHarEntry(entry)!;
    expect(before.requestHeaders.find((h) => h.name === 'authorization')?.value).toBe(
      `Bearer ${token}`,
    );
    const after = sanitizeHar(JSON.stringify(har)).log.entries[0]!;
    expect(headers(after.request).find((h) => h.name === 'authorization')?.value).toEqual([
      `Bearer ${maskToken(token)}`,
    ]);
    expect(analyze(capturedFromHarEntry(after)!)).toEqual(analyze(before));
    expect(headers(after.response).find((h) => h.name === 'set-cookie')?.value).toEqual([
      '__cfduid=[redacted]; expires=Fri, 06-Dec-19 20:53:26 GMT; path=/; domain=.typicode.com; HttpOnly',
    ]);
  });
});

describe('F8: what is no credential stays as it was', () => {
  it('a GitHub licence "key": "mit", byte for byte with its trailing newline (firefox, edge, safari)', () => {
    for (const file of ['firefox-111.har', 'edge-webinspector.har', 'safari-webkit.har']) {
      const before = JSON.parse(real(file)) as Har;
      const after = sanitizeHar(real(file));
      const bodies = (h: Har) => h.log.entries.map((e) => (e.response.content as Json).text);
      expect(bodies(after), file).toEqual(bodies(before));
    }
  });

  it("Slack's *-shared-secret-outcome headers and Sec-WebSocket-Key", () => {
    const slack = sanitizeHar(real('mitmproxy-bearer-cookies.har')).log.entries[4]!;
    expect(header(slack.response, 'x-slack-shared-secret-outcome')).toBe('no-match');
    expect(header(slack.response, 'x-slack-edge-shared-secret-outcome')).toBe('no-match');
    for (const e of sanitizeHar(real('mitmproxy-websocket.har')).log.entries) {
      expect(header(e.request, 'sec-websocket-key')).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    }
  });

  it("Auth0's error code, the Auth0-Client header, and JavaScript that mentions a password", () => {
    const auth0Client = Buffer.from('{"name":"auth0.js","version":"9.23.0"}').toString('base64');
    const js = 'function f(){this.password=input.value;return this.token||null}';
    const error =
      '{"error":"access_denied","error_description":"Wrong email or password.","code":"invalid_user_password"}';
    const entry = {
      request: {
        url: 'https://acme.auth0.com/co/authenticate',
        headers: [{ name: 'Auth0-Client', value: auth0Client }],
      },
      response: {
        status: 401,
        headers: [],
        content: { mimeType: 'application/json', text: error },
      },
      _script: { content: { mimeType: 'application/javascript', text: js } },
    };
    const after = sanitizeHar(
      JSON.stringify({
        log: {
          entries: [
            entry,
            {
              ...entry,
              response: { ...entry.response, content: { mimeType: 'text/javascript', text: js } },
            },
          ],
        },
      }),
    );
    expect(header(after.log.entries[0]!.request, 'auth0-client')).toBe(auth0Client);
    expect((after.log.entries[0]!.response.content as Json).text).toBe(error);
    expect((after.log.entries[1]!.response.content as Json).text).toBe(js);
  });
});

describe('F12: a token in a base64 body', () => {
  it("akita-relative-urls.har: POST /api/tokens' base64 text/plain answer", () => {
    const text = (h: Har) => (h.log.entries[77]!.response.content as Json).text as string;
    const before = Buffer.from(
      text(JSON.parse(real('akita-relative-urls.har')) as Har),
      'base64',
    ).toString();
    const after = Buffer.from(
      text(sanitizeHar(real('akita-relative-urls.har'))),
      'base64',
    ).toString();
    expect(before).toMatch(/^dynamic-token:c796a6e9-/);
    expect(after).toBe('dynamic-token:[redacted]');
  });
});
