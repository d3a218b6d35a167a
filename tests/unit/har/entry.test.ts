/**
 * HAR entries as the tools that write them export them (Chrome, Firefox, Safari, Charles,
 * Fiddler), each with its quirks, → CapturedRequest. Unreadable entries are null, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import {
  capturedFromHarEntry,
  harEntryKey,
  harResponseText,
  readHarEntry,
  type UnreadableReason,
} from '../../../src/har/entry.js';
import type { CapturedRequest } from '../../../src/analyzer/types.js';
import { T0, TEST_TENANT, signToken } from '../../helpers/tokens.js';

const JWT = await signToken();
const HOST = 'rolodex.api.rhythmsoftware.com';
const URL_CURRENT = `https://${HOST}/contacts/${TEST_TENANT}/current`;
/** One hour after the test token's `iat`: it is valid then. */
const SENT = T0 + 3_600_000;
const SENT_ISO = new Date(SENT).toISOString(); // 2026-11-01T13:00:00.000Z
const CHALLENGE = 'Bearer error="invalid_token", error_description="The access token expired"';

/** Chrome: h2 pseudo-headers, `_resourceType`, `_initiator` and other `_` extensions. */
const chrome = {
  _initiator: { type: 'script', stack: { callFrames: [] } },
  _priority: 'High',
  _resourceType: 'fetch',
  cache: {},
  connection: '443',
  pageref: 'page_3',
  request: {
    method: 'GET',
    url: URL_CURRENT,
    httpVersion: 'http/2.0',
    headers: [
      { name: ':authority', value: HOST },
      { name: ':method', value: 'GET' },
      { name: ':path', value: `/contacts/${TEST_TENANT}/current` },
      { name: ':scheme', value: 'https' },
      { name: 'accept', value: 'application/json, text/plain, */*' },
      { name: 'authorization', value: `Bearer ${JWT}` },
      { name: 'origin', value: 'https://portal.acme.org' },
    ],
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: 0,
  },
  response: {
    status: 401,
    statusText: '',
    httpVersion: 'http/2.0',
    headers: [
      { name: 'content-type', value: 'application/json' },
      { name: 'date', value: 'Sun, 01 Nov 2026 13:00:00 GMT' },
      { name: 'www-authenticate', value: CHALLENGE },
    ],
    cookies: [],
    content: { size: 26, mimeType: 'application/json', text: '{"message":"Unauthorized"}' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
    _transferSize: 312,
    _error: null,
  },
  serverIPAddress: '203.0.113.10',
  startedDateTime: SENT_ISO,
  time: 48.31,
  timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 45.9, receive: 1.1 },
};

