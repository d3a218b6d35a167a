/**
 * `diagnose --har`'s reading on a thread of its own (src/har/node/read-found.ts and the bundled
 * dist/cli/har-reader.js): for every file, real or broken, it finds what the one-thread reader
 * finds, in the same order, counts the same, and fails the same way at the same byte.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarFound, HarReadState } from '../../../../src/har/collect.js';
import { readHarFound, type ReadFoundOptions } from '../../../../src/har/node/read-found.js';
import { buildCli, ROOT } from '../../cli/run-cli.js';
import {
  chromeEntry,
  CURRENT,
  harOf,
  harText,
  makeTokens,
} from '../../../fixtures/har/generate.js';

const REAL = join(ROOT, 'tests/fixtures/har/real');
const READER = pathToFileURL(join(ROOT, 'dist/cli/har-reader.js'));
const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-read-found-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => buildCli(), 120_000);

function file(name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

type Outcome =
  | { found: HarFound[]; state: HarReadState; progress: number[] }
  | { error: { name: string; message: string; offset?: unknown; code?: unknown } };

async function read(path: string, options: ReadFoundOptions): Promise<Outcome> {
  const found: HarFound[] = [];
  const progress: number[] = [];
  try {
    const state = await readHarFound(path, {}, (f) => found.push(f), {
      ...options,
      onProgress: (bytes) => progress.push(bytes),
    });
    return { found, state, progress };
  } catch (error) {
    const e = error as Error & { offset?: unknown; code?: unknown };
    return { error: { name: e.name, message: e.message, offset: e.offset, code: e.code } };
  }
}

/** The same file read on the reader's thread and in this one. */
async function both(path: string) {
  const threaded = await read(path, { readerUrl: READER, threadFromBytes: 0 });
  const inThread = await read(path, { readerUrl: null });
  return { threaded, inThread };
}

const sameFound = ({ threaded, inThread }: Awaited<ReturnType<typeof both>>) => {
  if ('error' in threaded || 'error' in inThread) {
    expect(threaded).toEqual(inThread);
    return;
  }
  expect(threaded.found).toEqual(inThread.found);
  expect(threaded.state).toEqual(inThread.state);
  // Progress ends at the file's size on both paths.
  expect(threaded.progress.at(-1)).toBe(inThread.progress.at(-1));
};

describe('readHarFound on the reader thread', () => {
  const real = readdirSync(REAL).filter((name) => /\.harp?$/.test(name));

  it.each(real)('%s: the same requests, counts and tally as in one thread', async (name) => {
    const result = await both(join(REAL, name));
    sameFound(result);
  });

  it('a file of many chunks: every request, in file order, progress up to the size', async () => {
    const tokens = await makeTokens();
    const entries = Array.from({ length: 3000 }, (_, i) =>
      chromeEntry({
        url: `${CURRENT}?n=${i}`,
        status: i % 3 === 0 ? 401 : 200,
        authorization: `Bearer ${tokens.user}`,
      }),
    );
    const path = file('many.har', harText(harOf(entries)));
    const result = await both(path);
    sameFound(result);
    const { threaded } = result;
    if ('error' in threaded) throw new Error(threaded.error.message);
    expect(threaded.found.map((f) => f.request.url)).toEqual(
      entries.filter((_, i) => i % 3 === 0).map((_, k) => `${CURRENT}?n=${k * 3}`),
    );
    expect(threaded.state.entries).toBe(3000);
    expect(threaded.progress.length).toBeGreaterThan(1);
  });

  it.each([
    ['an entry broken in the middle', '{"log":{"entries":[{"a":1},{"b":tru}]}}'],
    ['a file that ends inside an entry', '{"log":{"entries":[{"a":1},{"b":'],
    ['not a HAR', '[1,2,3]'],
    ['UTF-16', '\ufeff{"log":{}}'],
  ])('%s: the same HarSyntaxError at the same byte', async (name, text) => {
    const path = file(`${name}.har`, name === 'UTF-16' ? Buffer.from(text, 'utf16le') : text);
    const result = await both(path);
    expect('error' in result.threaded && result.threaded.error.name).toBe('HarSyntaxError');
    expect(result.threaded).toEqual(result.inThread);
  });

  it('a folder or a missing file: the file system error, with its code', async () => {
    mkdirSync(join(dir, 'folder.har'));
    for (const path of [join(dir, 'folder.har'), join(dir, 'missing.har')]) {
      const result = await both(path);
      expect('error' in result.threaded && result.threaded.error.code).toMatch(/^E[A-Z]+$/);
      expect(result.threaded).toEqual(result.inThread);
    }
  });

  it('a reader that cannot start: its error, not a silent read in this thread', async () => {
    const path = file('small.har', '{"log":{"entries":[]}}');
    const missing = pathToFileURL(join(dir, 'no-such-reader.js'));
    await expect(
      readHarFound(path, {}, () => {}, { readerUrl: missing, threadFromBytes: 0 }),
    ).rejects.toThrow();
    // Below the size, the same file is read in this thread whatever the reader.
    await expect(readHarFound(path, {}, () => {}, { readerUrl: missing })).resolves.toMatchObject({
      entries: 0,
    });
  });

  it('an onFound that throws stops the read with its error', async () => {
    const tokens = await makeTokens();
    const path = file(
      'one.har',
      harText(
        harOf([chromeEntry({ url: CURRENT, status: 401, authorization: `Bearer ${tokens.user}` })]),
      ),
    );
    const read = readHarFound(
      path,
      {},
      () => {
        throw new Error('the terminal went away');
      },
      { readerUrl: READER, threadFromBytes: 0 },
    );
    await expect(read).rejects.toThrow('the terminal went away');
  });
});
