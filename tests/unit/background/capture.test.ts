import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import type * as AnalyzeModule from '../../../src/analyzer/analyze.js';
import { fingerprint } from '../../../src/analyzer/sha256.js';
import type { AnalyzerSettings, CheckId } from '../../../src/analyzer/types.js';
import {
  createCapture,
  type CompletedEvent,
  type RequestEvent,
} from '../../../src/background/capture.js';
import { analyzerSettings, parseSettings } from '../../../src/shared/settings.js';
import type { StoredDiagnosis } from '../../../src/shared/stored.js';
import { createTabStore } from '../../../src/shared/tab-store.js';
import { T0, signToken } from '../../helpers/tokens.js';
import { ROLODEX_URL, SENT_AT } from '../shared/fixtures.js';

/** The last success a user's 401 to ROLODEX_URL compares with. */
const ROLODEX_OK = {
  host: 'rolodex.api.rhythmsoftware.com',
  route: '/contacts/{tenant}',
  subject: 'user',
} as const;
import { createMemoryArea } from '../shared/memory-area.js';

// The real analyzer, watched: what capture hands it (redirectedFrom) is not in the Diagnosis.
vi.mock('../../../src/analyzer/analyze.js', async (importOriginal) => {
  const real = await importOriginal<typeof AnalyzeModule>();
  return { ...real, analyze: vi.fn(real.analyze) };
});

const TOKEN = await signToken();
const NEXT_TOKEN = await signToken({ iatMs: T0 + 60_000 });
const EXPIRED = await signToken({ iatMs: T0 - 3 * 86_400_000 });
const BARE_URL = 'https://api.rhythmsoftware.com/contacts/acme.org';
const MEMBERSHIP_URL = 'https://membership.api.rhythmsoftware.com/memberships/acme.org';

function setup(options: { settings?: AnalyzerSettings } = {}) {
  const area = createMemoryArea();
  const store = createTabStore(area);
  const diagnosed: Array<{ entry: StoredDiagnosis; count: number }> = [];
  let settings = options.settings ?? {};
  const capture = createCapture({
    store,
    settings: () => settings,
    now: () => SENT_AT + 500,
    onDiagnosed: (entry, count) => diagnosed.push({ entry, count }),
  });
  return {
    area,
    store,
    capture,
    diagnosed,
    setSettings: (next: AnalyzerSettings) => (settings = next),
  };
}

interface Sent {
  requestId?: string;
  tabId?: number;
  url?: string;
  method?: string;
  /** The Authorization header value; omitted → none. */
  auth?: string;
  timeStamp?: number;
}

function sent(o: Sent = {}): RequestEvent {
  return {
    requestId: o.requestId ?? '7',
    tabId: o.tabId ?? 1,
    url: o.url ?? ROLODEX_URL,
    method: o.method ?? 'GET',
    timeStamp: o.timeStamp ?? SENT_AT,
    type: 'xmlhttprequest',
    requestHeaders: [
      { name: 'Accept', value: 'application/json' },
      ...(o.auth === undefined ? [] : [{ name: 'Authorization', value: o.auth }]),
    ],
  };
}

function completed(statusCode: number, o: Sent = {}): CompletedEvent {
  const { requestHeaders: _, ...event } = sent(o);
  return {
    ...event,
    timeStamp: (o.timeStamp ?? SENT_AT) + 120,
    statusCode,
    responseHeaders: [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }],
  };
}

const rootCause = (entry: StoredDiagnosis | null | undefined): CheckId | null | undefined =>
  entry?.diagnosis.rootCause?.id ?? (entry ? null : undefined);
const lastAnalyzed = () => vi.mocked(analyze).mock.lastCall?.[0];

beforeEach(() => {
  vi.mocked(analyze).mockClear();
});

