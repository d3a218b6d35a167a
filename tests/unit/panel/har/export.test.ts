/**
 * "Export sanitized HAR" without a browser: DevTools' network log (a HAR log, as `getHAR()` gives
 * it) → only the requests to the API hosts, each sanitized like `rhythm-auth sanitize-har` (no
 * signature, no cookie, no secret), still giving the same diagnoses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import { capturedFromHarEntry } from '../../../../src/har/entry.js';
import { isRhythmApiHost } from '../../../../src/analyzer/rhythm.js';
import {
  apiEntries,
  sanitizedHar,
  sanitizedHarFileName,
} from '../../../../src/panel/har/export.js';
import { CURRENT, chromeEntry, scenarioHar, type Tokens } from '../../../fixtures/har/generate.js';
import { deepToken, nestedJson } from '../../../helpers/deep.js';
import { T0 } from '../../../helpers/tokens.js';

const OPTIONS = { settings: {}, creator: { name: 'Rhythm Auth', version: '0.1.0' } };

interface Log {
  pages: Array<Record<string, unknown>>;
  entries: Array<Record<string, unknown>>;
}

let log: Log;
let tokens: Tokens;

/** What DevTools hands out: HAR entries with a `getContent` method on each. */
function devtoolsLog(): unknown {
  return {
    ...log,
    browser: { name: 'Chrome', version: '156' },
    entries: log.entries.map((e) => ({ ...e, getContent: () => undefined })),
  };
}

const causes = (entries: unknown[]) =>
  entries.map((e) => {
    const request = capturedFromHarEntry(e);
    return request ? (analyze(request).rootCause?.id ?? null) : 'unreadable';
  });

beforeAll(async () => {
  const made = await scenarioHar();
  log = (JSON.parse(made.text) as { log: Log }).log;
  log.pages = [
    { id: 'page_1', title: `https://portal.acme.org/?code=abc123&state=x` },
    { id: 'page_2', title: 'https://other.example/' },
  ];
  tokens = made.tokens;
});

describe('sanitizedHar', () => {
  it('keeps only the requests to the API hosts (not Auth0, not other APIs)', () => {
    const kept = apiEntries(devtoolsLog(), {});
    const hosts = new Set(kept.map((e) => new URL((e.request as { url: string }).url).hostname));
    expect([...hosts].every(isRhythmApiHost)).toBe(true);
    const har = sanitizedHar(devtoolsLog(), OPTIONS);
    expect(har.requests).toBe(kept.length);
    expect(har.requests).toBe(log.entries.length - 2); // the Auth0 token call, api.example.com
  });

  it('keeps the requests to an extra API host of the settings too', () => {
    const extra = new URL(
      (
        log.entries.find(
          (e) => !isRhythmApiHost(new URL((e.request as { url: string }).url).hostname),
        )!.request as { url: string }
      ).url,
    ).hostname;
    const kept = apiEntries(devtoolsLog(), { extraApiHosts: [extra] });
    expect(kept.length).toBeGreaterThan(apiEntries(devtoolsLog(), {}).length);
  });

  it('writes a HAR 1.2 file without signatures, cookies or secrets', () => {
    const har = sanitizedHar(devtoolsLog(), OPTIONS);
    const parsed = JSON.parse(har.text) as { log: Record<string, unknown> };
    expect(parsed.log).toMatchObject({
      version: '1.2',
      creator: { name: 'Rhythm Auth', version: '0.1.0' },
      browser: { name: 'Chrome', version: '156' },
    });
    for (const token of [tokens.user, tokens.m2m, tokens.id, tokens.noContact]) {
      expect(har.text).not.toContain(token.split('.')[2]);
    }
    expect(har.text).not.toMatch(/ps-1a2b3c|alb-0f1e2d|ak-live-7c6b5a4d3e2f1a0b/);
    // Cookie names and Set-Cookie attributes stay; only the values go (SPEC §6).
    expect(har.text).toContain('"value": "portal_session=[redacted]"');
    expect(har.text).toContain('"value": "AWSALB=[redacted]; Path=/; Secure; HttpOnly"');
    expect(har.text).not.toContain('getContent');
    expect(har.changes.signatures).toBeGreaterThan(0);
    expect(har.changes.cookies).toBeGreaterThan(0);
  });

  it('still gives every request the diagnosis it had', () => {
    const har = sanitizedHar(devtoolsLog(), OPTIONS);
    const sanitized = (JSON.parse(har.text) as { log: Log }).log.entries;
    expect(causes(sanitized)).toEqual(causes(apiEntries(devtoolsLog(), {})));
  });

  it('keeps only the pages of the kept entries, their titles scrubbed', () => {
    const har = JSON.parse(sanitizedHar(devtoolsLog(), OPTIONS).text) as { log: Log };
    expect(har.log.pages.map((p) => p.id)).toEqual(['page_1']);
    expect(har.log.pages[0]!.title).not.toContain('abc123');
  });

  it('is empty, not broken, for a log without API requests or without entries', () => {
    for (const empty of [undefined, null, {}, { entries: 'x' }, { entries: [null, 1, {}] }]) {
      const har = sanitizedHar(empty, OPTIONS);
      expect(har.requests).toBe(0);
      expect(JSON.parse(har.text)).toMatchObject({ log: { entries: [], pages: [] } });
    }
  });
});

describe('sanitizedHar on hostile depth (issue 11)', () => {
  it('exports a token nested 5,000 deep, and an entry as deep, without crashing or its signature', () => {
    const token = deepToken(5000, Math.floor(T0 / 1000));
    const entry = JSON.parse(
      JSON.stringify(
        chromeEntry({ url: CURRENT, status: 401, authorization: `Bearer ${token}` }),
      ).replace('{', `{"_deep":${nestedJson(5000, `"${token}"`)},`),
    ) as Record<string, unknown>;
    const har = sanitizedHar({ entries: [entry] }, OPTIONS);
    expect(har.requests).toBe(1);
    expect(() => JSON.parse(har.text) as unknown).not.toThrow();
    expect(har.text).not.toContain(token.split('.')[2]);
  });
});

describe('sanitizedHarFileName', () => {
  it('names the file after the time, in UTC', () => {
    expect(sanitizedHarFileName(Date.UTC(2026, 10, 1, 13, 4, 5))).toBe(
      'rhythm-auth-sanitized-2026-11-01-13-04-05.har',
    );
  });
});
