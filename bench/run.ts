/**
 * `npm run bench`: every budget of SPEC §9, measured side by side on this machine in one run.
 * Prints a table (each figure, its budget, ok or OVER) and writes bench/results.json with the
 * SPEC's keys and a `details` object. Not a test: nothing here fails on a missed budget.
 *
 * Each measurement is a section (SECTIONS below): a module under bench/ and the function it
 * exports, which returns `{ keys, details }` (or a flat object of numbers: SPEC keys are taken as
 * figures, the rest as details). A module that is missing or fails is "not measured" with the
 * reason: its keys are left out of results.json, never given a made-up number.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { benchSizes } from './sizes.js';

/** What a bench function returns. */
export interface BenchOutput {
  keys: Partial<Record<FigureKey, number>>;
  details?: Record<string, number | string>;
}

const FIGURES = [
  ['analyzeOverDecode', 'analyze() / jose.decodeJwt', '≤', 4, '×'],
  ['harOverJsonParse', 'HAR diagnose / JSON.parse', '≤', 1.5, '×'],
  ['harOverJq', 'HAR diagnose / jq listing the 401s', '≤', 0.6, '×'],
  ['harPeakRssOverFileSize', 'HAR peak RSS / file size', '≤', 1.5, '×'],
  ['harMarkdownPeakRssOverFileSize', 'HAR --markdown peak RSS / file', '≤', 3, '×'],
  ['panelRender10000Ms', 'Panel: list 10,000 diagnoses', '<', 100, 'ms'],
  ['panelFilter10000Ms', 'Panel: filter keystroke, 10,000', '<', 50, 'ms'],
  ['stormGetTabP95Ms', 'Storm: worker answer p95', '≤', 200, 'ms'],
  ['stormPageSlowdown', 'Storm: page slowdown', '≤', 1.2, '×'],
] as const;
export type FigureKey = (typeof FIGURES)[number][0];
const GZIP = [
  ['panel', 'Bundle gzip: panel', 60],
  ['popup', 'Bundle gzip: popup', 40],
  ['background', 'Bundle gzip: service worker', 40],
] as const;

type BenchFn = () => Promise<BenchOutput | Record<string, unknown>> | BenchOutput;

interface Section {
  title: string;
  /** The module's path (for the "missing" reason) and the function to call in it. */
  module: string;
  fn: string;
  /** The SPEC keys it measures: each one it does not deliver is "not measured", with why. */
  owns: FigureKey[];
}

/** One line per section: what is measured, in which module, by which export, for which keys. */
const SECTIONS: Section[] = [
  {
    title: 'analyze() vs jose.decodeJwt',
    module: './analyze.ts',
    fn: 'benchAnalyze',
    owns: ['analyzeOverDecode'],
  },
  {
    title: 'HAR: diagnose --har vs JSON.parse and jq',
    module: './har.ts',
    fn: 'benchHar',
    owns: [
      'harOverJsonParse',
      'harOverJq',
      'harPeakRssOverFileSize',
      'harMarkdownPeakRssOverFileSize',
    ],
  },
  {
    title: 'Panel: 10,000 diagnoses in Chromium',
    module: './panel-render.ts',
    fn: 'benchPanelRender',
    owns: ['panelRender10000Ms', 'panelFilter10000Ms'],
  },
  {
    title: 'Worker storm in Chromium',
    module: './storm.ts',
    fn: 'benchStorm',
    owns: ['stormGetTabP95Ms', 'stormPageSlowdown'],
  },
  { title: 'Service worker in Chromium', module: './worker.ts', fn: 'benchWorker', owns: [] },
];

const round = (n: number) => Math.round(n * 100) / 100;
const isFigureKey = (k: string): k is FigureKey => FIGURES.some(([key]) => key === k);

/** `{keys, details}`, or a flat object: SPEC keys become figures, other numbers and text details. */
function normalize(out: BenchOutput | Record<string, unknown>): BenchOutput {
  if ('keys' in out && typeof out.keys === 'object' && out.keys !== null) return out as BenchOutput;
  const keys: BenchOutput['keys'] = {};
  const details: Record<string, number | string> = {};
  // A nested object (the storm's `details`, its CPU per kind of process) is flattened into
  // dotted names: `stormCpuMsPerRequest.browser`.
  const take = (entries: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [k, v] of Object.entries(entries)) {
      if (typeof v === 'number' && !Number.isFinite(v)) continue;
      if (typeof v === 'number' && !prefix && isFigureKey(k)) keys[k] = v;
      else if (typeof v === 'number' || typeof v === 'string') details[`${prefix}${k}`] = v;
      else if (typeof v === 'object' && v !== null && !Array.isArray(v) && depth < 3) {
        take(
          v as Record<string, unknown>,
          k === 'details' && !prefix ? '' : `${prefix}${k}.`,
          depth + 1,
        );
      }
    }
  };
  take(out as Record<string, unknown>, '', 0);
  return { keys, details };
}

