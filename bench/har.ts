/**
 * SPEC §9, HAR: `rhythm-auth diagnose --har` on a generated 100 MB HAR (20,000 entries) next to
 * `JSON.parse` of the same file, each in its own Node process; and the CLI's peak RSS over the file
 * size. Wall time from spawn to exit, median of a few runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FILE = '.tmp/bench-100mb.har';
const PROBE = join('.tmp', 'bench-probe.json');

function run(args: string[]): { ms: number; maxRssBytes: number } {
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
  return { ms, maxRssBytes: JSON.parse(readFileSync(PROBE, 'utf8')).maxRssBytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface HarResult {
  harFileMb: number;
  harDiagnoseMs: number;
  harDiagnoseJsonMs: number;
  harJsonParseMs: number;
  harOverJsonParse: number;
  harPeakRssMb: number;
  harPeakRssOverFileSize: number;
  /** `diagnose --har --markdown --include-token` (streamed: SPEC §9 budget 3× the file). */
  harMarkdownPeakRssMb: number;
  harMarkdownPeakRssOverFileSize: number;
  /** `sanitize-har` (two passes over the file) next to JSON.parse of it. */
  harSanitizeMs: number;
  harSanitizeOverJsonParse: number;
}

export function benchHar(rounds = 3): HarResult {
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
  const diagnoseJson: number[] = [];
  const parsing: number[] = [];
  const sanitizing: number[] = [];
  let rss = 0;
  let markdownRss = 0;
  for (let i = 0; i < rounds; i++) {
    const d = run(cli);
    diagnose.push(d.ms);
    rss = Math.max(rss, d.maxRssBytes);
    parsing.push(run(parse).ms);
    const j = run(cliJson);
    diagnoseJson.push(j.ms);
    rss = Math.max(rss, j.maxRssBytes);
    markdownRss = Math.max(markdownRss, run(markdown).maxRssBytes);
    sanitizing.push(run(sanitize).ms);
  }
  rmSync(`${FILE}.sanitized`, { force: true });
  const harDiagnoseMs = median(diagnose);
  const harJsonParseMs = median(parsing);
  return {
    harFileMb: size / 1e6,
    harDiagnoseMs,
    harDiagnoseJsonMs: median(diagnoseJson),
    harJsonParseMs,
    harOverJsonParse: harDiagnoseMs / harJsonParseMs,
    harPeakRssMb: rss / 1e6,
    harPeakRssOverFileSize: rss / size,
    harMarkdownPeakRssMb: markdownRss / 1e6,
    harMarkdownPeakRssOverFileSize: markdownRss / size,
    harSanitizeMs: median(sanitizing),
    harSanitizeOverJsonParse: median(sanitizing) / harJsonParseMs,
  };
}