describe('createCapture', () => {
  it.each<[string, string | undefined, CheckId]>([
    ['the token has no Bearer prefix', TOKEN, 'header.scheme'],
    ['Bearer is sent twice', `Bearer Bearer ${TOKEN}`, 'header.scheme'],
    ['the token expired before the request', `Bearer ${EXPIRED}`, 'token.expiry'],
    ['there is no Authorization header', undefined, 'header.present'],
  ])('diagnoses and stores a 401 where %s', async (_, auth, cause) => {
    const { capture, area } = setup();
    capture.onSendHeaders(sent({ auth }));
    const entry = await capture.onCompleted(completed(401));

    expect(rootCause(entry)).toBe(cause);
    expect(entry).toMatchObject({ id: 'webRequest:7', tabId: 1, source: 'webRequest' });
    expect((await createTabStore(area).read(1)).map((e) => e.diagnosis.rootCause?.id)).toEqual([
      cause,
    ]);
  });

  it('diagnoses from the headers sent, the response headers and the send time', async () => {
    const { capture } = setup();
    capture.onSendHeaders(sent({ auth: `Bearer ${TOKEN}`, timeStamp: SENT_AT }));
    const entry = await capture.onCompleted(completed(401));

    expect(entry?.diagnosis.request).toEqual({
      method: 'GET',
      url: ROLODEX_URL,
      status: 401,
      sentAt: SENT_AT,
    });
    expect(entry?.diagnosis.token.fingerprint).toBe(fingerprint(TOKEN));
    expect(entry?.diagnosis.server.challenge).toBe('Bearer error="invalid_token"');
    expect(entry?.capturedAt).toBe(SENT_AT + 500);
  });

  it('tells onDiagnosed the count kept for the tab', async () => {
    const { capture, diagnosed } = setup();
    for (const requestId of ['1', '2', '3']) {
      capture.onSendHeaders(sent({ requestId, auth: TOKEN }));
      await capture.onCompleted(completed(401, { requestId }));
    }
    expect(diagnosed.map((d) => [d.entry.id, d.count])).toEqual([
      ['webRequest:1', 1],
      ['webRequest:2', 2],
      ['webRequest:3', 3],
    ]);
  });

  it('does not store a 200 but remembers its claims as the last success of the host', async () => {
    const { capture, area, store, diagnosed } = setup();
    capture.onSendHeaders(sent({ auth: `Bearer ${TOKEN}` }));
    expect(await capture.onCompleted(completed(200))).toBeNull();

    expect(await createTabStore(area).read(1)).toEqual([]);
    expect(diagnosed).toEqual([]);
    const ok = await store.lastSuccess(1, ROLODEX_OK);
    expect(ok).toMatchObject({
      host: 'rolodex.api.rhythmsoftware.com',
      route: '/contacts/{tenant}',
      subject: 'user',
      at: SENT_AT,
      url: ROLODEX_URL,
      fingerprint: fingerprint(TOKEN),
      header: { alg: 'RS256', kid: 'test-key-1' },
      claims: { sub: 'auth0|64f0c0ffee', iat: T0 / 1000 },
    });
  });

  it.each<[string, { url?: string; headers?: Array<{ name: string; value: string }> }]>([
    ['a look-alike header', { headers: [{ name: 'X-Access-Token', value: TOKEN }] }],
    ['the query string', { url: `${ROLODEX_URL}?access_token=${TOKEN}` }],
  ])('remembers the last success of a token sent in %s, as the analyzer reads it', async (_, o) => {
    const { capture, store } = setup();
    const event = sent({ url: o.url });
    capture.onSendHeaders({
      ...event,
      requestHeaders: [...event.requestHeaders!, ...(o.headers ?? [])],
    });
    await capture.onCompleted(completed(200, { url: o.url }));
    const ok = await store.lastSuccess(1, ROLODEX_OK);
    expect(ok?.fingerprint).toBe(fingerprint(TOKEN));
    expect(ok?.url).not.toContain(TOKEN);
  });

  it('writes the last success once per token, and again when the token changes', async () => {
    const { capture, area, store } = setup();
    const set = vi.spyOn(area, 'set');
    const ok = async (requestId: string, token: string) => {
      capture.onSendHeaders(sent({ requestId, auth: `Bearer ${token}` }));
      await capture.onCompleted(completed(200, { requestId }));
    };
    await ok('1', TOKEN);
    await ok('2', TOKEN);
    await ok('3', TOKEN);
    expect(set).toHaveBeenCalledTimes(1);

    await ok('4', NEXT_TOKEN);
    expect(set).toHaveBeenCalledTimes(2);
    const last = await store.lastSuccess(1, ROLODEX_OK);
    expect(last?.fingerprint).toBe(fingerprint(NEXT_TOKEN));
  });

  it('remembers a 200 again after the tab was cleared', async () => {
    const { capture, store } = setup();
    const ok = async (requestId: string) => {
      capture.onSendHeaders(sent({ requestId, auth: `Bearer ${TOKEN}` }));
      await capture.onCompleted(completed(200, { requestId }));
    };
    await ok('1');
    await store.clear(1);
    await ok('2');
    expect(await store.lastSuccess(1, ROLODEX_OK)).toMatchObject({
      fingerprint: fingerprint(TOKEN),
    });
  });

  it.each([
    ['no Authorization header', undefined],
    ['an opaque token', 'Bearer not-a-jwt'],
  ])('remembers no success for a 200 with %s', async (_, auth) => {
    const { capture, area } = setup();
    capture.onSendHeaders(sent({ auth }));
    await capture.onCompleted(completed(200));
    expect(area.keys()).toEqual([]);
  });

  const OPTIONS = (saved: unknown) => analyzerSettings(parseSettings(saved));
  it.each<[string, AnalyzerSettings, number, boolean]>([
    ['a 401 by default', OPTIONS({}), 401, true],
    ['no 403 by default', OPTIONS({}), 403, false],
    ['a 403 when capture403 is on', OPTIONS({ capture403: true }), 403, true],
    ['no 500 even with capture403 on', OPTIONS({ capture403: true }), 500, false],
    ['no 404', {}, 404, false],
  ])('captures %s', async (_, settings, status, stored) => {
    const { capture, area } = setup({ settings });
    capture.onSendHeaders(sent({ auth: `Bearer ${TOKEN}` }));
    const entry = await capture.onCompleted(completed(status));
    expect(entry !== null).toBe(stored);
    expect((await createTabStore(area).read(1)).length).toBe(stored ? 1 : 0);
    expect(capture.inFlightCount).toBe(0);
  });

  it('diagnoses a 401 from an extra API host of the settings, and follows redirects to one', async () => {
    const STAGING = 'https://api.staging.acme.org/contacts/acme.org/current';
    const { capture, setSettings } = setup();
    capture.onSendHeaders(sent({ requestId: '1', url: STAGING, auth: `Bearer ${TOKEN}` }));
    expect(await capture.onCompleted(completed(401, { requestId: '1', url: STAGING }))).toBeNull();
    setSettings({ extraApiHosts: ['api.staging.acme.org'] });
    capture.onSendHeaders(sent({ requestId: '2', auth: `Bearer ${TOKEN}` }));
    capture.onBeforeRedirect({ ...sent({ requestId: '2' }), redirectUrl: STAGING });
    expect(capture.inFlightCount).toBe(1);
    const entry = await capture.onCompleted(completed(401, { requestId: '2', url: STAGING }));
    expect(entry?.diagnosis.request.url).toBe(STAGING);
    expect(lastAnalyzed()?.redirectedFrom).toEqual([ROLODEX_URL]);
  });

  it('reads the statuses setting at each completion', async () => {
    const { capture, setSettings } = setup();
    capture.onSendHeaders(sent({ requestId: '1', auth: TOKEN }));
    expect(await capture.onCompleted(completed(403, { requestId: '1' }))).toBeNull();
    setSettings({ capture403: true });
    capture.onSendHeaders(sent({ requestId: '2', auth: TOKEN }));
    expect(await capture.onCompleted(completed(403, { requestId: '2' }))).not.toBeNull();
  });

  it.each<[string, (c: ReturnType<typeof setup>['capture']) => unknown]>([
    ['completes with a 401', (c) => c.onCompleted(completed(401))],
    ['completes with a 200', (c) => c.onCompleted(completed(200))],
    ['completes with a status not captured', (c) => c.onCompleted(completed(502))],
    ['fails (network error, blocked, cancelled)', (c) => c.onErrorOccurred(sent())],
    [
      'is redirected to a host outside Rhythm',
      (c) => c.onBeforeRedirect({ ...sent(), redirectUrl: 'https://login.example.com/authorize' }),
    ],
  ])('drops the in-flight headers when the request %s', async (_, end) => {
    const { capture } = setup();
    capture.onSendHeaders(sent({ auth: `Bearer ${TOKEN}` }));
    expect(capture.inFlightCount).toBe(1);
    await end(capture);
    expect(capture.inFlightCount).toBe(0);
  });

  it('keeps the in-flight headers across a redirect within the Rhythm hosts', () => {
    const { capture } = setup();
    capture.onSendHeaders(sent({ url: BARE_URL, auth: `Bearer ${TOKEN}` }));
    capture.onBeforeRedirect({ ...sent({ url: BARE_URL }), redirectUrl: ROLODEX_URL });
    expect(capture.inFlightCount).toBe(1);
  });

  it('passes a redirect chain within the Rhythm hosts as redirectedFrom, oldest first', async () => {
    const { capture } = setup();
    const auth = `Bearer ${TOKEN}`;
    capture.onSendHeaders(sent({ url: BARE_URL, auth }));
    capture.onBeforeRedirect({ ...sent({ url: BARE_URL }), redirectUrl: MEMBERSHIP_URL });
    capture.onSendHeaders(sent({ url: MEMBERSHIP_URL, auth }));
    capture.onBeforeRedirect({ ...sent({ url: MEMBERSHIP_URL }), redirectUrl: ROLODEX_URL });
    capture.onSendHeaders(sent({ url: ROLODEX_URL, auth }));
    await capture.onCompleted(completed(401, { url: ROLODEX_URL }));

    expect(lastAnalyzed()).toMatchObject({
      url: ROLODEX_URL,
      redirectedFrom: [BARE_URL, MEMBERSHIP_URL],
    });
    expect(capture.inFlightCount).toBe(0);
  });

  it('diagnoses header.present when a cross-origin redirect dropped the Authorization header', async () => {
    const { capture } = setup();
    capture.onSendHeaders(sent({ url: BARE_URL, auth: `Bearer ${TOKEN}` }));
    capture.onBeforeRedirect({ ...sent({ url: BARE_URL }), redirectUrl: ROLODEX_URL });
    capture.onSendHeaders(sent({ url: ROLODEX_URL })); // the browser removed Authorization
    const entry = await capture.onCompleted(completed(401, { url: ROLODEX_URL }));

    expect(rootCause(entry)).toBe('header.present');
    const present = entry?.diagnosis.checks.find((c) => c.id === 'header.present');
    expect(present?.status).toBe('fail');
    expect(present?.title).toMatch(/redirect/i);
  });

  it('passes no redirectedFrom for a request that was not redirected', async () => {
    const { capture } = setup();
    capture.onSendHeaders(sent({ auth: TOKEN }));
    await capture.onCompleted(completed(401));
    expect(lastAnalyzed()).not.toHaveProperty('redirectedFrom');
  });

  it('counts and diagnoses a 401 whose request a restarted worker did not see, saying so', async () => {
    const { capture, area, diagnosed } = setup();
    const entry = await capture.onCompleted(completed(401));
    expect(rootCause(entry)).toBe('header.present');
    const present = entry?.diagnosis.checks.find((c) => c.id === 'header.present');
    expect(present?.title).toBe(
      'Request headers not seen: the extension restarted while this request was in flight',
    );
    // Not "send an Authorization header": the header may well have been there.
    expect(present?.fix).not.toMatch(/Send `Authorization/);
    expect(entry?.diagnosis.server.challenge).toBe('Bearer error="invalid_token"');
    expect(diagnosed).toHaveLength(1);
    expect(area.keys()).toContain('tab:1');
  });

  it('diagnoses an OPTIONS preflight 401 without an in-flight entry as request.preflight', async () => {
    const { capture, diagnosed } = setup();
    const entry = await capture.onCompleted(completed(401, { method: 'OPTIONS' }));
    expect(rootCause(entry)).toBe('request.preflight');
    expect(diagnosed.map((d) => d.count)).toEqual([1]);
  });

  it.each<[string, Sent]>([
    ['a 401', {}],
    ['a preflight 401', { method: 'OPTIONS' }],
  ])('ignores %s from tabId -1 (not from a tab)', async (_, o) => {
    const { capture, area } = setup();
    capture.onSendHeaders(sent({ ...o, tabId: -1, auth: TOKEN }));
    expect(capture.inFlightCount).toBe(0);
    expect(await capture.onCompleted(completed(401, { ...o, tabId: -1 }))).toBeNull();
    expect(area.keys()).toEqual([]);
  });

  it('diagnoses a preflight 401 from onHeadersReceived (Firefox sends it nowhere else)', async () => {
    const { capture, diagnosed } = setup();
    capture.onSendHeaders(sent({ method: 'OPTIONS' }));
    const entry = await capture.onHeadersReceived(completed(401, { method: 'OPTIONS' }));
    expect(rootCause(entry)).toBe('request.preflight');
    capture.onErrorOccurred(sent({ method: 'OPTIONS' }));
    expect(diagnosed).toHaveLength(1);
    expect(capture.inFlightCount).toBe(0);
  });

  it.each<[string, Sent, number, number[]]>([
    ['a GET 401 (onCompleted diagnoses it)', {}, 401, [401]],
    ['a preflight 204', { method: 'OPTIONS' }, 204, [401]],
    ['a preflight 403 while 403s are not diagnosed', { method: 'OPTIONS' }, 403, [401]],
  ])('leaves %s alone at onHeadersReceived', async (_, o, status, statuses) => {
    const { capture, diagnosed } = setup({ settings: { capture403: statuses.includes(403) } });
    capture.onSendHeaders(sent({ ...o, auth: TOKEN }));
    expect(await capture.onHeadersReceived(completed(status, o))).toBeNull();
    expect(analyze).not.toHaveBeenCalled();
    expect(diagnosed).toEqual([]);
    expect(capture.inFlightCount).toBe(1);
  });

  it('skips at onCompleted a preflight already diagnosed at onHeadersReceived (Chrome sends both)', async () => {
    const { capture, diagnosed } = setup();
    capture.onSendHeaders(sent({ method: 'OPTIONS' }));
    await capture.onHeadersReceived(completed(401, { method: 'OPTIONS' }));
    expect(await capture.onCompleted(completed(401, { method: 'OPTIONS' }))).toBeNull();
    expect(analyze).toHaveBeenCalledOnce();
    expect(diagnosed).toHaveLength(1);
    expect(capture.inFlightCount).toBe(0);
  });

  it('stores each request once even when the browser reports its completion twice', async () => {
    const { capture, diagnosed } = setup();
    capture.onSendHeaders(sent({ auth: TOKEN }));
    await capture.onCompleted(completed(401));
    capture.onSendHeaders(sent({ auth: TOKEN }));
    expect(await capture.onCompleted(completed(401))).toBeNull();
    expect(diagnosed).toHaveLength(1);
  });

  it('keeps the token string out of storage and its fingerprint in', async () => {
    const { capture, area } = setup();
    const tokens = [TOKEN, NEXT_TOKEN, EXPIRED];
    const headers = [
      `Bearer ${TOKEN}`,
      TOKEN,
      `Bearer Bearer ${NEXT_TOKEN}`,
      `Bearer "${NEXT_TOKEN}"`,
      `Bearer ${EXPIRED}\n`,
    ];
    for (const [i, auth] of headers.entries()) {
      capture.onSendHeaders(sent({ requestId: `${i}`, auth }));
      await capture.onCompleted(completed(401, { requestId: `${i}` }));
    }
    capture.onSendHeaders(sent({ requestId: 'ok', auth: `Bearer ${TOKEN}` }));
    await capture.onCompleted(completed(200, { requestId: 'ok' }));

    const stored = JSON.stringify(await area.get(null));
    for (const token of tokens) {
      expect(stored).not.toContain(token);
      for (const segment of token.split('.')) expect(stored).not.toContain(segment);
      expect(stored).toContain(fingerprint(token));
    }
  });
});
