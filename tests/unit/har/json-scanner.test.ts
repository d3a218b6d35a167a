/**
 * The streaming HAR tokenizer: finds every `log.entries` item whatever the chunking, copies the
 * rest through unchanged, says where a broken file broke, and never holds more than a chunk plus
 * the item in progress.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HarSyntaxError,
  createJsonScanner,
  type ScannedItem,
} from '../../../src/har/json-scanner.js';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

interface Scan {
  items: Array<ScannedItem & { text: string }>;
  text: string;
  maxBufferedBytes: number;
}

/** Feeds `input` in chunks of the given sizes (cycled), like a read stream would. */
function scan(
  input: Uint8Array | string,
  sizes: readonly number[] = [input.length],
  options: { members?: boolean } = {},
): Scan {
  const bytes = typeof input === 'string' ? encode(input) : input;
  const items: Scan['items'] = [];
  const rebuilt: Uint8Array[] = [];
  const scanner = createJsonScanner(
    {
      item(item) {
        items.push({ ...item, text: decode(item.bytes) });
        rebuilt.push(item.bytes.slice());
      },
      text(part) {
        rebuilt.push(part.slice());
      },
    },
    options,
  );
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    scanner.feed(bytes.subarray(at, at + size));
    at += size;
  }
  scanner.end();
  const whole = new Uint8Array(rebuilt.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of rebuilt) {
    whole.set(part, offset);
    offset += part.length;
  }
  return { items, text: decode(whole), maxBufferedBytes: scanner.stats.maxBufferedBytes };
}

function errorOf(input: string, sizes?: number[]): HarSyntaxError {
  try {
    scan(input, sizes);
  } catch (error) {
    if (error instanceof HarSyntaxError) return error;
    throw error;
  }
  throw new Error('no error');
}

