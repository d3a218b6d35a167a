/**
 * The built CLI reads a big HAR (from 8 MiB) on a thread of its own: what it prints, as a table,
 * JSON and Markdown, is what the CLI prints when it reads the same file in one thread (run here
 * from its sources, where no bundled reader stands beside it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseHar } from '../../../src/cli/har.js';
import { recordingHarIo } from '../../helpers/har-io.js';
import { THREAD_FROM_BYTES } from '../../../src/har/node/read-found.js';
import { BIN, buildCli, cleanEnv, ROOT } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-har-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'big.har');

beforeAll(() => {
  buildCli();
  const gen = spawnSync(
    process.execPath,
    ['scripts/gen-har.mjs', '--out', path, '--entries', '1500', '--mb', '9', '--seed', '7'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(gen.status).toBe(0);
}, 120_000);

/** The built CLI, its whole output (a few MB: more than `cli()` keeps). */
function cli(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: cleanEnv(),
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function fromSources(output: 'text' | 'json' | 'markdown') {
  const io = recordingHarIo();
  const status = await diagnoseHar(
    { kind: 'diagnose-har', file: path, output, includeToken: false, maskPersonal: false },
    io,
  );
  return { status, stdout: io.writes.join(''), stderr: io.err.join('') };
}

describe('diagnose --har on the reader thread', () => {
  it('the file is big enough to be read on the thread', () => {
    expect(statSync(path).size).toBeGreaterThanOrEqual(THREAD_FROM_BYTES);
  });

  it.each(['text', 'json'] as const)('--%s: the same output as one thread', async (output) => {
    const built = cli(['diagnose', '--har', path, ...(output === 'json' ? ['--json'] : [])]);
    const source = await fromSources(output);
    expect(built.stderr).toBe(source.stderr);
    expect(built.stdout).toBe(source.stdout);
    expect(built.status).toBe(source.status);
    expect(built.stdout).toMatch(output === 'json' ? /"diagnoses": \[\n {4}\{/ : /ROOT CAUSE/);
  });

  it('--markdown: the same report but for the tool version and time in its head', async () => {
    const built = cli(['diagnose', '--har', path, '--markdown']);
    const source = await fromSources('markdown');
    const body = (text: string) => text.slice(text.indexOf('\n## '));
    expect(body(built.stdout).length).toBeGreaterThan(1000);
    expect(body(built.stdout)).toBe(body(source.stdout));
    expect(built.status).toBe(source.status);
  });
});
