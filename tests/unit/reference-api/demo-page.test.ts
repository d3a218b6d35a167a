/**
 * The demo page's script, exactly as served, run in a `vm` context whose `fetch` goes through the
 * in-process handler with a minimal CORS model (preflight for non-safelisted headers). Proves
 * each scenario gets the status its label promises, for the reason its label names.
 */
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../../../tools/reference-api/demo-scenarios.js';
import { createFixture, request } from './fixture.js';
import type { Fixture } from './fixture.js';

const ORIGIN = 'https://app.rhythmsoftware.com';

/** What the API decided on the last call (preflights included), by rule id. */
let lastApiRule = '';
let demo: {
  scenarios: Array<{ id: string; label: string }>;
  run: (id: string) => Promise<number>;
  runAll: () => Promise<Array<{ id: string; status: number }>>;
};

function browserFetch(fx: Fixture) {
  return async (
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) => {
    const method = init.method ?? 'GET';
    const names = Object.keys(init.headers ?? {}).map((h) => h.toLowerCase());
    const isApi = new URL(url).hostname.endsWith('api.rhythmsoftware.com');
    if (names.some((name) => name !== 'accept')) {
      const preflight = await fx.handler(
        request(url, {
          method: 'OPTIONS',
          headers: {
            Origin: ORIGIN,
            'Access-Control-Request-Method': method,
            'Access-Control-Request-Headers': names.join(','),
          },
        }),
      );
      if (isApi) lastApiRule = preflight.rule;
      if (preflight.status !== 204) throw new TypeError('Failed to fetch');
    }
    const headers = { ...init.headers, Origin: ORIGIN };
    const answer = await fx.handler(request(url, { method, headers, body: init.body ?? '' }));
    if (isApi) lastApiRule = answer.rule;
    if (answer.headers['Access-Control-Allow-Origin'] !== ORIGIN) throw new TypeError('CORS');
    return {
      status: answer.status,
      ok: answer.status >= 200 && answer.status < 300,
      json: async () => JSON.parse(answer.body) as unknown,
    };
  };
}

beforeAll(async () => {
  const fx = await createFixture();
  const page = (await fx.handler(request(`${ORIGIN}/`))).body;
  const script = /<script>([\s\S]*)<\/script>/.exec(page)?.[1];
  if (script === undefined) throw new Error('the demo page has no script');
  const window: Record<string, unknown> = {};
  runInNewContext(script, { window, fetch: browserFetch(fx) });
  demo = window['rhythmDemo'] as typeof demo;
});

const EXPECTED_RULES: Readonly<Record<string, string>> = {
  valid: 'ok',
  'm2m-valid': 'ok',
  'no-authorization': 'no-credentials',
  'misspelled-header': 'no-credentials',
  'no-bearer-prefix': 'malformed-authorization',
  'bearer-bearer': 'malformed-authorization',
  'no-audience': 'not-a-jws',
  'id-token': 'wrong-audience',
  'wrong-audience': 'wrong-audience',
  expired: 'expired',
  'foreign-signature': 'bad-signature',
  'alg-none': 'alg-not-allowed',
  'missing-tenant-claim': 'missing-tenant-id',
  'never-logged-in': 'contact-required',
  'm2m-contacts-current': 'contact-required',
  'wrong-module-host': 'wrong-module',
  'bare-api-host': 'no-api-on-host',
  'wrong-tenant': 'tenant-mismatch',
  'undefined-in-url': 'placeholder-tenant',
  'preflight-401': 'preflight-401',
};

describe('the demo page', () => {
  it('lists every scenario on window.rhythmDemo, each with a unique id', () => {
    const ids = demo.scenarios.map((s) => s.id);
    expect(ids).toEqual(DEMO_SCENARIOS.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(EXPECTED_RULES).sort()).toEqual([...ids].sort());
  });

  it.each(DEMO_SCENARIOS.map((s) => [s.id, s.label, s.expectedStatus] as const))(
    'runs %s ("%s") to status %i for the rule it names',
    async (id, _label, expectedStatus) => {
      expect(await demo.run(id)).toBe(expectedStatus);
      expect(lastApiRule).toBe(EXPECTED_RULES[id]);
    },
  );

  it('runs all scenarios in order with runAll()', async () => {
    const results = JSON.parse(JSON.stringify(await demo.runAll())) as unknown;
    expect(results).toEqual(DEMO_SCENARIOS.map((s) => ({ id: s.id, status: s.expectedStatus })));
  });

  it('rejects an unknown scenario id', async () => {
    await expect(demo.run('nope')).rejects.toThrow('unknown scenario nope');
  });
});
