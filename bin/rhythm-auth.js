#!/usr/bin/env node
// The rhythm-auth command. The CLI itself is bundled by `npm run build` into dist/cli/; this shim
// only loads it, and says so in one line when it has not been built yet. First, a few kilobytes
// (dist/cli/prestart.js) start the HAR reader's thread for `diagnose --har <big file>` while the
// CLI loads (src/cli/prestart.ts).
import { existsSync } from 'node:fs';

const prestart = new URL('../dist/cli/prestart.js', import.meta.url);
const bundle = new URL('../dist/cli/rhythm-auth.js', import.meta.url);
if (existsSync(bundle)) {
  if (existsSync(prestart)) await import(prestart.href);
  await import(bundle.href);
} else {
  process.stderr.write('rhythm-auth: not built yet: run `npm run build`\n');
  process.exitCode = 2;
}
