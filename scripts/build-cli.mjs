// Bundles the rhythm-auth CLI (src/cli/main.ts, the analyzer and jose) into one ESM file for
// Node 20: dist/cli/rhythm-auth.js, which bin/rhythm-auth.js loads; and beside it the HAR reader's
// thread (src/har/node/reader-thread.ts → dist/cli/har-reader.js), which `diagnose --har` starts.
import { bundleForNode, writeAtomically } from './node-bundle.mjs';

const reader = 'dist/cli/har-reader.js';
await writeAtomically(reader, await bundleForNode('src/har/node/reader-thread.ts', reader));
const outfile = 'dist/cli/rhythm-auth.js';
await writeAtomically(outfile, await bundleForNode('src/cli/main.ts', outfile));
