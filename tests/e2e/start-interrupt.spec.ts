/**
 * Ctrl-C on a real `npm start` (issue 16): SIGINT to its whole process group, as a terminal sends
 * it, while Chromium runs; then no throwaway profile may be left in the temp folder and no process
 * of the run may still be alive. Headless always; headed on a display of its own when Xvfb is
 * installed (`.ci/run` installs it).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { groupAlive, processesNaming } from '../../tools/start-chromium.js';
import { startXvfb, xvfbPath } from './xvfb-screen.js';

const PROFILE_PREFIX = 'rhythm-auth-start-';

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start -- <args>` in a process group of its own, with `tmp` as its temp folder. */
function npmStart(args: string[], tmp: string, env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn('npm', ['start', '--', ...args], {
    cwd: resolve('.'),
    detached: true,
    env: { ...process.env, TMPDIR: tmp, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => out, exit };
}

const profilesIn = (tmp: string) => readdirSync(tmp).filter((n) => n.startsWith(PROFILE_PREFIX));

/** The profile folder once Chromium holds it (its SingletonLock), else null. */
function runningProfile(tmp: string): string | null {
  const [name] = profilesIn(tmp);
  if (!name) return null;
  const dir = join(tmp, name);
  return readdirSync(dir).includes('SingletonLock') ? dir : null;
}

/** Every live process whose command line names `text` (a profile path). */

/** Starts `npm start`, waits until Chromium runs, sends SIGINT to the group, checks the clean-up. */
async function interruptAndCheck(args: string[], env: NodeJS.ProcessEnv, ready: RegExp) {
  const tmp = mkdtempSync(join(tmpdir(), 'rhythm-auth-sigint-'));
  const run = npmStart(args, tmp, env);
  const pgid = run.child.pid!;
  try {
    let profile: string | null = null;
    await expect
      .poll(() => (profile = runningProfile(tmp)) !== null && ready.test(run.output()), {
        timeout: 60_000,
        message: 'Chromium running on the throwaway profile',
      })
      .toBe(true);
    process.kill(-pgid, 'SIGINT'); // what Ctrl-C in a terminal does
    const { code, signal } = await run.exit;
    await expect
      .poll(() => groupAlive(pgid), { message: 'a process of the run is left' })
      .toBe(false);
    expect(profilesIn(tmp), run.output()).toEqual([]);
    expect(readdirSync(tmp).filter((n) => n.startsWith('playwright'))).toEqual([]);
    expect(processesNaming(profile!)).toEqual([]);
    return { code, signal, output: run.output() };
  } finally {
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Launches Chromium as `npm start --headless` does, in a process of its own (the test runner
 * keeps Playwright's temp folders elsewhere), closes it twice at once as Ctrl-C mid-run and the
 * run's own clean-up do, and prints how many playwright-artifacts-* folders the temp folder holds
 * while it runs and once the awaited close returned.
 */
const TWO_CLOSES = `
import { chromium } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { closeOnce, findChromium } from './tools/start-chromium.js';
const tmp = process.env.TMPDIR;
const folders = () => readdirSync(tmp).filter((n) => n.startsWith('playwright-artifacts-')).length;
const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
  executablePath: findChromium() ?? undefined,
  headless: true,
});
await context.newPage();
const during = folders();
const close = closeOnce(() => context.close());
void close();
await close();
console.log(JSON.stringify({ during, after: folders() }));
process.exit(0);
`;

function twoCloses(): { during: number; after: number } {
  const tmp = mkdtempSync(join(tmpdir(), 'rhythm-auth-close-'));
  try {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', TWO_CLOSES],
      { cwd: resolve('.'), env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8' },
    );
    return JSON.parse(out.trim().split('\n').at(-1)!) as { during: number; after: number };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

test('Ctrl-C and the end of a headless run share one close: the temp folder is gone when it returns', () => {
  // With two plain close() calls the awaited second one returned with the folder still there in
  // 10 runs of 10 here: CI once saw `npm start` exit and leave it behind.
  expect(twoCloses()).toEqual({ during: 1, after: 0 });
});

test.describe('Ctrl-C on npm start', () => {
  test.setTimeout(120_000);

  test('headless: stops mid-run, deletes the profile, leaves no process', async () => {
    const shot = join(mkdtempSync(join(tmpdir(), 'rhythm-auth-shot-')), 'panel.png');
    try {
      const { output } = await interruptAndCheck(
        ['--headless', '--screenshot', shot],
        {},
        /Reference Rhythm API on/,
      );
      expect(output).toContain('Stopped; deleted');
      expect(existsSync(shot)).toBe(false); // cut short before the screenshot
    } finally {
      rmSync(join(shot, '..'), { recursive: true, force: true });
    }
  });

  test('headed (Xvfb): Ctrl-C stops Chromium, deletes the profile, leaves no process', async () => {
    test.skip(!xvfbPath(), 'Xvfb is not installed (apt-get install xvfb)');
    const x = await startXvfb('1280x800x24');
    try {
      const { output } = await interruptAndCheck([], { DISPLAY: x.display }, /Ctrl-C stops/);
      expect(output).toContain('Stopped; deleted');
    } finally {
      x.close();
    }
  });
});