async function runSection(section: Section): Promise<BenchOutput & { error?: string }> {
  const file = `bench/${section.module.slice(2)}`;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(section.module)) as Record<string, unknown>;
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
    return {
      keys: {},
      error: missing
        ? `${file} is missing`
        : `${file} did not load: ${String(error).split('\n')[0]!.slice(0, 200)}`,
    };
  }
  const fn = mod[section.fn];
  if (typeof fn !== 'function') return { keys: {}, error: `${file} exports no ${section.fn}()` };
  try {
    return normalize(await (fn as BenchFn)());
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { keys: {}, error: `${section.fn}() failed: ${text.split('\n')[0]!.slice(0, 200)}` };
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const loadBefore = loadavg()[0]!;

/**
 * `RHYTHM_BENCH_ONLY=analyze,har npm run bench`: only those sections (by module name), printed and
 * not written to results.json (which holds whole runs only); `RHYTHM_BENCH_NO_BUILD=1` skips the build.
 */
const only = process.env.RHYTHM_BENCH_ONLY?.split(',').map((s) => s.trim());
const sections = only ? SECTIONS.filter((s) => only.includes(s.module.slice(2, -3))) : SECTIONS;

if (!process.env.RHYTHM_BENCH_NO_BUILD) {
  console.log('Building the extension and the CLI…');
  if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0)
    process.exit(1);
}

const keys: BenchOutput['keys'] = {};
const details: Record<string, number | string> = {};
/** SPEC key (or section) → why it has no figure. */
const notMeasured: Record<string, string> = {};
for (const section of sections) {
  console.log(`${section.title}…`);
  const out = await runSection(section);
  if (out.error) console.log(`  not measured: ${out.error}`);
  Object.assign(keys, out.keys);
  for (const [k, v] of Object.entries(out.details ?? {}))
    details[k] = typeof v === 'number' ? round(v) : v;
  for (const key of section.owns) {
    if (out.keys[key] === undefined) {
      notMeasured[key] =
        out.error ?? String(out.details?.[`${key}NotMeasured`] ?? `${section.fn}() gave no ${key}`);
    }
  }
  if (out.error && section.owns.length === 0) notMeasured[section.title] = out.error;
}
let gzipKb: ReturnType<typeof benchSizes> | null = null;
try {
  if (!only) gzipKb = benchSizes();
} catch (error) {
  notMeasured['Bundle sizes'] = error instanceof Error ? error.message : String(error);
}

const results: Record<string, unknown> = {};
for (const [key] of FIGURES) if (keys[key] !== undefined) results[key] = round(keys[key]!);
if (gzipKb) results.gzipKb = gzipKb;
results.details = {
  machine,
  loadAverage1m: round(Math.max(loadBefore, loadavg()[0]!)),
  ...details,
  ...(Object.keys(notMeasured).length ? { notMeasured } : {}),
};
if (!only) writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

// The table.
const rows: Array<[string, string, string, string]> = [];
const show = (v: number, unit: string) => (unit === '×' ? `${round(v)}×` : `${round(v)} ${unit}`);
const measuredHere = new Set(sections.flatMap((s) => s.owns));
for (const [key, label, op, limit, unit] of FIGURES) {
  if (!measuredHere.has(key)) continue;
  const v = keys[key];
  const budget = `${op} ${show(limit, unit)}`;
  if (v === undefined) {
    rows.push([label, `not measured: ${notMeasured[key] ?? ''}`, budget, '']);
  } else {
    const ok = op === '<' ? v < limit : v <= limit;
    rows.push([label, show(v, unit), budget, ok ? 'ok' : 'OVER']);
  }
}
for (const [key, label, limit] of only ? [] : GZIP) {
  const v = gzipKb?.[key];
  rows.push(
    v === undefined
      ? [label, `not measured: ${notMeasured['Bundle sizes'] ?? ''}`, `≤ ${limit} KB`, '']
      : [label, `${v} KB`, `≤ ${limit} KB`, v <= limit ? 'ok' : 'OVER'],
  );
}
/** Reported, not budgeted (and the SPEC's zero for other hosts). */
const reported: Array<[string, string | undefined, string, string]> = [
  [
    'analyze(), pure-JS SHA-256',
    unit(details.analyzePureJsUsPerRequest, 'µs/request'),
    '(reported)',
    '',
  ],
  ['Worker JS time per Rhythm 401', unit(details.workerMsPerRequest, 'ms'), '(reported)', ''],
  [
    '401 response → badge, p50 / p95',
    details.badgeP50Ms === undefined
      ? undefined
      : `${details.badgeP50Ms} / ${details.badgeP95Ms} ms`,
    '(reported)',
    '',
  ],
  [
    'Worker calls for other hosts',
    details.workerInvocationsOtherHosts === undefined
      ? undefined
      : `${details.workerInvocationsOtherHosts}`,
    '0',
    details.workerInvocationsOtherHosts === 0
      ? 'ok'
      : details.workerInvocationsOtherHosts === undefined
        ? ''
        : 'OVER',
  ],
];
for (const [label, value, budget, ok] of reported)
  rows.push([label, value ?? 'not measured', budget, ok]);

function unit(v: number | string | undefined, u: string): string | undefined {
  return v === undefined ? undefined : `${v} ${u}`;
}

const w = [
  Math.max(...rows.map((r) => r[0].length)) + 2,
  Math.max(...rows.map((r) => r[1].length)) + 2,
  Math.max(...rows.map((r) => r[2].length)) + 2,
];
console.log(`\n${'figure'.padEnd(w[0]!)}${'result'.padEnd(w[1]!)}${'budget'.padEnd(w[2]!)}`);
for (const [name, value, budget, ok] of rows) {
  console.log(`${name.padEnd(w[0]!)}${value.padEnd(w[1]!)}${budget.padEnd(w[2]!)}${ok}`.trimEnd());
}
const shown = Object.entries(details);
console.log('\nDetails:');
for (const [k, v] of shown) console.log(`  ${k}: ${v}`);
console.log(
  `\n${machine}; load average ${round(Math.max(loadBefore, loadavg()[0]!))}; ${only ? 'a partial run: bench/results.json left as it was' : 'written to bench/results.json'}`,
);
