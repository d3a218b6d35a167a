// Builds the rhythm-auth library for Node backends: src/lib/index.ts (the analyzer, the report,
// HAR sanitizing, withDiagnosis) bundled with jose into one ESM file, dist/lib/index.js, and its
// type declarations bundled into one dist/lib/index.d.ts (dts-bundle-generator). Nothing is left
// to install at run time.
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleForNode, root, writeAtomically } from './node-bundle.mjs';

const bundle = await bundleForNode('src/lib/index.ts', 'dist/lib/index.js');

const types = fileURLToPath(new URL(`../dist/lib/index.d.ts.${process.pid}.part`, import.meta.url));
const generator = new URL(
  '../node_modules/dts-bundle-generator/dist/bin/dts-bundle-generator.js',
  import.meta.url,
);
const dts = spawnSync(
  process.execPath,
  // --no-check: `npm run typecheck` checks the sources, and the pack test compiles a strict
  // consumer against the result.
  [
    fileURLToPath(generator),
    '--silent',
    '--no-check',
    '--project',
    'tsconfig.lib.json',
    '-o',
    types,
    'src/lib/index.ts',
  ],
  { cwd: root, encoding: 'utf8' },
);
if (dts.status !== 0) {
  await rm(types, { force: true });
  process.stderr.write(`build-lib: type declarations failed\n${dts.stdout}${dts.stderr}`);
  process.exit(1);
}
await writeAtomically('dist/lib/index.d.ts', await readFile(types));
await rm(types, { force: true });
await writeAtomically('dist/lib/index.js', bundle);
