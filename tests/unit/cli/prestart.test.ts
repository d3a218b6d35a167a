/**
 * The HAR reader's thread started while the CLI loads (src/cli/prestart.ts,
 * src/har/node/reader-start.ts): found in the arguments, started for a big file only, and taken
 * over by the read of that same file, never by another.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harFileOf } from '../../../src/cli/prestart.js';
import {
  startHarReader,
  takeHarReader,
  THREAD_FROM_BYTES,
} from '../../../src/har/node/reader-start.js';
import { buildCli, ROOT } from './run-cli.js';

const READER = pathToFileURL(join(ROOT, 'dist/cli/har-reader.js'));
const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-prestart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const big = join(dir, 'big.har');
const small = join(dir, 'small.har');

beforeAll(() => {
  buildCli();
  writeFileSync(big, Buffer.alloc(THREAD_FROM_BYTES, 0x20));
  writeFileSync(small, '{}');
}, 120_000);

describe('harFileOf', () => {
  it.each([
    [['diagnose', '--har', 'a.har'], 'a.har'],
    [['diagnose', '--json', '--har=b.har'], 'b.har'],
    [['diagnose', '--har'], null],
    [['diagnose', '--token', 'x'], null],
    [['sanitize-har', '--har', 'a.har', 'b.har'], null],
    [['diagnose', '--', '--har', 'a.har'], null],
    [[], null],
  ])('%j → %j', (argv, file) => expect(harFileOf(argv)).toBe(file));
});

describe('startHarReader and takeHarReader', () => {
  it('a big file: the reader started early is the one its read takes', async () => {
    const started = startHarReader(big, READER);
    expect(started).not.toBeNull();
    const taken = takeHarReader(big, READER);
    expect(taken).toBe(started);
    await taken.terminate();
  });

  it('another file: a new reader, and the early one stopped', async () => {
    const started = startHarReader(big, READER)!;
    const stopped = new Promise((resolve) => started.once('exit', resolve));
    const taken = takeHarReader(small, READER);
    expect(taken).not.toBe(started);
    await stopped;
    await taken.terminate();
  });

  it('a small, a missing file, or no bundled reader: nothing started', () => {
    expect(startHarReader(small, READER)).toBeNull();
    expect(startHarReader(join(dir, 'missing.har'), READER)).toBeNull();
    expect(startHarReader(big, null)).toBeNull();
  });
});
