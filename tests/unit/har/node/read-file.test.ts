/**
 * Node's side: a file streamed through the scanner, entries parsed one by one with the place of
 * a syntax error inside one, line and column of an offset, and the sanitizing writer.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineColumn, openHarFile, reusedChunks } from '../../../../src/har/node/read-file.js';
import { readHarEntries } from '../../../../src/har/read-entries.js';
import { sanitizeHarFile } from '../../../../src/har/node/sanitize-file.js';
import { failure } from '../failure.js';

const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-har-'));
// Runs whether the tests pass or fail: nothing of this file stays in the temp folder.
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Every entry of the HAR at `path`, through the one reader, as the CLI reads it. */
async function readFile(path: string, onEntry: (entry: unknown) => void, chunkSize?: number) {
  const har = await openHarFile(path, chunkSize);
  return { stats: await readHarEntries(har.chunks, onEntry, har.options), options: har.options };
}

describe('reusedChunks', () => {
  it('one buffer for every chunk, and still every entry, whole, across chunk ends', async () => {
    const entries = Array.from({ length: 200 }, (_, i) => ({ i, pad: 'é'.repeat(i % 97) }));
    const path = file('reused.har', JSON.stringify({ log: { entries } }, null, 2));
    const buffers = new Set<ArrayBufferLike>();
    const chunks = (async function* () {
      for await (const chunk of reusedChunks(path, 100)) {
        buffers.add(chunk.buffer);
        yield chunk;
      }
    })();
    const seen: unknown[] = [];
    await readHarEntries(chunks, (e) => seen.push(e), { decode: (b) => Buffer.from(b).toString() });
    expect(seen).toEqual(entries);
    expect(buffers.size).toBe(1);
  });
});

describe('openHarFile', () => {
  it('streams a file bigger than a chunk, entry by entry', async () => {
    const entries = Array.from({ length: 300 }, (_, i) => ({ i, pad: 'p'.repeat(300) }));
    const path = file('big.har', JSON.stringify({ log: { entries } }, null, 2));
    const seen: unknown[] = [];
    const { stats, options } = await readFile(path, (e) => seen.push(e), 4096);
    expect(seen).toEqual(entries);
    expect(options.totalBytes).toBeGreaterThan(20 * 4096);
    expect(stats.bytes).toBe(options.totalBytes);
    expect(stats.maxBufferedBytes).toBeLessThan(4096 + 1000);
  });

  it('points into the file when an entry is not JSON', async () => {
    const text = '{"log":{"entries":[\n  {"a":1},\n  {"b" 2}\n]}}';
    const error = await failure(readFile(file('bad.har', text), () => {}));
    expect(error.reason).toMatch(/expected ':' after a property name.*\(in log\.entries\[1\]\)/);
    expect(error.offset).toBe(text.indexOf('" 2') + 2);
    expect(await lineColumn(join(dir, 'bad.har'), error.offset)).toEqual({ line: 3, column: 8 });
  });
});

describe('lineColumn', () => {
  it('counts characters, not bytes, and not the byte order mark', async () => {
    const path = file('bom.har', Buffer.from('\ufeff{\r\n"é😀": x', 'utf8'));
    const offset = Buffer.byteLength('\ufeff{\r\n"é😀": ');
    expect(await lineColumn(path, offset)).toEqual({ line: 2, column: 7 });
  });
});

describe('sanitizeHarFile', () => {
  it('copies the document around the entries byte for byte, keeping its layout', async () => {
    const text =
      '\ufeff{\r\n  "log": {\r\n    "creator": {"name": "Fiddler"},\r\n    "entries": [\r\n      {\r\n        "request": {"url": "https://x/?code=abcdefgh123"}\r\n      },\r\n      {"untouched": true}\r\n    ]\r\n  }\r\n}\r\n';
    const out = join(dir, 'out.har');
    const result = await sanitizeHarFile(file('in.har', text), out, { chunkSize: 16 });
    const written = readFileSync(out, 'utf8');
    // Only the credential changes: the entry keeps its own layout, byte for byte.
    expect(written).toBe(text.replace('abcdefgh123', '[redacted]'));
    expect(result).toMatchObject({ entries: 2, entriesChanged: 1 });
    expect(result.changes.queryParams).toBe(1);
  });

  it('sanitizes log.comment and custom members of log and of the document (F4)', async () => {
    const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.${'s1gn4tur3'.repeat(5)}`;
    const text = JSON.stringify({
      _top: { note: `see ${jwt}` },
      log: {
        comment: `token ${jwt}`,
        _custom: ['x', { password: 'hunter2-hunter2' }],
        entries: [],
      },
    });
    const out = join(dir, 'members.har');
    await sanitizeHarFile(file('members-in.har', text), out, { chunkSize: 7 });
    const written = readFileSync(out, 'utf8');
    expect(written).not.toContain('s1gn4tur3');
    expect(written).not.toContain('hunter2-hunter2');
    expect(JSON.parse(written)).toMatchObject({
      log: {
        comment: expect.stringMatching(/^token eyJhbGciOiJIUzI1NiJ9\.eyJzdWIiOiJ4In0\./),
        _custom: ['x', { password: '[redacted]' }],
      },
    });
  });

  it('leaves no output behind when the input is broken', async () => {
    const out = join(dir, 'never.har');
    await failure(sanitizeHarFile(file('cut.har', '{"log":{"entries":[{"a":'), out));
    expect(readdirSync(dir).filter((n) => n.startsWith('never.har'))).toEqual([]);
  });
});

describe('sanitizeHarFile keeps each item as it was written', () => {
  it('minified, two spaces, tabs, CRLF: only the credential changes', async () => {
    const layouts = [
      '{"log":{"entries":[{"request":{"url":"https://x/?code=abcdefgh123"},"n":1.50}]}}',
      '{\n  "log": {\n    "entries": [\n      {\n        "request": { "url": "https://x/?code=abcdefgh123" },\n        "n": 1e2\n      }\n    ]\n  }\n}\n',
      '{\r\n\t"log": {\r\n\t\t"entries": [\r\n\t\t\t{"request": {"url": "https://x/?code=abcdefgh123"}, "\\u0061": "\\u00e9"}\r\n\t\t]\r\n\t}\r\n}',
    ];
    for (const [i, text] of layouts.entries()) {
      const out = join(dir, `layout-${i}.har`);
      await sanitizeHarFile(file(`layout-${i}-in.har`, text), out);
      expect(readFileSync(out, 'utf8')).toBe(text.replace('abcdefgh123', '[redacted]'));
    }
  });
});
