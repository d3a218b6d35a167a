// Builds the rhythm-auth library for Node backends: src/lib/index.ts (the analyzer, the report,
// HAR sanitizing, withDiagnosis) bundled with jose into one ESM file, dist/lib/index.js, and its
// type declarations bundled into one dist/lib/index.d.ts (dts-bundle-generator). Nothing is left
// to install at run time.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = (name) => fileURLToPath(new URL(`../dist/lib/${name}`, import.meta.url));
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/lib/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define: { __RHYTHM_AUTH_VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
  outfile: 'dist/lib/index.js',
});

// Each file is written beside its place and renamed into it: a test that packs while another
// build runs sees the old file or the new one, never half of one (as build-cli.mjs does).
await mkdir(out(''), { recursive: true });
const types = out(`index.d.ts.${process.pid}.tmp`);
const dts = spawnSync(
  process.execPath,
  [
    fileURLToPath(
      new URL(
        '../node_modules/dts-bundle-generator/dist/bin/dts-bundle-generator.js',
        import.meta.url,
      ),
    ),
    '--silent',
    // `npm run typecheck` checks the sources, and the pack test compiles a consumer against this.
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
await rename(types, out('index.d.ts'));
const [bundle] = result.outputFiles;
await writeFile(out(`index.js.${process.pid}.tmp`), bundle.contents);
await rename(out(`index.js.${process.pid}.tmp`), out('index.js'));
