/**
 * SPEC §9, HAR: `rhythm-auth diagnose --har` on a generated 100 MB HAR (20,000 entries) next to
 * `JSON.parse` of the same file (each in its own Node process) and next to `jq` merely listing its
 * 401s; and the CLI's peak RSS over the file size. Wall time from spawn to exit, median of a few
 * runs, the three interleaved so that they see the same machine load.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOutput } from './run.js';

const FILE = '.tmp/bench-100mb.har';
const PROBE = join('.tmp', 'bench-probe.json');

function run(args: string[]): { ms: number; maxRssBytes: number; cpuMs: number } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', './bench/rss-probe.mjs', ...args], {
    env: { ...process.env, RHYTHM_BENCH_PROBE: PROBE },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 20,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(
      `${args.join(' ')} failed (${result.status}): ${result.stderr.toString().slice(0, 300)}`,
    );
  }
  const probe = JSON.parse(readFileSync(PROBE, 'utf8')) as { maxRssBytes: number; cpuMs: number };
  return { ms, ...probe };
}

/** `jq -c '.log.entries[] | select(.response.status==401) | .request.url'`: the SPEC's yardstick. */
const JQ_FILTER = '.log.entries[] | select(.response.status==401) | .request.url';

/** jq on PATH (Debian: /usr/bin/jq), or null. */
function findJq(): string | null {
  for (const candidate of ['/usr/bin/jq', '/usr/local/bin/jq']) {
    if (existsSync(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v jq'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

function runJq(jq: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(jq, ['-c', JQ_FILTER, FILE], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`jq failed: ${result.stderr.toString().slice(0, 300)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchHar(rounds = 3): BenchOutput {
  if (!existsSync(FILE)) {
    const gen = spawnSync(
      process.execPath,
      ['scripts/gen-har.mjs', '--out', FILE, '--entries', '20000', '--mb', '100'],
      {
        stdio: 'inherit',
      },
    );
    if (gen.status !== 0) throw new Error('generating the 100 MB HAR failed');
  }
  const size = statSync(FILE).size;
  // The default output (a table and a summary): what `diagnose --har` is for. `--json` is timed too.
  const cli = ['bin/rhythm-auth.js', 'diagnose', '--har', FILE];
  const cliJson = [...cli, '--json'];
  const parse = [
    '-e',
    `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(FILE)}, 'utf8'))`,
  ];
  const markdown = [...cli, '--markdown', '--include-token'];
  const sanitize = ['bin/rhythm-auth.js', 'sanitize-har', FILE, `${FILE}.sanitized`];
  const diagnose: number[] = [];
  const diagnoseCpu: number[] = [];
  const parseCpu: number[] = [];
  const diagnoseJson: number[] = [];
  const parsing: number[] = [];
  const jqing: number[] = [];
  const jq = findJq();
  const sanitizing: number[] = [];
  let rss = 0;
  let markdownRss = 0;
  for (let i = 0; i < rounds; i++) {
    const d = run(cli);
    diagnose.push(d.ms);
    diagnoseCpu.push(d.cpuMs);
    rss = Math.max(rss, d.maxRssBytes);
    const p = run(parse);
    parsing.push(p.ms);
    parseCpu.push(p.cpuMs);
    if (jq) jqing.push(runJq(jq));
    const j = run(cliJson);
    diagnoseJson.push(j.ms);
    rss = Math.max(rss, j.maxRssBytes);
    markdownRss = Math.max(markdownRss, run(markdown).maxRssBytes);
    sanitizing.push(run(sanitize).ms);
  }
  rmSync(`${FILE}.sanitized`, { force: true });
  const harDiagnoseMs = median(diagnose);
  const harJsonParseMs = median(parsing);
  const harJqMs = jq ? median(jqing) : null;
  return {
    keys: {
      harOverJsonParse: harDiagnoseMs / harJsonParseMs,
      ...(harJqMs ? { harOverJq: harDiagnoseMs / harJqMs } : {}),
      harPeakRssOverFileSize: rss / size,
      harMarkdownPeakRssOverFileSize: markdownRss / size,
    },
    details: {
      harFileMb: size / 1e6,
      harDiagnoseMs,
      harDiagnoseJsonMs: median(diagnoseJson),
      harJsonParseMs,
      /**
       * CPU time (user + system, every thread) beside the wall times above: the CLI reads a big
       * file on a second thread while it diagnoses, so its wall time is less than its CPU time.
       */
      harDiagnoseCpuMs: median(diagnoseCpu),
      harJsonParseCpuMs: median(parseCpu),
      ...(harJqMs ? { harJqMs } : { harOverJqNotMeasured: 'jq missing: apt-get install jq' }),
      harPeakRssMb: rss / 1e6,
      /** `diagnose --har --markdown --include-token` (streamed). */
      harMarkdownPeakRssMb: markdownRss / 1e6,
      /** `sanitize-har` (two passes over the file) next to JSON.parse of it. */
      harSanitizeMs: median(sanitizing),
      harSanitizeOverJsonParse: median(sanitizing) / harJsonParseMs,
    },
  };
}
