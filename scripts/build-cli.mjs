// Bundles the rhythm-auth CLI (src/cli/main.ts, the analyzer and jose) into one ESM file for
// Node 20: dist/cli/rhythm-auth.js, which bin/rhythm-auth.js loads; and beside it the HAR reader's
// thread (src/har/node/reader-thread.ts → dist/cli/har-reader.js), which `diagnose --har` starts,
// and what starts it before the CLI has loaded (src/cli/prestart.ts → dist/cli/prestart.js).
import { bundleForNode, writeAtomically } from './node-bundle.mjs';

const reader = 'dist/cli/har-reader.js';
await writeAtomically(reader, await bundleForNode('src/har/node/reader-thread.ts', reader));
const prestart = 'dist/cli/prestart.js';
await writeAtomically(prestart, await bundleForNode('src/cli/prestart.ts', prestart));
const outfile = 'dist/cli/rhythm-auth.js';
await writeAtomically(outfile, await bundleForNode('src/cli/main.ts', outfile));