/** Firefox: lower-case names on h2, a local-offset start time, no `_resourceType`. */
const firefox = {
  pageref: 'page_1',
  startedDateTime: '2026-11-01T14:00:00.000+01:00',
  request: {
    bodySize: 0,
    method: 'GET',
    url: URL_CURRENT,
    httpVersion: 'HTTP/2',
    headers: [
      { name: 'host', value: HOST },
      { name: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Firefox/132.0' },
      { name: 'authorization', value: `Bearer ${JWT}` },
    ],
    cookies: [],
    queryString: [],
    headersSize: 512,
  },
  response: {
    status: 401,
    statusText: 'Unauthorized',
    httpVersion: 'HTTP/2',
    headers: [{ name: 'www-authenticate', value: CHALLENGE }],
    cookies: [],
    content: { mimeType: 'application/json', size: 26, text: '{"message":"Unauthorized"}' },
    redirectURL: '',
    headersSize: 180,
    bodySize: 206,
  },
  cache: {},
  timings: { blocked: 0, dns: 0, connect: 0, ssl: 0, send: 0, wait: 40, receive: 0 },
  time: 40,
  _securityState: 'secure',
  serverIPAddress: '203.0.113.10',
  connection: '443',
};

/** Safari: optional fields (`headersSize`, `bodySize`, `cookies`, `content.text`) left out. */
const safari = {
  startedDateTime: SENT_ISO,
  time: 52,
  request: {
    method: 'POST',
    url: `https://${HOST}/contacts/${TEST_TENANT}/search`,
    httpVersion: 'HTTP/2',
    headers: [
      { name: 'Authorization', value: `Bearer ${JWT}` },
      { name: 'Content-Type', value: 'application/json' },
    ],
    queryString: [],
    postData: { mimeType: 'application/json', text: '{"name":"Ada"}' },
  },
  response: {
    status: 403,
    statusText: 'Forbidden',
    httpVersion: 'HTTP/2',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    content: { mimeType: 'application/json', size: 0 },
    redirectURL: '',
  },
  timings: { send: 0, wait: 50, receive: 2 },
  _fetchType: 'Network Load',
};

/** Charles: HTTP/1.1 names in their sent case, an odd statusText, no cookies arrays. */
const charles = {
  startedDateTime: '2026-11-01T13:00:00.000+00:00',
  time: 61,
  request: {
    method: 'DELETE',
    url: `https://${HOST}/contacts/${TEST_TENANT}/C-000123`,
    httpVersion: 'HTTP/1.1',
    headers: [
      { name: 'Host', value: HOST },
      { name: 'Authorization', value: JWT },
    ],
    queryString: [],
    headersSize: 1024,
    bodySize: 0,
  },
  response: {
    status: 401,
    statusText: 'HTTP/1.1 401',
    httpVersion: 'HTTP/1.1',
    headers: [{ name: 'WWW-Authenticate', value: 'Bearer' }],
    content: { size: 0, mimeType: '' },
    redirectURL: null,
    headersSize: 90,
    bodySize: 0,
  },
  cache: {},
  timings: { dns: -1, connect: -1, ssl: -1, send: 0, wait: 60, receive: 1 },
};

/** Fiddler: 7 fractional digits in the start time, the status as a string, numeric values. */
const fiddler = {
  startedDateTime: '2026-11-01T13:00:00.0001234+00:00',
  time: 70,
  request: {
    method: 'GET',
    url: URL_CURRENT,
    httpVersion: 'HTTP/1.1',
    headers: [
      { name: 'Authorization', value: `Bearer ${JWT}` },
      { name: 'Content-Length', value: 0 },
    ],
    queryString: [],
    headersSize: 600,
    bodySize: 0,
    comment: '',
  },
  response: {
    status: '401',
    statusText: 'Unauthorized ',
    httpVersion: 'HTTP/1.1',
    headers: [{ name: 'WWW-Authenticate', value: CHALLENGE }],
    content: { size: 26, mimeType: 'application/json; charset=utf-8', text: '{"error":"401"}' },
    redirectURL: '',
    headersSize: 200,
    bodySize: 26,
  },
  cache: {},
  timings: { send: 0, wait: 69, receive: 1 },
};

describe('capturedFromHarEntry: entries as each tool exports them', () => {
  const cases: Array<{ tool: string; entry: unknown; expected: CapturedRequest }> = [
    {
      tool: 'Chrome (no pseudo-headers, type from _resourceType)',
      entry: chrome,
      expected: {
        url: URL_CURRENT,
        method: 'GET',
        status: 401,
        sentAt: SENT,
        requestHeaders: [
          { name: 'accept', value: 'application/json, text/plain, */*' },
          { name: 'authorization', value: `Bearer ${JWT}` },
          { name: 'origin', value: 'https://portal.acme.org' },
        ],
        responseHeaders: [
          { name: 'content-type', value: 'application/json' },
          { name: 'date', value: 'Sun, 01 Nov 2026 13:00:00 GMT' },
          { name: 'www-authenticate', value: CHALLENGE },
        ],
        type: 'fetch',
      },
    },
    {
      tool: 'Firefox (lower-case names, local offset, no type)',
      entry: firefox,
      expected: {
        url: URL_CURRENT,
        method: 'GET',
        status: 401,
        sentAt: SENT,
        requestHeaders: firefox.request.headers,
        responseHeaders: [{ name: 'www-authenticate', value: CHALLENGE }],
      },
    },
    {
      tool: 'Safari (optional fields left out)',
      entry: safari,
      expected: {
        url: `https://${HOST}/contacts/${TEST_TENANT}/search`,
        method: 'POST',
        status: 403,
        sentAt: SENT,
        requestHeaders: safari.request.headers,
        responseHeaders: safari.response.headers,
      },
    },
    {
      tool: 'Charles (odd statusText, no cookies)',
      entry: charles,
      expected: {
        url: `https://${HOST}/contacts/${TEST_TENANT}/C-000123`,
        method: 'DELETE',
        status: 401,
        sentAt: SENT,
        requestHeaders: charles.request.headers,
        responseHeaders: [{ name: 'WWW-Authenticate', value: 'Bearer' }],
      },
    },
    {
      tool: 'Fiddler (7-digit fraction, status as a string, a numeric header value)',
      entry: fiddler,
      expected: {
        url: URL_CURRENT,
        method: 'GET',
        status: 401,
        sentAt: SENT,
        requestHeaders: [
          { name: 'Authorization', value: `Bearer ${JWT}` },
          { name: 'Content-Length', value: '0' },
        ],
        responseHeaders: [{ name: 'WWW-Authenticate', value: CHALLENGE }],
      },
    },
  ];
  it.each(cases)('reads an entry exported by $tool', ({ entry, expected }) => {
    const captured = capturedFromHarEntry(entry);
    expect(captured).toStrictEqual(expected);
    expect(captured?.sentAt).toBe(
      Date.parse((entry as { startedDateTime: string }).startedDateTime),
    );
  });

  it.each([
    ['UTC', '2026-11-01T13:00:00.000Z'],
    ['an offset', '2026-11-01T08:00:00-05:00'],
    ['an offset without a colon', '2026-11-01T14:00:00.000+0100'],
    ['seven fractional digits', '2026-11-01T13:00:00.0000000Z'],
  ])('reads a start time with %s', (_, startedDateTime) => {
    expect(capturedFromHarEntry({ ...chrome, startedDateTime })?.sentAt).toBe(SENT);
  });

  it('keeps status 0, which Chrome records for a request it blocked (CORS, network error)', () => {
    const blocked = { ...chrome, response: { ...chrome.response, status: 0, headers: [] } };
    expect(capturedFromHarEntry(blocked)?.status).toBe(0);
  });

  it('skips malformed headers and reads non-string values as text, without throwing', () => {
    const entry = {
      ...chrome,
      request: {
        ...chrome.request,
        headers: [
          null,
          'authorization: Bearer x',
          { value: 'no name' },
          { name: 42, value: 'numeric name' },
          { name: 'x-object', value: { toString: 1 } },
          { name: 'x-null', value: null },
          { name: 'x-bool', value: true },
          { name: 'authorization', value: `Bearer ${JWT}` },
        ],
      },
      response: { ...chrome.response, headers: 'not a list' },
    };
    expect(capturedFromHarEntry(entry)).toMatchObject({
      requestHeaders: [
        { name: 'x-object', value: '' },
        { name: 'x-null', value: '' },
        { name: 'x-bool', value: 'true' },
        { name: 'authorization', value: `Bearer ${JWT}` },
      ],
      responseHeaders: [],
    });
  });

  it('leaves type out when _resourceType is absent or empty', () => {
    expect(capturedFromHarEntry({ ...chrome, _resourceType: '' })).not.toHaveProperty('type');
    expect(capturedFromHarEntry(firefox)).not.toHaveProperty('type');
  });
});

describe('capturedFromHarEntry: unreadable entries', () => {
  const { request, response } = chrome;
  const cases: Array<[name: string, entry: unknown]> = [
    ['null', null],
    ['undefined', undefined],
    ['a number', 401],
    ['a string', JSON.stringify(chrome)],
    ['an array', [chrome]],
    ['an empty object', {}],
    ['no request', { ...chrome, request: undefined }],
    ['no response', { ...chrome, response: undefined }],
    ['a request that is a string', { ...chrome, request: 'GET /' }],
    ['a request without url', { ...chrome, request: { ...request, url: undefined } }],
    ['a url that is not a string', { ...chrome, request: { ...request, url: { href: 'x' } } }],
    ['a request without method', { ...chrome, request: { ...request, method: undefined } }],
    ['a method that is not a string', { ...chrome, request: { ...request, method: 1 } }],
    ['no startedDateTime', { ...chrome, startedDateTime: undefined }],
    ['a startedDateTime that is no date', { ...chrome, startedDateTime: 'yesterday' }],
    ['a startedDateTime as epoch ms', { ...chrome, startedDateTime: SENT }],
    // Date.parse reads these in the local time zone: the time would depend on the machine.
    ['a startedDateTime without a zone', { ...chrome, startedDateTime: '2026-11-01T13:00:00' }],
    ['a startedDateTime that is a bare number', { ...chrome, startedDateTime: '1' }],
    ['no status', { ...chrome, response: { ...response, status: undefined } }],
    ['a fractional status', { ...chrome, response: { ...response, status: 401.5 } }],
    [
      'a status that is no number',
      { ...chrome, response: { ...response, status: 'Unauthorized' } },
    ],
    ['a status of null', { ...chrome, response: { ...response, status: null } }],
    ['an empty status', { ...chrome, response: { ...response, status: '' } }],
    ['a boolean status', { ...chrome, response: { ...response, status: true } }],
    ['a status in an array', { ...chrome, response: { ...response, status: [401] } }],
    ['a negative status', { ...chrome, response: { ...response, status: -1 } }],
    ['a status of NaN', { ...chrome, response: { ...response, status: NaN } }],
  ];
  it.each(cases)('is null for %s', (_, entry) => {
    expect(capturedFromHarEntry(entry)).toBeNull();
  });
});

describe('harResponseText', () => {
  const withContent = (content: unknown): unknown => ({
    ...chrome,
    response: { ...chrome.response, content },
  });
  const long = 'x'.repeat(5000);
  const cases: Array<[name: string, entry: unknown, expected: string | undefined]> = [
    ['returns the body text', chrome, '{"message":"Unauthorized"}'],
    ['returns the first 2048 characters', withContent({ text: long }), long.slice(0, 2048)],
    [
      'is undefined for a base64-encoded body',
      withContent({ text: 'eyJ9', encoding: 'base64' }),
      undefined,
    ],
    ['is undefined for an empty body', withContent({ size: 0, text: '' }), undefined],
    ['is undefined without text (Safari)', safari, undefined],
    ['is undefined when text is not a string', withContent({ text: 42 }), undefined],
    ['is undefined without content', withContent(undefined), undefined],
    ['is undefined for a non-object entry', null, undefined],
  ];
  it.each(cases)('%s', (_, entry, expected) => {
    expect(harResponseText(entry)).toBe(expected);
  });

  it('takes another limit when asked', () => {
    expect(harResponseText(chrome, 9)).toBe('{"message');
  });
});

describe('harEntryKey', () => {
  const base = capturedFromHarEntry(chrome)!;

  it('is stable: the same entry read twice gives the same key', () => {
    expect(harEntryKey(capturedFromHarEntry(structuredClone(chrome))!)).toBe(harEntryKey(base));
  });

  it('does not depend on headers or type', () => {
    expect(harEntryKey({ ...base, requestHeaders: [], type: 'xhr' })).toBe(harEntryKey(base));
  });

  it.each<[string, Partial<CapturedRequest>]>([
    ['method', { method: 'POST' }],
    ['url', { url: `${URL_CURRENT}?page=2` }],
    ['status', { status: 200 }],
    ['time', { sentAt: SENT + 1 }],
  ])('distinguishes entries that differ in %s', (_, change) => {
    expect(harEntryKey({ ...base, ...change })).not.toBe(harEntryKey(base));
  });
});

describe('a HAR entry through analyze', () => {
  it('fails header.scheme as root cause for a 401 whose token was sent without `Bearer `', async () => {
    const token = await signToken();
    const entry = {
      ...chrome,
      request: {
        ...chrome.request,
        headers: [{ name: 'authorization', value: token }],
      },
    };
    const diagnosis = analyze(capturedFromHarEntry(entry)!);
    expect(diagnosis.rootCause?.id).toBe('header.scheme');
    expect(diagnosis.checks.find((c) => c.id === 'header.scheme')?.status).toBe('fail');
  });
});

describe('capturedFromHarEntry: relative URLs (proxies such as Akita write them)', () => {
  const relative = (
    headers: Array<{ name: string; value: unknown }>,
    url = '/contacts/acme.org/current',
  ) => ({
    ...chrome,
    request: { ...chrome.request, url, headers },
  });
  it.each<[string, Array<{ name: string; value: unknown }>, string]>([
    ['a Host header', [{ name: 'Host', value: HOST }], `https://${HOST}/contacts/acme.org/current`],
    [
      'a host with a port',
      [{ name: 'host', value: `${HOST}:8443` }],
      `https://${HOST}:8443/contacts/acme.org/current`,
    ],
    [
      'HTTP/2 :authority and :scheme',
      [
        { name: ':authority', value: HOST },
        { name: ':scheme', value: 'http' },
      ],
      `http://${HOST}/contacts/acme.org/current`,
    ],
    [
      'a Host as Polly.JS writes it (an array)',
      [{ name: 'host', value: [HOST] }],
      `https://${HOST}/contacts/acme.org/current`,
    ],
  ])('makes it absolute from %s', (_, headers, url) => {
    expect(capturedFromHarEntry(relative(headers))?.url).toBe(url);
  });
  it.each<[string, Array<{ name: string; value: unknown }>, string]>([
    ['no Host header', [], '/contacts/acme.org/current'],
    [
      'a Host that is more than a host',
      [{ name: 'Host', value: 'evil.test/x?' }],
      '/contacts/acme.org/current',
    ],
    ['a protocol-relative URL', [{ name: 'Host', value: HOST }], '//other.test/x'],
  ])('leaves it as written with %s', (_, headers, url) => {
    expect(capturedFromHarEntry(relative(headers, url))?.url).toBe(url);
  });
  it('diagnoses a relative Rhythm 401 as the absolute one', () => {
    const absolute = capturedFromHarEntry(chrome)!;
    const made = capturedFromHarEntry({
      ...chrome,
      request: { ...chrome.request, url: `/contacts/${TEST_TENANT}/current` },
    })!;
    expect(made.url).toBe(absolute.url);
  });
});

describe('readHarEntry: why an entry is unreadable', () => {
  const { request, response } = chrome;
  it.each<[string, unknown, UnreadableReason]>([
    ['a string', 'GET /', 'not an entry'],
    ['no URL', { ...chrome, request: { ...request, url: undefined } }, 'no URL'],
    ['no method', { ...chrome, request: { ...request, method: undefined } }, 'no method'],
    ['no status', { ...chrome, response: { ...response, status: undefined } }, 'no status'],
    ['no startedDateTime', { ...chrome, startedDateTime: undefined }, 'no start time'],
  ])('says %s', (_, entry, reason) => {
    expect(readHarEntry(entry)).toEqual({ reason });
  });
});
