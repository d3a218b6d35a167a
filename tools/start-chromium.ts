/**
 * Finding, running and stopping the Chromium of `npm start`, and the Ctrl-C that stops it.
 *
 * Ctrl-C in a terminal sends SIGINT to the whole foreground process group: npm, its `sh -c`,
 * this process and, unless it has a group of its own, Chromium and each of its helper processes.
 * Three things made `npm start` leave its profile behind (issue 16):
 * - `tsx` as a parent process relays the signal to its child and, when the child does not say
 *   within 30 ms that it got it (a busy machine), sends it again and then SIGKILLs it: a clean-up
 *   in progress died with it. `npm start` now runs `node --import tsx` (no relaying parent).
 * - `process.once`: a second SIGINT found no listener and killed the process mid-clean-up. The
 *   listeners now stay until the clean-up is done (`onInterrupt`).
 * - Chromium's helpers (storage, network, renderers) got the SIGINT too and died or wrote into
 *   the profile while it was being deleted. Chromium now has a process group of its own, is
 *   stopped by us, and the profile goes only once every process of that group is gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** CHROME_PATH, else /usr/bin/chromium, else `chromium` on PATH. */
export function findChromium(env = process.env): string | null {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Calls `stop` on the first SIGINT, SIGTERM or SIGHUP (terminal closed). Every later one is
 * absorbed, so a repeated Ctrl-C (or npm passing it on) cannot kill a clean-up half-way; the
 * returned function removes the listeners once the clean-up is done.
 */
export function onInterrupt(stop: (signal: NodeJS.Signals) => void): () => void {
  let stopping = false;
  const listener = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop(signal);
  };
  for (const signal of SIGNALS) process.on(signal, listener);
  return () => {
    for (const signal of SIGNALS) process.off(signal, listener);
  };
}

/**
 * `close` run once, whoever asks: every caller awaits that one call. Playwright's `context.close()`
 * deletes its temp folder (playwright-artifacts-*) before the first call returns, but a second
 * call returns as soon as Chromium has exited, and a process that then exits leaves the folder.
 */
export function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

/** Chromium in a process group of its own: the terminal's Ctrl-C reaches only us. */
export function spawnChromium(chromium: string, args: string[]): ChildProcess {
  return spawn(chromium, args, { stdio: 'ignore', detached: true });
}

/** Whether any process of the process group `pgid` is still alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

const until = async (done: () => boolean, ms: number): Promise<boolean> => {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (done()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return done();
};

/**
 * Stops a Chromium started by `spawnChromium` and resolves once none of its processes is left:
 * SIGTERM (Chromium closes its profile cleanly), SIGKILL for whatever still runs after `graceMs`.
 */
export async function stopChromium(child: ChildProcess, graceMs = 5_000): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  if (!exited()) signalGroup(pgid, 'SIGTERM');
  if (!(await until(() => exited() && !groupAlive(pgid), graceMs))) {
    signalGroup(pgid, 'SIGKILL');
    await until(() => !groupAlive(pgid), graceMs);
  }
}

/**
 * The processes whose command line names `text` (a profile folder), from /proc: empty where there
 * is no /proc. A browser's helpers can outlive its main process by a moment and still write to its
 * profile; the profile is deleted only once none of them is left.
 */
export function processesNaming(text: string): string[] {
  if (!existsSync('/proc')) return [];
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmd.includes(text)) found.push(`${pid} ${cmd.slice(0, 120)}`);
    } catch {
      // Ended while being read.
    }
  }
  return found;
}

/** Resolves once no process names `text` any more, or after `ms`. */
export function untilNoProcessNames(text: string, ms = 10_000): Promise<boolean> {
  return until(() => processesNaming(text).length === 0, ms);
}
