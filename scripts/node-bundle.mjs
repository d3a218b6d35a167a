// What build-cli.mjs and build-lib.mjs share: one source file bundled with everything it imports
// (jose included) into one ESM file for Node 20, and files written beside their place and renamed
// into it, so that a test starting the CLI (or packing) while another build runs (the test files
// build in parallel) reads the old file or the new one, never half of one.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** The bundle of `entry` (a path from the repository root), as bytes. */
export async function bundleForNode(entry, outfile) {
  const { version } = JSON.parse(
    await readFile(new URL('../package.json', import.meta.url), 'utf8'),
  );
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    define: { __RHYTHM_AUTH_VERSION__: JSON.stringify(version) },
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  return result.outputFiles[0].contents;
}

/** Writes `contents` to `path` (from the repository root) by a rename. */
export async function writeAtomically(path, contents) {
  const target = fileURLToPath(new URL(`../${path}`, import.meta.url));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(`${target}.${process.pid}.tmp`, contents);
  await rename(`${target}.${process.pid}.tmp`, target);
}
