#!/usr/bin/env node
// The rhythm-auth command. The CLI itself is bundled by `npm run build` into dist/cli/; this shim
// only loads it, and says so in one line when it has not been built yet.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/rhythm-auth.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write('rhythm-auth: not built yet: run `npm run build`\n');
  process.exitCode = 2;
}
