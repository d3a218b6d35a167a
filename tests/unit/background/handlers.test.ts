import { describe, expect, it, vi } from 'vitest';
import type { CheckId } from '../../../src/analyzer/types.js';
import { createCapture } from '../../../src/background/capture.js';
import { createHandlers, dispatch } from '../../../src/background/handlers.js';
import type { Envelope, MessageRequest } from '../../../src/shared/messages.js';
import type { StoredDiagnosis } from '../../../src/shared/stored.js';
import { createTabStore } from '../../../src/shared/tab-store.js';
import { T0, signToken } from '../../helpers/tokens.js';
import { capturedRequest, ROLODEX_URL, SENT_AT, storedEntry } from '../shared/fixtures.js';
import { createMemoryArea } from '../shared/memory-area.js';

const TOKEN = await signToken();
const EXPIRED = await signToken({ iatMs: T0 - 3 * 86_400_000 });

function setup() {
  const area = createMemoryArea();
  const store = createTabStore(area);
  const diagnosed: Array<{ entry: StoredDiagnosis; count: number }> = [];
  const onCleared = vi.fn(async (_tabId: number) => {});
  const deps = {
    store,
    settings: () => ({}),
    now: () => SENT_AT + 900,
    onDiagnosed: (entry: StoredDiagnosis, count: number) => diagnosed.push({ entry, count }),
    onCleared,
    active: {
      plan: async () => ({ held: false }) as const,
      run: async () => ({ kind: 'no-token' }) as const,
    },
  };
  return { area, store, diagnosed, onCleared, deps, handlers: createHandlers(deps) };
}

type Captured = MessageRequest<'add-captured'>['requests'][number];
const captured = (key: string, options: Parameters<typeof capturedRequest>[0] = {}): Captured => ({
  key,
  request: capturedRequest(options),
});
const causes = (list: StoredDiagnosis[]): Array<CheckId | null> =>
  list.map((e) => e.diagnosis.rootCause?.id ?? null);

