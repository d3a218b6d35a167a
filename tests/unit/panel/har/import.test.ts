/**
 * "Import HAR" without a DOM: a HAR streamed in chunks → the panel entries of its Rhythm 401s
 * (same root causes as `rhythm-auth diagnose --har`), marked `har`, newest first, with a summary
 * that says what was skipped and whether the file lost its credentials on export.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chromeEntry,
  CURRENT,
  fillTemplate,
  harOf,
  harText,
  scenarioHar,
  SENT,
  type Scenario,
  type Tokens,
} from '../../../fixtures/har/generate.js';
import {
  importHar,
  MAX_IMPORTED,
  type HarImportContext,
} from '../../../../src/panel/har/import.js';

const CONTEXT: HarImportContext = {
  name: 'portal.har',
  tabId: 7,
  importedAt: SENT + 86_400_000,
  seq: 3,
  settings: {},
};

async function* chunked(text: string, size = 4096): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

let text: string;
let scenarios: Scenario[];
let tokens: Tokens;

beforeAll(async () => {
  const made = await scenarioHar();
  text = made.text;
  scenarios = made.scenarios;
  tokens = made.tokens;
});

describe('importHar', () => {
  it('diagnoses every Rhythm 401 (not the 200s, not other APIs) with the CLI’s root causes, newest first', async () => {
    const { entries } = await importHar(chunked(text, 1000), CONTEXT);
    const sentAt = (s: Scenario) => Date.parse(s.entry.startedDateTime as string);
    const expected = [...scenarios].sort((a, b) => sentAt(b) - sentAt(a));
    expect(entries.map((e) => e.diagnosis.rootCause?.id ?? null)).toEqual(
      expected.map((s) => s.rootCause),
    );
    expect(entries.map((e) => e.diagnosis.request.sentAt)).toEqual(expected.map(sentAt));
  });

  it('marks the entries as imported, in this panel only', async () => {
    const { entries } = await importHar(chunked(text), CONTEXT);
    for (const e of entries) {
      expect(e).toMatchObject({ tabId: 7, source: 'har', harFile: 'portal.har' });
      expect(e.capturedAt).toBe(CONTEXT.importedAt);
      expect(e.id).toMatch(/^har:3:\d+$/);
      expect(e).not.toHaveProperty('token');
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    // The 401 body comes along, for the detail's Response section.
    expect(entries[0]!.responseBody).toBe('{"message":"Unauthorized"}');
  });

  it('sums up the file: entries, 401s diagnosed, failures; no finding when the tokens are there', async () => {
    const { summary } = await importHar(chunked(text), CONTEXT);
    const { causes, ...rest } = summary;
    const total = causes!.reduce((n, [, c]) => n + c, 0);
    expect(total).toBe(scenarios.length);
    expect(Object.fromEntries(causes!)['none'] ?? 0).toBe(
      scenarios.filter((s) => s.rootCause === null).length,
    );
    expect(rest).toEqual({
      name: 'portal.har',
      bytes: new TextEncoder().encode(text).length,
      entries: scenarios.length + 3,
      unreadable: 0,
      unreadableReasons: [],
      diagnosed: scenarios.length,
      listed: scenarios.length,
      failed: scenarios.filter((s) => s.rootCause !== null).length,
      finding: null,
    });
  });

  it('says when the HAR was exported without its credentials (Chrome’s sanitized export)', async () => {
    const { summary, entries } = await importHar(
      chunked(fillTemplate('chrome-sanitized', tokens)),
      CONTEXT,
    );
    expect(summary.finding?.kind).toBe('removed');
    expect(summary.finding?.summary).toMatch(/exported without credentials/);
    expect(summary.finding?.howToExport.join('\n')).toMatch(/Export HAR \(with sensitive data\)/);
    expect(entries.map((e) => e.diagnosis.rootCause?.id)).toEqual([
      'header.present',
      'header.present',
    ]);
    // Each listed row says what the banner says, not "No Authorization header — send one".
    for (const e of entries) {
      const present = e.diagnosis.checks.find((c) => c.id === 'header.present');
      expect(present?.title).toBe('No Authorization header in this HAR: the exporter removed it');
      expect(present?.fix).toMatch(/^Export the HAR again with its headers/);
      expect(e.diagnosis.rootCause?.summary).toBe(present?.title);
    }
  });

  it('counts the entries it cannot read instead of failing on them', async () => {
    const har = harText(
      harOf([
        { request: { url: CURRENT }, response: { status: 401 } }, // no method, no start time
        42, // not an object: the scanner refuses the file
      ]),
    );
    await expect(importHar(chunked(har), CONTEXT)).rejects.toThrow(/log\.entries\[1\] is a number/);
    const readable = harText(
      harOf([
        { request: { url: CURRENT }, response: { status: 401 } },
        chromeEntry({ url: CURRENT, status: 401 }),
      ]),
    );
    const { summary, entries } = await importHar(chunked(readable), CONTEXT);
    expect(summary).toMatchObject({ entries: 2, unreadable: 1, diagnosed: 1 });
    expect(entries.map((e) => e.id)).toEqual(['har:3:1']);
  });

  it('takes the Options page’s extra API hosts and 403 setting, as the live capture does', async () => {
    const STAGING = 'https://api.staging.acme.org/contacts/acme.org/current';
    const har = JSON.stringify(
      harOf([
        chromeEntry({ url: STAGING, status: 401, sentAt: SENT }),
        chromeEntry({ url: CURRENT, status: 403, sentAt: SENT + 1000 }),
        chromeEntry({ url: 'https://api.other.example/x', status: 401, sentAt: SENT + 2000 }),
      ]),
    );
    const plain = await importHar(chunked(har), CONTEXT);
    expect(plain.summary.diagnosed).toBe(0);
    const configured = await importHar(chunked(har), {
      ...CONTEXT,
      settings: { extraApiHosts: ['api.staging.acme.org'], capture403: true },
    });
    expect(configured.summary.diagnosed).toBe(2);
    expect(configured.entries.map((e) => e.diagnosis.request.url)).toEqual([CURRENT, STAGING]);
  });

  it(`lists at most ${MAX_IMPORTED} 401s, the newest, and counts the rest`, async () => {
    const many = Array.from({ length: MAX_IMPORTED + 25 }, (_, i) =>
      chromeEntry({ url: CURRENT, status: 401, sentAt: SENT + i * 1000 }),
    );
    const { summary, entries } = await importHar(
      chunked(JSON.stringify(harOf(many)), 65_536),
      CONTEXT,
    );
    expect(summary).toMatchObject({ diagnosed: MAX_IMPORTED + 25, listed: MAX_IMPORTED });
    expect(entries).toHaveLength(MAX_IMPORTED);
    expect(entries[0]!.diagnosis.request.sentAt).toBe(SENT + (MAX_IMPORTED + 24) * 1000);
    expect(entries.at(-1)!.diagnosis.request.sentAt).toBe(SENT + 25 * 1000);
  });
});
