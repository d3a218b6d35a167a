import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import type * as AnalyzeModule from '../../../src/analyzer/analyze.js';
import { createCapture, type Capture } from '../../../src/background/capture.js';
import type { RegistrationFailure } from '../../../src/background/listeners.js';
import { hostFilter, watchRequests } from '../../../src/background/watch-requests.js';
import type { StoredDiagnosis } from '../../../src/shared/stored.js';
import { createTabStore } from '../../../src/shared/tab-store.js';
import { T0, signToken } from '../../helpers/tokens.js';
import { ROLODEX_URL, SENT_AT } from '../shared/fixtures.js';
import { createMemoryArea } from '../shared/memory-area.js';
import { fakeWebRequest, type BrowserShape, type EventName } from './fake-web-request.js';

// The real analyzer, counted: a request seen by two listeners must be analyzed once, not just
// stored once (the store would hide a second diagnosis with the same id).
vi.mock('../../../src/analyzer/analyze.js', async (importOriginal) => {
  const real = await importOriginal<typeof AnalyzeModule>();
  return { ...real, analyze: vi.fn(real.analyze) };
});

const RHYTHM = { urls: ['*://*.api.rhythmsoftware.com/*'] };
const STAGING = '*://staging.example.com/*';
const EXPIRED = await signToken({ iatMs: T0 - 3 * 86_400_000 });

function captureSpy(): Capture {
  return {
    onSendHeaders: vi.fn(),
    onHeadersReceived: vi.fn(),
    onBeforeRedirect: vi.fn(),
    onErrorOccurred: vi.fn(),
    onCompleted: vi.fn(),
  } as unknown as Capture;
}

describe('watchRequests', () => {
  it.each<[BrowserShape, string[], boolean]>([
    // Chrome sends a preflight's 401 to onCompleted (with extraHeaders): no onHeadersReceived.
    ['chrome', ['responseHeaders', 'extraHeaders'], false],
    ['firefox', ['responseHeaders'], true],
  ])(
    'adds the capture listeners in %s with the extra info it lists, and removes exactly them',
    (shape, responseSpec, headersReceived) => {
      const fake = fakeWebRequest(shape);
      const failures: RegistrationFailure[] = [];
      const report = (f: RegistrationFailure) => failures.push(f);
      const rhythm = watchRequests(fake.events, captureSpy(), RHYTHM, report);
      const extra = watchRequests(
        fake.events,
        captureSpy(),
        hostFilter(['staging.example.com']),
        report,
      );
      const each = headersReceived ? 5 : 4;
      expect(failures).toEqual([]);
      expect(fake.count()).toBe(2 * each);
      expect(fake.added.filter((a) => a.filter.urls[0] === STAGING)).toEqual([
        { event: 'onSendHeaders', filter: { urls: [STAGING] }, extra: ['requestHeaders'] },
        ...(headersReceived
          ? [{ event: 'onHeadersReceived', filter: { urls: [STAGING] }, extra: responseSpec }]
          : []),
        { event: 'onBeforeRedirect', filter: { urls: [STAGING] } },
        { event: 'onErrorOccurred', filter: { urls: [STAGING] } },
        { event: 'onCompleted', filter: { urls: [STAGING] }, extra: responseSpec },
      ]);
      extra();
      expect(fake.count()).toBe(each);
      rhythm();
      expect(fake.count()).toBe(0);
    },
  );

  it('the Firefox-shaped fake rejects what Firefox rejects (so the tests above can fail)', () => {
    const { events } = fakeWebRequest('firefox');
    expect(() =>
      events.onCompleted.addListener(() => {}, RHYTHM, ['responseHeaders', 'extraHeaders']),
    ).toThrow('Invalid enumeration value "extraHeaders"');
    expect(() =>
      (events.onErrorOccurred.addListener as (...a: unknown[]) => void)(
        () => {},
        RHYTHM,
        undefined,
      ),
    ).toThrow('Incorrect argument types for webRequest.onErrorOccurred.');
  });

  const EVENTS: EventName[] = [
    'onSendHeaders',
    'onHeadersReceived',
    'onBeforeRedirect',
    'onErrorOccurred',
    'onCompleted',
  ];
  it.each(
    EVENTS.flatMap((event) => (['chrome', 'firefox'] as const).map((s) => [event, s] as const)),
  )('reports a failure to add %s in %s and still adds the others', (broken, shape) => {
    const fake = fakeWebRequest(shape);
    fake.breakEvent(broken);
    const failures: RegistrationFailure[] = [];
    watchRequests(fake.events, captureSpy(), RHYTHM, (f) => failures.push(f));
    // Chrome never adds onHeadersReceived: breaking it there breaks nothing.
    const wanted = EVENTS.filter((e) => shape === 'firefox' || e !== 'onHeadersReceived');
    expect(failures).toEqual(
      wanted.includes(broken)
        ? [{ event: broken, message: `webRequest.${broken} is not available` }]
        : [],
    );
    expect(fake.added.map((a) => a.event)).toEqual(wanted.filter((e) => e !== broken));
  });
});

