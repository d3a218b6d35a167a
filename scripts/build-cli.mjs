// Bundles the rhythm-auth CLI (src/cli/main.ts, the analyzer and jose) into one ESM file for
// Node 20: dist/cli/rhythm-auth.js, which bin/rhythm-auth.js loads.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await build({
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
});
