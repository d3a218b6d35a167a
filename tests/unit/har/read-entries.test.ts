/**
 * The one HAR reader: the scanner fed chunks as `File.stream()` or a file stream hands them out
 * (cut anywhere, even inside a UTF-8 sequence), entries parsed one by one, and a broken file
 * reported with where it broke (byte, line, column).
 */
import { describe, expect, it } from 'vitest';
import {
  HarSyntaxError,
  harErrorText,
  isAbort,
  lineColumnAt,
  readHarEntries,
} from '../../../src/har/read-entries.js';
import { failure } from './failure.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The bytes of `text` in chunks of `size` (the last one shorter). */
async function* chunked(text: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? utf8(text) : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(text: string, size = 7) {
  const entries: Array<{ entry: unknown; index: number }> = [];
  const stats = await readHarEntries(chunked(text, size), (entry, item) =>
    entries.push({ entry, index: item.index }),
  );
  return { entries, stats };
}

const HAR = JSON.stringify(
  {
    log: {
      version: '1.2',
      pages: [{ id: 'page_1', title: 'https://portal.acme.org/' }],
      entries: [
        { request: { url: 'https://a/é😀' }, n: 0 },
        { request: { url: 'https://b/"\\' }, n: 1 },
      ],
    },
  },
  null,
  2,
);

describe('readHarEntries', () => {
  it.each([1, 2, 3, 7, 64, 100_000])(
    'hands out every entry in order whatever the chunk size (%i bytes)',
    async (size) => {
      const { entries, stats } = await read(HAR, size);
      expect(entries).toEqual([
        { entry: { request: { url: 'https://a/é😀' }, n: 0 }, index: 0 },
        { entry: { request: { url: 'https://b/"\\' }, n: 1 }, index: 1 },
      ]);
      expect(stats.bytes).toBe(utf8(HAR).length);
    },
  );

  it('reports progress after each chunk, against the size it was given', async () => {
    const seen: Array<[number, number]> = [];
    await readHarEntries(chunked(HAR, 100), () => {}, {
      totalBytes: utf8(HAR).length,
      onProgress: (read, total) => seen.push([read, total]),
    });
    expect(seen.length).toBe(Math.ceil(utf8(HAR).length / 100));
    expect(seen.at(-1)).toEqual([utf8(HAR).length, utf8(HAR).length]);
    expect(seen.map(([read]) => read)).toEqual(
      [...seen.map(([read]) => read)].sort((a, b) => a - b),
    );
  });

  it('stops between chunks when the signal is aborted', async () => {
    const controller = new AbortController();
    let entries = 0;
    const error = await readHarEntries(chunked(HAR, 10), () => entries++, {
      onProgress: (read) => read >= 50 && controller.abort(),
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(isAbort(error)).toBe(true);
    expect(entries).toBe(0);
  });

  it.each([
    [
      'a file cut inside an entry',
      '{"log":{"entries":[{"request":{"url":"x"',
      /^truncated: the file ends inside log\.entries\[0\] \(which starts at byte 19\)$/,
      40,
    ],
    ['an empty file', '', /^not a HAR: the file is empty$/, 0],
    ['JSON that is not a HAR', '[1, 2]', /^not a HAR: the file holds an array/, 0],
    [
      'a HAR without entries',
      '{"log":{"pages":[]}}',
      /^not a HAR: "log" has no "entries" array$/,
      18,
    ],
    [
      'a broken entry',
      '{"log":{"entries":[\n {"a" 1}\n]}}',
      /expected ':'.*\(in log\.entries\[0\]\)$/,
      26,
    ],
  ])('refuses %s, saying where it broke', async (_name, text, reason, offset) => {
    const error = await failure(read(text, 5));
    expect(error.reason).toMatch(reason);
    expect(error.offset).toBe(offset);
  });
});

describe('lineColumnAt', () => {
  it('counts characters, not bytes, and not the byte order mark, across chunks', async () => {
    const bytes = utf8('\ufeff{\r\n"é😀": x');
    const offset = utf8('\ufeff{\r\n"é😀": ').length;
    for (const size of [1, 3, 100]) {
      expect(await lineColumnAt(chunked(bytes, size), offset)).toEqual({ line: 2, column: 7 });
    }
  });
});

describe('harErrorText', () => {
  it('says what broke and where, like the CLI', () => {
    const error = new HarSyntaxError(
      'truncated: the file ends inside log.entries[0] (which starts at byte 19)',
      32,
    );
    expect(harErrorText(error, { line: 1, column: 33 })).toBe(
      'truncated: the file ends inside log.entries[0] (which starts at byte 19) at byte 32 (line 1, column 33)',
    );
    expect(harErrorText(error)).toMatch(/at byte 32$/);
  });

  it('explains a file the browser could not read', () => {
    const gone = Object.assign(new Error(''), { name: 'NotReadableError' });
    expect(harErrorText(gone)).toMatch(/could not be read/);
    expect(harErrorText('odd')).toBe('odd');
  });
});

describe('entry ends guessed from the indentation (pretty-printed HARs)', () => {
  /** Every entry as the reader hands it out, with whether the scanner parsed it while guessing. */
  async function readAll(text: string, size: number) {
    const out: Array<{ entry: unknown; guessed: boolean; start: number; end: number }> = [];
    await readHarEntries(chunked(text, size), (entry, item) =>
      out.push({ entry, guessed: 'value' in item, start: item.start, end: item.end }),
    );
    return out;
  }
  const entries = Array.from({ length: 30 }, (_, i) => ({
    request: { url: `https://rolodex.api.rhythmsoftware.com/contacts/${i}`, headers: [] },
    response: { status: 401, content: { text: JSON.stringify({ i, quote: '"}\n    }' }) } },
    n: i,
  }));
  const pretty = JSON.stringify({ log: { version: '1.2', entries } }, null, 2);

  it.each([
    ['large chunks', 1 << 16],
    ['chunks cut inside entries', 97],
  ])('reads what JSON.parse reads, most entries by the guess (%s)', async (_name, size) => {
    {
      const got = await readAll(pretty, size);
      expect(got.map((e) => e.entry)).toEqual(entries);
      if (size > 1000) expect(got.every((e) => e.guessed)).toBe(true);
      // The offsets are the entries' own, guessed or scanned.
      const bytes = utf8(pretty);
      for (const e of got) {
        expect(JSON.parse(new TextDecoder().decode(bytes.subarray(e.start, e.end)))).toEqual(
          e.entry,
        );
      }
    }
  });

  it('falls back to the scan where the guess is wrong (a nested object closing at the same indentation)', async () => {
    const odd = pretty.replace('"content": {', '"content": {\n      }, "again": {');
    const parsed = JSON.parse(odd).log.entries;
    const got = await readAll(odd, 1 << 16);
    expect(got.map((e) => e.entry)).toEqual(parsed);
    expect(got[0]!.guessed).toBe(false);
    expect(got[1]!.guessed).toBe(true);
  });

  it('still refuses a broken entry, saying where (the guess is checked by the parse)', async () => {
    const broken = pretty.replace('"n": 3', '"n" 3');
    const error = await failure(readAll(broken, 1 << 16));
    expect(error.reason).toMatch(/expected ':' after a property name.*\(in log\.entries\[3\]\)$/);
  });

  it('reads a minified HAR by the scan alone', async () => {
    const got = await readAll(JSON.stringify({ log: { entries } }), 1 << 16);
    expect(got.map((e) => e.entry)).toEqual(entries);
    expect(got.some((e) => e.guessed)).toBe(false);
  });
});