const ENTRIES = [
  { request: { url: 'https://a/"quoted"\\', headers: [{ name: 'x', value: '}]{[' }] } },
  { response: { content: { text: '{"nested":"\\"}","é":"ü 😀"}' } } },
  { request: { url: 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current' } },
];
const HAR = {
  log: {
    version: '1.2',
    creator: { name: 't', version: '1' },
    pages: [{ id: 'p', title: 'x' }],
    entries: ENTRIES,
  },
};

describe('createJsonScanner: finding the entries', () => {
  const layouts: Array<[string, string]> = [
    ['pretty-printed (Chrome, Firefox)', JSON.stringify(HAR, null, 2)],
    ['minified (Charles)', JSON.stringify(HAR)],
    ['CRLF and tabs (Fiddler on Windows)', JSON.stringify(HAR, null, '\t').replace(/\n/g, '\r\n')],
    ['a UTF-8 byte order mark', `\ufeff${JSON.stringify(HAR, null, 2)}`],
    ['JSONP, as HAR Viewer reads .harp files', `onInputData(${JSON.stringify(HAR)});`],
    [
      'JSONP with spaces and line breaks, no semicolon (Firebug, BrowserMob)',
      `callback_testLoad2 (\n${JSON.stringify(HAR, null, 4)}\n)\n`,
    ],
    ['JSONP with a dotted name and a byte order mark', `\ufeffa.b$_1(${JSON.stringify(HAR)}) ;`],
    [
      'log after other keys, entries before pages',
      JSON.stringify({ x: [1, { log: 2 }], log: { entries: ENTRIES, pages: [] } }),
    ],
  ];
  it.each(layouts)('reads %s, in one chunk or byte by byte', (_, text) => {
    for (const sizes of [[text.length], [1], [7, 3, 64]]) {
      const result = scan(text, sizes);
      const entries = result.items.filter((i) => i.array === 'entries');
      expect(entries.map((i) => JSON.parse(i.text))).toEqual(ENTRIES);
      expect(entries.map((i) => i.index)).toEqual([0, 1, 2]);
      // Text and items together are the input, byte for byte.
      expect(result.text).toBe(text);
      for (const item of entries) {
        expect(decode(encode(text).subarray(item.start, item.end))).toBe(item.text);
      }
    }
  });

  it('hands out log.pages items too, and nothing else', () => {
    const result = scan(JSON.stringify(HAR));
    expect(result.items.filter((i) => i.array === 'pages').map((i) => JSON.parse(i.text))).toEqual(
      HAR.log.pages,
    );
    expect(result.items).toHaveLength(4);
  });

  it('ignores "entries" anywhere but directly under log', () => {
    const text = JSON.stringify({ log: { entries: [], _x: { entries: [{ a: 1 }] } } });
    expect(scan(text).items).toEqual([]);
  });

  it('finds items whatever the chunking (property)', () => {
    const text = JSON.stringify(HAR, null, 1);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        (sizes) => {
          const result = scan(text, sizes);
          expect(
            result.items.filter((i) => i.array === 'entries').map((i) => JSON.parse(i.text)),
          ).toEqual(ENTRIES);
          expect(result.text).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with members: hands out every other member of log and of the document, strings too', () => {
    const doc = {
      _top: { note: 'a "quoted" \\ value' },
      log: { ...HAR.log, comment: 'exported \\"x\\"', _custom: ['x', { y: 1 }], count: 3 },
      _tail: 'end',
    };
    const text = JSON.stringify(doc, null, 2);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 10 }),
        (sizes) => {
          const result = scan(text, sizes, { members: true });
          const members = result.items
            .filter((i) => i.array === 'member')
            .map((i) => JSON.parse(i.text) as unknown);
          // Numbers and literals stay skeleton; objects, arrays and strings are items.
          expect(members).toEqual([
            doc._top,
            '1.2',
            doc.log.creator,
            doc.log.comment,
            doc.log._custom,
            doc._tail,
          ]);
          expect(result.items.filter((i) => i.array === 'entries')).toHaveLength(ENTRIES.length);
          expect(result.text).toBe(text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads escaped quotes and backslashes cut at every chunk boundary', () => {
    const value = { text: 'a\\\\"b\\"c\\\\\\\\', more: '\\' };
    const text = JSON.stringify({ log: { entries: [value, value] } });
    for (let size = 1; size <= 12; size++) {
      expect(scan(text, [size]).items.map((i) => JSON.parse(i.text))).toEqual([value, value]);
    }
  });
});

describe('createJsonScanner: bounded memory', () => {
  it('holds at most a chunk plus the entry in progress, not the file', () => {
    const entry = { request: { url: 'https://x/', body: 'y'.repeat(2000) } };
    const text = JSON.stringify({ log: { entries: Array.from({ length: 500 }, () => entry) } });
    const chunk = 2048;
    const result = scan(text, [chunk]);
    expect(text.length).toBeGreaterThan(250 * chunk);
    expect(result.items).toHaveLength(500);
    const entrySize = JSON.stringify(entry).length;
    expect(result.maxBufferedBytes).toBeLessThanOrEqual(chunk + entrySize);
  });

  it('refuses an item larger than maxItemBytes', () => {
    const text = JSON.stringify({ log: { entries: [{ big: 'z'.repeat(5000) }] } });
    const scanner = createJsonScanner({ item() {} }, { maxItemBytes: 1000 });
    expect(() => {
      for (let at = 0; at < text.length; at += 512) scanner.feed(encode(text.slice(at, at + 512)));
    }).toThrow(/log\.entries\[0\] is larger than 1000 bytes/);
  });
});

describe('createJsonScanner: broken files say where they broke', () => {
  const good = JSON.stringify(HAR);
  const cases: Array<[string, string, RegExp, number]> = [
    ['an empty file', '', /^not a HAR: the file is empty$/, 0],
    [
      'HTML',
      '<!doctype html>',
      /^not a HAR: the file starts with '<' \(an HTML or XML page\?\)$/,
      0,
    ],
    ['a word', 'hello world', /^not a HAR: the file starts with "hello", not JSON/, 6],
    ['only a name', 'onInputData', /^not a HAR: the file holds only "onInputData", not JSON$/, 11],
    ['a literal', 'true', /^not a HAR: the file holds a boolean, not an object/, 0],
    ['null', ' null ', /^not a HAR: the file holds null, not an object/, 0],
    ['a stray character', '#{}', /^not JSON: the file starts with '#'$/, 0],
    ['JSONP around an array', 'cb([1])', /^not a HAR: the file holds an array/, 3],
    [
      'JSONP cut before its )',
      `cb(${good}`,
      /^truncated: the file ends before the '\)' that closes cb\($/,
      encode(good).length + 3,
    ],
    [
      'JSONP closed by the wrong bracket',
      `cb(${good}]`,
      /^not a HAR: expected '\)' to close cb\( after the HAR, found '\]'$/,
      encode(good).length + 3,
    ],
    [
      'JSONP with something after its ;',
      `cb(${good});x`,
      /'x' after the end of the document/,
      encode(good).length + 5,
    ],
    ['JSONP with two names', 'a b(', /starts with "a", not JSON/, 2],
    ['only whitespace', ' \n ', /^not a HAR: the file is empty$/, 3],
    ['a JSON array', '[{"log":1}]', /^not a HAR: the file holds an array/, 0],
    ['no log', '{"entries":[]}', /^not a HAR: no "log" object/, 13],
    ['log that is a string', '{"log":"x"}', /^not a HAR: "log" is a string, not an object$/, 7],
    [
      'log without entries',
      '{"log":{"pages":[]}}',
      /^not a HAR: "log" has no "entries" array$/,
      18,
    ],
    [
      'entries that are an object',
      '{"log":{"entries":{}}}',
      /"log\.entries" is an object, not an array/,
      18,
    ],
    [
      'an entry that is a number',
      '{"log":{"entries":[{},42]}}',
      /log\.entries\[1\] is a number/,
      22,
    ],
    [
      'a missing colon',
      '{"log" {"entries":[]}}',
      /expected ':' after a property name, found '\{'/,
      7,
    ],
    [
      'a missing comma',
      '{"log":{"version":"1.2" "entries":[]}}',
      /expected ',' or '\}' after a value/,
      24,
    ],
    ['an unquoted key', '{log:{}}', /expected a property name in double quotes, found 'l'/, 1],
    ['a bad literal', '{"log":{"entries":[],"x":tru}}', /expected true, found '\}'/, 28],
    ['a bad number', '{"log":{"entries":[],"x":01}}', /bad number 01/, 25],
    ['a bad escape', '{"log":{"entries":[],"x":"\\q"}}', /bad escape \\q/, 27],
    ['trailing garbage', `${good}x`, /'x' after the end of the document/, encode(good).length],
    [
      'a cut inside an entry',
      good.slice(0, 120),
      /^truncated: the file ends inside log\.entries\[0\] \(which starts at byte \d+\)$/,
      120,
    ],
    [
      'a cut after the entries',
      good.slice(0, good.length - 2),
      /^truncated: the file ends inside a value nested 2 deep$/,
      encode(good).length - 2,
    ],
    [
      'a cut inside a key',
      '{"log":{"entr',
      /^truncated: the file ends inside a string \(from byte 8\)$/,
      13,
    ],
  ];
  it.each(cases)('names %s and its byte offset', (_, text, reason, offset) => {
    for (const sizes of [[Math.max(1, text.length)], [1], [5]]) {
      const error = errorOf(text, sizes);
      expect(error.reason).toMatch(reason);
      expect(error.offset).toBe(offset);
    }
  });

  it.each([
    [
      'UTF-16 LE with its byte order mark',
      [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00],
      /a UTF-16 byte order mark/,
    ],
    [
      'UTF-16 BE with its byte order mark',
      [0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d],
      /a UTF-16 byte order mark/,
    ],
    ['UTF-16 LE without one', [0x7b, 0x00, 0x22, 0x00], /NUL bytes between its characters/],
    ['UTF-16 BE without one', [0x00, 0x7b, 0x00, 0x22], /NUL bytes between its characters/],
  ])('names a file in %s as UTF-16, never as "a number"', (_, bytes, reason) => {
    for (const size of [1, 2, 10]) {
      let message = '';
      try {
        scan(new Uint8Array(bytes), [size]);
      } catch (error) {
        message = error instanceof HarSyntaxError ? error.reason : String(error);
      }
      expect(message).toMatch(/^not a HAR: the file is UTF-16 \(/);
      expect(message).toMatch(reason);
      expect(message).not.toMatch(/number/);
    }
  });

  it('counts offsets in bytes, not characters', () => {
    const text = '{"log":{"é😀":1 "entries":[]}}';
    expect(errorOf(text).offset).toBe(encode('{"log":{"é😀":1 ').length);
  });

  it('refuses a broken byte order mark, in any chunking', () => {
    for (const size of [1, 2, 10]) {
      expect(() => scan(new Uint8Array([0xef, 0xbb, 0x7b, 0x7d]), [size])).toThrow(
        /broken byte order mark at byte 2/,
      );
    }
  });

  it('validates plain JSON in json mode (used to locate an error inside an entry)', () => {
    const scanner = createJsonScanner({ item() {} }, { mode: 'json' });
    scanner.feed(encode('{"a":[1,2,{"b":null}],"c":"d"}'));
    expect(() => scanner.end()).not.toThrow();
    const broken = createJsonScanner({ item() {} }, { mode: 'json' });
    expect(() => broken.feed(encode('{"a" 1}'))).toThrow(HarSyntaxError);
  });
});
