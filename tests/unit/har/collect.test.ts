/**
 * The one HAR collector: what it hands each caller, and `rediagnose`, which words a row without
 * credentials the way the banner speaks once the whole file is read.
 */
import { describe, expect, it } from 'vitest';
import { createHarCollector, type Diagnosed } from '../../../src/har/collect.js';
import { readHarEntries } from '../../../src/har/read-entries.js';
import { CURRENT, SENT, chromeEntry, harOf, makeTokens } from '../../fixtures/har/generate.js';

const tokens = await makeTokens();

async function collect(entries: unknown[]) {
  const seen: Diagnosed[] = [];
  const collector = createHarCollector({}, (d) => seen.push(d));
  const text = JSON.stringify(harOf(entries));
  await readHarEntries(
    (async function* () {
      yield new TextEncoder().encode(text);
    })(),
    collector.entry,
  );
  return { seen, collector };
}

describe('createHarCollector: rows without credentials', () => {
  it('flags the requests with no token anywhere', async () => {
    const { seen } = await collect([
      chromeEntry({ url: CURRENT, status: 401 }),
      chromeEntry({ url: CURRENT, status: 401, authorization: `Bearer ${tokens.user}` }),
    ]);
    expect(seen.map((d) => d.withoutCredentials)).toEqual([true, false]);
  });

  it('words them as removed by the exporter when a Rhythm call succeeded without the header', async () => {
    const { seen, collector } = await collect([
      chromeEntry({ url: CURRENT, status: 200, sentAt: SENT }),
      chromeEntry({ url: CURRENT, status: 401, sentAt: SENT + 1000 }),
    ]);
    expect(collector.counts().finding?.kind).toBe('removed');
    const first = seen[0]!;
    // As it streamed by, the row could not know.
    expect(first.diagnosis.rootCause?.summary).toBe('No Authorization header');
    const again = collector.rediagnose(first.request);
    expect(again?.rootCause).toMatchObject({
      id: 'header.present',
      summary: 'No Authorization header in this HAR: the exporter removed it',
    });
    expect(again?.verdict).toBe(first.diagnosis.verdict);
  });

  it('leaves the rows alone when the HAR kept credentials elsewhere', async () => {
    const { seen, collector } = await collect([
      chromeEntry({ url: CURRENT, status: 401 }),
      chromeEntry({ url: CURRENT, status: 401, authorization: `Bearer ${tokens.user}` }),
    ]);
    expect(collector.counts().finding).toBeNull();
    expect(collector.rediagnose(seen[0]!.request)).toBeNull();
  });
});
