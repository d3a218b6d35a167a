import { describe, expect, it } from 'vitest';
import {
  relevantCapture,
  watchNetwork,
  type SeenCapture,
} from '../../../src/panel/devtools-network.js';
import { CURRENT_URL, SENT_AT } from './fixtures.js';

function harEntry(url: string, status: number, body?: string, encoding?: string) {
  return {
    startedDateTime: new Date(SENT_AT).toISOString(),
    request: { method: 'GET', url, headers: [{ name: 'authorization', value: 'Bearer abc' }] },
    response: {
      status,
      headers: [{ name: 'www-authenticate', value: 'Bearer error="invalid_token"' }],
    },
    getContent(callback: (content: string | null, encoding: string) => void) {
      callback(body ?? null, encoding ?? '');
    },
  };
}

function fakeNetwork(initial: unknown[]) {
  const listeners = new Set<(r: unknown) => void>();
  return {
    listeners,
    getHAR: (cb: (log: { entries?: unknown[] }) => void) => cb({ entries: initial }),
    onRequestFinished: {
      addListener: (l: (r: unknown) => void) => void listeners.add(l),
      removeListener: (l: (r: unknown) => void) => void listeners.delete(l),
    },
    finish: (entry: unknown) => listeners.forEach((l) => l(entry)),
  };
}

const settings = {};
const options = { settings: () => settings };
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("DevTools' network log", () => {
  it('keeps 401s to Rhythm API hosts only', () => {
    expect(relevantCapture(harEntry(CURRENT_URL, 401), settings)).toMatchObject({
      url: CURRENT_URL,
      status: 401,
    });
    expect(relevantCapture(harEntry(CURRENT_URL, 200), settings)).toBeNull();
    expect(relevantCapture(harEntry('https://other.example.test/x', 401), settings)).toBeNull();
    expect(relevantCapture(harEntry('https://www.rhythmsoftware.com/x', 401), settings)).toBeNull();
    expect(relevantCapture({ nonsense: true }, settings)).toBeNull();
  });

  it('also keeps what the Options page adds: extra API hosts, 403s', () => {
    const staging = 'https://api.staging.example.test/x';
    const more = { extraApiHosts: ['api.staging.example.test'], capture403: true };
    expect(relevantCapture(harEntry(staging, 401), settings)).toBeNull();
    expect(relevantCapture(harEntry(staging, 401), more)).toMatchObject({ url: staging });
    expect(relevantCapture(harEntry(CURRENT_URL, 403), settings)).toBeNull();
    expect(relevantCapture(harEntry(CURRENT_URL, 403), more)).toMatchObject({ status: 403 });
  });

  it('backfills with getHAR, then follows finished requests, with their bodies', async () => {
    const seen: SeenCapture[][] = [];
    const network = fakeNetwork([
      harEntry(CURRENT_URL, 401, '{"message":"Unauthorized"}'),
      harEntry(CURRENT_URL, 200),
    ]);
    const stop = watchNetwork({ ...options, network, onSeen: (c) => seen.push(c) });
    await tick();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual([
      expect.objectContaining({
        key: `${SENT_AT}|GET|${CURRENT_URL}|401`,
        responseBody: '{"message":"Unauthorized"}',
      }),
    ]);
    network.finish(harEntry(`${CURRENT_URL}?x=1`, 401, 'x'.repeat(5000)));
    await tick();
    expect(seen[1]?.[0]?.responseBody).toHaveLength(2048);
    stop();
    expect(network.listeners.size).toBe(0);
  });

  it('leaves binary bodies out', async () => {
    const seen: SeenCapture[][] = [];
    const network = fakeNetwork([harEntry(CURRENT_URL, 401, 'AAEC', 'base64')]);
    watchNetwork({ ...options, network, onSeen: (c) => seen.push(c) });
    await tick();
    expect(seen[0]?.[0]).not.toHaveProperty('responseBody');
  });
});