/**
 * The real capture behind the real registration, fed each browser's event sequence as measured
 * (a fetch with Authorization from app.rhythmsoftware.com to Rolodex): one diagnosis per 401.
 */
describe('watchRequests with the real capture', () => {
  const get = { requestId: '1', tabId: 3, url: ROLODEX_URL, method: 'GET', type: 'xmlhttprequest' };
  const preflight = { ...get, requestId: '2', method: 'OPTIONS' };
  const withAuth = [{ name: 'Authorization', value: `Bearer ${EXPIRED}` }];
  const preflightHeaders = [{ name: 'Access-Control-Request-Headers', value: 'authorization' }];
  const answer = (status: number) => ({
    statusCode: status,
    timeStamp: SENT_AT + 50,
    responseHeaders: [{ name: 'WWW-Authenticate', value: 'Bearer realm="rhythm"' }],
  });
  type Step = [EventName, Record<string, unknown>];
  const sent = (base: typeof get, headers: typeof withAuth): Step => [
    'onSendHeaders',
    { ...base, timeStamp: SENT_AT, requestHeaders: headers },
  ];

  const SEQUENCES: Array<[string, BrowserShape, Step[], string]> = [
    [
      'a 401',
      'chrome',
      [
        sent(get, withAuth),
        ['onHeadersReceived', { ...get, ...answer(401) }],
        ['onCompleted', { ...get, ...answer(401) }],
      ],
      'token.expiry',
    ],
    [
      'a 401',
      'firefox',
      [
        sent(get, withAuth),
        ['onHeadersReceived', { ...get, ...answer(401) }],
        ['onCompleted', { ...get, ...answer(401) }],
      ],
      'token.expiry',
    ],
    // Chrome: the preflight reaches onHeadersReceived and onCompleted; the GET is never sent.
    [
      'a preflight 401',
      'chrome',
      [
        sent(preflight, preflightHeaders),
        ['onHeadersReceived', { ...preflight, ...answer(401) }],
        ['onCompleted', { ...preflight, ...answer(401) }],
        ['onErrorOccurred', { ...get, error: 'net::ERR_FAILED' }],
      ],
      'request.preflight',
    ],
    // Firefox: the GET is "sent" first; the preflight's 401 reaches onHeadersReceived only.
    [
      'a preflight 401',
      'firefox',
      [
        sent(get, withAuth),
        sent(preflight, preflightHeaders),
        ['onHeadersReceived', { ...preflight, ...answer(401) }],
        ['onErrorOccurred', { ...preflight, error: 'NS_ERROR_DOM_BAD_URI' }],
        ['onErrorOccurred', { ...get, error: 'NS_ERROR_DOM_BAD_URI' }],
      ],
      'request.preflight',
    ],
  ];

  it.each(SEQUENCES)(
    'diagnoses %s in %s exactly once, and keeps nothing in flight',
    async (_, shape, steps, cause) => {
      vi.mocked(analyze).mockClear();
      const fake = fakeWebRequest(shape);
      const area = createMemoryArea();
      const diagnosed: StoredDiagnosis[] = [];
      const store = createTabStore(area);
      const capture = createCapture({
        store,
        settings: () => ({}),
        now: () => SENT_AT + 500,
        onDiagnosed: (entry) => diagnosed.push(entry),
      });
      // The listeners return nothing; keep what capture returns to wait for it.
      const pending: Array<Promise<unknown>> = [];
      const tracked = Object.fromEntries(
        Object.entries(capture).flatMap(([name, fn]) =>
          typeof fn === 'function'
            ? [
                [
                  name,
                  (d: never) =>
                    void pending.push(Promise.resolve((fn as (d: never) => unknown)(d))),
                ],
              ]
            : [],
        ),
      ) as unknown as Capture;
      const failures: RegistrationFailure[] = [];
      watchRequests(fake.events, tracked, RHYTHM, (f) => failures.push(f));
      for (const [event, details] of steps) fake.emit(event, details);
      await Promise.all(pending);

      expect(failures).toEqual([]);
      expect(diagnosed.map((e) => [e.id, e.diagnosis.rootCause?.id])).toEqual([
        [`webRequest:${steps.find(([e]) => e === 'onHeadersReceived')![1].requestId}`, cause],
      ]);
      expect((await store.read(3)).map((e) => e.diagnosis.rootCause?.id)).toEqual([cause]);
      expect(vi.mocked(analyze)).toHaveBeenCalledTimes(1);
      expect(capture.inFlightCount).toBe(0);
    },
  );
});
