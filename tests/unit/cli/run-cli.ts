/** Runs the real, built `rhythm-auth` (bin/rhythm-auth.js → dist/cli/rhythm-auth.js) in a child process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = 'bin/rhythm-auth.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: no colour or width variables inherited from the test runner. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'COLUMNS']) if (!(name in extra)) delete env[name];
  return env;
}

export function cli(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: cleanEnv(options.env),
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function buildCli(): void {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
}

/** Exit 2 with exactly one line on stderr, `rhythm-auth: …`, nothing on stdout, no stack trace. */
export function expectUsageError(result: CliResult, reason: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^rhythm-auth: /);
  expect(lines[0]).toMatch(reason);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}
