// Bundles the rhythm-auth CLI (src/cli/main.ts, the analyzer and jose) into one ESM file for
// Node 20: dist/cli/rhythm-auth.js, which bin/rhythm-auth.js loads.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/rhythm-auth.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define: { __RHYTHM_AUTH_VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});

// Written to a temporary file and renamed into place: a CLI started while another build runs (the
// test files build in parallel) reads the old bundle or the new one, never half of one.
const [bundle] = result.outputFiles;
const target = fileURLToPath(new URL('../dist/cli/rhythm-auth.js', import.meta.url));
const temporary = `${target}.${process.pid}.tmp`;
await mkdir(fileURLToPath(new URL('../dist/cli/', import.meta.url)), { recursive: true });
await writeFile(temporary, bundle.contents);
await rename(temporary, target);
