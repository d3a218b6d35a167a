/**
 * HAR files a real browser wrote: a plain Chromium (no extension) records one with Playwright's
 * `recordHar` while the reference app page runs demo scenarios against the reference API. Plus
 * the CLI run on such files, and what to look for in them (JWT signatures, cookies).
 */
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, type ReferenceApi } from '../../tools/reference-api/server.js';
import { APP_URL, chromiumPath, runScenario } from './fixtures.js';

/** The repository: Playwright runs from it (playwright.config.ts), like EXTENSION_DIR in fixtures.ts. */
const ROOT = resolve('.');
const BIN = join(ROOT, 'bin/rhythm-auth.js');

/** A cookie the app page is loaded with, to find (or not) in the HAR. */
export const APP_COOKIE = { name: 'rhythm_portal_session', value: 'ps-7f6e5d4c3b2a1908' };

/**
 * Records `path` while the app page runs `scenarios` one after the other (so the HAR lists their
 * requests in that order). The HAR is written when the context closes.
 */
export async function recordHar(api: ReferenceApi, scenarios: string[], path: string) {
  const profile = mkdtempSync(join(tmpdir(), 'rhythm-auth-har-record-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    recordHar: { path, mode: 'full', content: 'embed' },
    args: [
      ...chromiumArgs(api.port),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    await context.addCookies([{ ...APP_COOKIE, url: APP_URL, secure: true, httpOnly: true }]);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(APP_URL);
    await page.waitForFunction(() => 'rhythmDemo' in window);
    const statuses: Record<string, number> = {};
    for (const id of scenarios) statuses[id] = await runScenario(page, id);
    return statuses;
  } finally {
    await context.close(); // writes the HAR
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Builds the CLI (dist/cli) when it is missing. */
export function ensureCli(): void {
  if (existsSync(join(ROOT, 'dist/cli/rhythm-auth.js'))) return;
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`CLI build failed: ${build.stderr}`);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[]): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `diagnose --har <file> --json`: each diagnosis's request URL and root cause, in file order. */
export function cliCauses(file: string): Array<{ url: string; cause: string }> {
  const run = cli(['diagnose', '--har', file, '--json']);
  if (run.status !== 0 && run.status !== 1) throw new Error(`rhythm-auth failed: ${run.stderr}`);
  const { diagnoses } = JSON.parse(run.stdout) as {
    diagnoses: Array<{ request: { url: string }; rootCause: { id: string } | null }>;
  };
  return diagnoses.map((d) => ({ url: d.request.url, cause: d.rootCause?.id ?? 'none' }));
}

/** The signatures of the JWTs written anywhere in a text (headers, token responses). */
export function jwtSignatures(text: string): string[] {
  const jwts = text.match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{16,}/g) ?? [];
  return [...new Set(jwts.map((jwt) => jwt.split('.')[2]!))];
}
