/**
 * The CLI's first module: for `diagnose --har <file>`, the HAR reader's thread starts now, while
 * the rest of the CLI loads (src/har/node/reader-start.ts). A look at the arguments only: the
 * real parse (args.ts) decides what runs, and a reader nobody takes is never waited for.
 */
import { isMainThread } from 'node:worker_threads';
import { startHarReader } from '../har/node/reader-start.js';

/** The value of `--har` in a `diagnose` command line, or null. */
export function harFileOf(argv: readonly string[]): string | null {
  if (argv[0] !== 'diagnose') return null;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return null;
    if (arg === '--har') return argv[i + 1] ?? null;
    if (arg.startsWith('--har=')) return arg.slice('--har='.length);
  }
  return null;
}

if (isMainThread) {
  const file = harFileOf(process.argv.slice(2));
  if (file) startHarReader(file);
}
