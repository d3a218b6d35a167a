// Bundles the rhythm-auth CLI (src/cli/main.ts, the analyzer and jose) into one ESM file for
// Node 20: dist/cli/rhythm-auth.js, which bin/rhythm-auth.js loads.
import { bundleForNode, writeAtomically } from './node-bundle.mjs';

const outfile = 'dist/cli/rhythm-auth.js';
await writeAtomically(outfile, await bundleForNode('src/cli/main.ts', outfile));
