/**
 * `npm run bench`: every budget of SPEC §9, measured side by side on this machine in one run.
 * Prints a table and writes bench/results.json. Not a test: nothing here fails on a missed budget.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { benchAnalyze } from './analyze.js';
import { benchHar } from './har.js';
import { benchPanelRender } from './panel-render.js';
import { benchSizes } from './sizes.js';
import { benchStorm } from './storm.js';
import { benchWorker } from './worker.js';

const BUDGETS = {
  analyzeOverDecode: 3,
  harOverJsonParse: 2,
  harPeakRssOverFileSize: 3,
  panelRender2000Ms: 300,
  panel: 60,
  popup: 40,
  background: 40,
  workerInvocationsOtherHosts: 0,
};

console.log('Building the extension and the CLI…');
if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0)
  process.exit(1);

console.log('analyze() vs jose.decodeJwt…');
const analyze = await benchAnalyze();
console.log('HAR: diagnose --har vs JSON.parse on 100 MB…');
const har = benchHar();
console.log('Panel render of 2,000 diagnoses in Chromium…');
const panel = await benchPanelRender();
console.log('Service worker in Chromium…');
const worker = await benchWorker();
const gzipKb = benchSizes();
console.log('Worker storm: 5,000 Rhythm 401s from one page…');
const storm = await benchStorm();
console.log(
  `  get-tab p95 ${storm.stormGetTabP95Ms} ms, page ${round(storm.stormPageSlowdown)}× an unwatched host`,
);

const results = {
  analyzeOverDecode: round(analyze.analyzeOverDecode),
  harOverJsonParse: round(har.harOverJsonParse),
  harPeakRssOverFileSize: round(har.harPeakRssOverFileSize),
  harMarkdownPeakRssOverFileSize: round(har.harMarkdownPeakRssOverFileSize),
  panelRender2000Ms: round(panel.panelRender2000Ms),
  stormGetTabP95Ms: round(storm.stormGetTabP95Ms),
  stormPageSlowdown: round(storm.stormPageSlowdown),
  gzipKb,
  details: {
    ...storm.details,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    analyzeUsPerRequest: round(analyze.analyzeUsPerRequest),
    decodeJwtUsPerToken: round(analyze.decodeUsPerToken),
    harFileMb: round(har.harFileMb),
    harDiagnoseMs: round(har.harDiagnoseMs),
    harDiagnoseJsonMs: round(har.harDiagnoseJsonMs),
    harJsonParseMs: round(har.harJsonParseMs),
    harPeakRssMb: round(har.harPeakRssMb),
    harMarkdownPeakRssMb: round(har.harMarkdownPeakRssMb),
    harSanitizeMs: round(har.harSanitizeMs),
    harSanitizeOverJsonParse: round(har.harSanitizeOverJsonParse),
    workerMsPerRequest: round(worker.workerMsPerRequest),
    workerInvocationsOtherHosts: worker.workerInvocationsOtherHosts,
  },
};
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const rows: Array<[string, string, string, boolean]> = [
  [
    'analyze() / jose.decodeJwt',
    `${results.analyzeOverDecode}× (${results.details.analyzeUsPerRequest} µs vs ${results.details.decodeJwtUsPerToken} µs)`,
    `≤ ${BUDGETS.analyzeOverDecode}×`,
    results.analyzeOverDecode <= BUDGETS.analyzeOverDecode,
  ],
  [
    'HAR diagnose / JSON.parse',
    `${results.harOverJsonParse}× (${results.details.harDiagnoseMs} ms vs ${results.details.harJsonParseMs} ms, ${results.details.harFileMb} MB)`,
    `≤ ${BUDGETS.harOverJsonParse}×`,
    results.harOverJsonParse <= BUDGETS.harOverJsonParse,
  ],
  [
    'HAR peak RSS / file size',
    `${results.harPeakRssOverFileSize}× (${results.details.harPeakRssMb} MB)`,
    `≤ ${BUDGETS.harPeakRssOverFileSize}×`,
    results.harPeakRssOverFileSize <= BUDGETS.harPeakRssOverFileSize,
  ],
  [
    'HAR --markdown peak RSS / file size',
    `${results.harMarkdownPeakRssOverFileSize}× (${results.details.harMarkdownPeakRssMb} MB)`,
    '≤ 3×',
    results.harMarkdownPeakRssOverFileSize <= 3,
  ],
  [
    'Panel: render 2,000 diagnoses',
    `${results.panelRender2000Ms} ms`,
    `< ${BUDGETS.panelRender2000Ms} ms`,
    results.panelRender2000Ms < BUDGETS.panelRender2000Ms,
  ],
  [
    'Bundle gzip: panel',
    `${gzipKb.panel} KB`,
    `≤ ${BUDGETS.panel} KB`,
    gzipKb.panel <= BUDGETS.panel,
  ],
  [
    'Bundle gzip: popup',
    `${gzipKb.popup} KB`,
    `≤ ${BUDGETS.popup} KB`,
    gzipKb.popup <= BUDGETS.popup,
  ],
  [
    'Bundle gzip: service worker',
    `${gzipKb.background} KB`,
    `≤ ${BUDGETS.background} KB`,
    gzipKb.background <= BUDGETS.background,
  ],
  ['Worker JS time per Rhythm 401', `${results.details.workerMsPerRequest} ms`, '(measured)', true],
  [
    'Worker invocations, other hosts',
    `${worker.workerInvocationsOtherHosts}`,
    '0',
    worker.workerInvocationsOtherHosts === 0,
  ],
];
const w = [34, 58, 10];
console.log(`\n${'measure'.padEnd(w[0]!)}${'result'.padEnd(w[1]!)}${'budget'.padEnd(w[2]!)}`);
for (const [name, value, budget, ok] of rows) {
  console.log(
    `${name.padEnd(w[0]!)}${value.padEnd(w[1]!)}${budget.padEnd(w[2]!)}${ok ? 'ok' : 'MISSED'}`,
  );
}
console.log(`\n${results.details.machine}; written to bench/results.json`);