describe('createHandlers', () => {
  it('get-tab answers the tab’s diagnoses, newest first', async () => {
    const { store, handlers } = setup();
    await store.add(storedEntry({ id: 'webRequest:1', auth: TOKEN }));
    await store.add(storedEntry({ id: 'webRequest:2', tabId: 2 }));
    await store.add(storedEntry({ id: 'webRequest:3', auth: `Bearer ${EXPIRED}`, sentAt: T0 }));

    const { diagnoses } = await handlers['get-tab']({ tabId: 1 });
    expect(diagnoses.map((e) => e.id)).toEqual(['webRequest:3', 'webRequest:1']);
    expect(causes(diagnoses)).toEqual(['token.expiry', 'header.scheme']);
    expect(await handlers['get-tab']({ tabId: 9 })).toEqual({ diagnoses: [] });
  });

  it('clear-tab empties the tab, leaves other tabs and calls onCleared', async () => {
    const { area, store, handlers, onCleared } = setup();
    await store.add(storedEntry({ id: 'webRequest:1', tabId: 1 }));
    await store.add(storedEntry({ id: 'webRequest:2', tabId: 2 }));

    expect(await handlers['clear-tab']({ tabId: 1 })).toEqual({ cleared: true });
    expect(onCleared).toHaveBeenCalledExactlyOnceWith(1);
    expect(await createTabStore(area).read(1)).toEqual([]);
    expect(await store.count(2)).toBe(1);
  });

  it('add-captured diagnoses each request and reports each added one with the count', async () => {
    const { area, handlers, diagnosed } = setup();
    const reply = await handlers['add-captured']({
      tabId: 4,
      requests: [
        captured('r1', { auth: TOKEN }),
        captured('r2'),
        captured('r3', { auth: `Bearer ${EXPIRED}` }),
      ],
    });

    expect(reply).toEqual({ added: 3, count: 3 });
    // Written in one commit: each is reported with the count stored once it is in storage.
    expect(diagnosed.map((d) => [d.entry.id, d.count])).toEqual([
      ['devtools:r1', 3],
      ['devtools:r2', 3],
      ['devtools:r3', 3],
    ]);
    const kept = await createTabStore(area).read(4);
    expect(causes(kept)).toEqual(['token.expiry', 'header.present', 'header.scheme']);
    expect(kept.every((e) => e.source === 'devtools' && e.tabId === 4)).toBe(true);
    expect(kept[0]?.capturedAt).toBe(SENT_AT + 900);
  });

  it('add-captured skips what webRequest already captured and keys it has seen', async () => {
    const { area, store, handlers, deps, diagnosed } = setup();
    // The worker saw the 401 first, through webRequest.
    const capture = createCapture(deps);
    capture.onSendHeaders({
      requestId: '88',
      tabId: 1,
      url: ROLODEX_URL,
      method: 'GET',
      timeStamp: SENT_AT,
      requestHeaders: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }],
    });
    await capture.onCompleted({
      requestId: '88',
      tabId: 1,
      url: ROLODEX_URL,
      method: 'GET',
      timeStamp: SENT_AT + 40,
      statusCode: 401,
    });
    expect(await store.count(1)).toBe(1);

    const backfill = [
      captured('har-1', { auth: `Bearer ${TOKEN}`, sentAt: SENT_AT + 600 }), // the same request
      captured('har-2', { auth: `Bearer ${TOKEN}`, sentAt: SENT_AT + 60_000 }), // a later one
    ];
    expect(await handlers['add-captured']({ tabId: 1, requests: backfill })).toEqual({
      added: 1,
      count: 2,
    });
    // The live listener reports har-2 again: same key, not added twice.
    expect(await handlers['add-captured']({ tabId: 1, requests: [backfill[1]!] })).toEqual({
      added: 0,
      count: 2,
    });
    expect((await createTabStore(area).read(1)).map((e) => e.id)).toEqual([
      'devtools:har-2',
      'webRequest:88',
    ]);
    expect(diagnosed.map((d) => d.entry.id)).toEqual(['webRequest:88', 'devtools:har-2']);
  });

  it('add-captured answers the current count when nothing is sent', async () => {
    const { store, handlers } = setup();
    await store.add(storedEntry({ id: 'webRequest:1' }));
    expect(await handlers['add-captured']({ tabId: 1, requests: [] })).toEqual({
      added: 0,
      count: 1,
    });
  });

  it.each<[string, string | undefined, number | undefined]>([
    ['truncates a long response body to 2048 chars', 'x'.repeat(5000), 2048],
    ['keeps a short response body whole', '{"error":"invalid_token"}', 25],
    ['keeps an empty response body', '', 0],
    ['stores no body when DevTools had none', undefined, undefined],
  ])('add-captured %s', async (_, responseBody, length) => {
    const { area, handlers } = setup();
    const item = { ...captured('r1'), ...(responseBody === undefined ? {} : { responseBody }) };
    await handlers['add-captured']({ tabId: 1, requests: [item] });
    const [entry] = await createTabStore(area).read(1);
    expect(entry?.responseBody?.length).toBe(length);
    if (responseBody !== undefined)
      expect(responseBody.startsWith(entry!.responseBody!)).toBe(true);
    else expect(entry).not.toHaveProperty('responseBody');
  });

  it('add-captured keeps no token a server echoed in its 401 body', async () => {
    const { area, handlers } = setup();
    const body = `{"error":"invalid_token","received":"Bearer ${TOKEN}","raw":"${TOKEN}"}`;
    const item = { ...captured('r1', { auth: `Bearer ${TOKEN}` }), responseBody: body };
    await handlers['add-captured']({ tabId: 1, requests: [item] });
    const [entry] = await createTabStore(area).read(1);
    expect(entry?.responseBody).toContain('invalid_token');
    expect(entry?.responseBody).not.toContain(TOKEN.split('.')[2]!);
    expect(JSON.stringify(area.snapshot())).not.toContain(TOKEN);
  });

  it('get-last-success answers the host’s last success, or null', async () => {
    const { store, handlers } = setup();
    const value = {
      host: 'rolodex.api.rhythmsoftware.com',
      route: '/contacts/{tenant}',
      subject: 'user' as const,
      at: SENT_AT,
      url: ROLODEX_URL,
      header: { alg: 'RS256' },
      claims: { sub: 'auth0|64f0c0ffee' },
      fingerprint: '0123456789ab',
    };
    await store.setLastSuccess(1, value);
    const wanted = { host: value.host, route: value.route, subject: value.subject };
    expect(await handlers['get-last-success']({ tabId: 1, ...wanted })).toEqual({ value });
    expect(
      await handlers['get-last-success']({
        tabId: 1,
        ...wanted,
        host: 'events.api.rhythmsoftware.com',
      }),
    ).toEqual({ value: null });
    expect(await handlers['get-last-success']({ tabId: 1, ...wanted, subject: 'm2m' })).toEqual({
      value: null,
    });
    expect(await handlers['get-last-success']({ tabId: 2, ...wanted })).toEqual({
      value: null,
    });
  });
});

describe('dispatch', () => {
  it('wraps a handler’s reply in {ok: true, value}', async () => {
    const { handlers } = setup();
    const envelope: Envelope = { type: 'clear-tab', payload: { tabId: 1 } };
    expect(await dispatch(handlers, envelope)).toEqual({ ok: true, value: { cleared: true } });
  });

  it.each<[string, unknown, string]>([
    ['an Error', new Error('storage is gone'), 'storage is gone'],
    ['a string', 'plain failure', 'plain failure'],
  ])('turns %s thrown by a handler into {ok: false, error}', async (_, thrown, message) => {
    const { handlers } = setup();
    const failing = { ...handlers, 'get-tab': () => Promise.reject(thrown) };
    expect(await dispatch(failing, { type: 'get-tab', payload: { tabId: 1 } })).toEqual({
      ok: false,
      error: { code: 'handler-failed', message },
    });
  });

  it('answers {ok: false} when the storage under a handler fails', async () => {
    const { area, handlers } = setup();
    vi.spyOn(area, 'get').mockRejectedValue(new Error('Extension context invalidated.'));
    const reply = await dispatch(handlers, { type: 'get-tab', payload: { tabId: 1 } });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'handler-failed', message: 'Extension context invalidated.' },
    });
  });
});
