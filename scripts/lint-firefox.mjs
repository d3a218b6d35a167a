// Runs `web-ext lint` on the Firefox build and fails on any error (warnings are printed).
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json'],
  {
    encoding: 'utf8',
  },
);
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error(`lint:firefox: web-ext lint gave no report\n${result.stderr}`);
  process.exit(1);
}
for (const kind of ['errors', 'warnings']) {
  for (const m of report[kind])
    console.log(`web-ext lint ${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} ${m.message}`);
}
const { errors, warnings, notices } = report.summary;
console.log(
  `web-ext lint (Firefox build): ${errors} errors, ${warnings} warnings, ${notices} notices`,
);
process.exit(errors === 0 ? 0 : 1);
