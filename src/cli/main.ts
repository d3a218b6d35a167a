/**
 * Entry point of `rhythm-auth` (bundled to dist/cli/rhythm-auth.js by scripts/build-cli.mjs):
 * wires Node's streams, clock and environment to runCli, and turns every failure into one line on
 * stderr and exit code 2, never a stack trace.
 */
// First: it may start the HAR reader's thread while the rest loads.
import './prestart.js';
import { fstatSync } from 'node:fs';
import { readSecret } from './check/read-secret.js';
import { errorLine, UsageError } from './errors.js';
import { EXIT_USAGE, runCli, type CliIo } from './run.js';

/** Set by the build from package.json (esbuild `define`). */
declare const __RHYTHM_AUTH_VERSION__: string | undefined;
const VERSION = typeof __RHYTHM_AUTH_VERSION__ === 'string' ? __RHYTHM_AUTH_VERSION__ : '0.0.0-dev';

function fail(error: unknown): void {
  process.stderr.write(`${errorLine(error)}\n`);
  process.exitCode = EXIT_USAGE;
}

async function readStdin(): Promise<string> {
  // `< folder` gives a stream that ends at once: it would be read as an empty header.
  if (fstatSync(0).isDirectory()) {
    throw new UsageError(
      'stdin is a directory, not the Authorization value: pipe the value in (… | rhythm-auth diagnose --token -) or give it as an argument',
      false,
    );
  }
  if (process.stdin.isTTY) {
    process.stderr.write(
      'rhythm-auth: reading the Authorization value from stdin (end with Ctrl-D)\n',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

const io: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTty: process.stderr.isTTY === true,
  ...(process.stderr.isTTY ? { stderrColumns: process.stderr.columns } : {}),
  readStdin,
  now: () => Date.now(),
  env: process.env,
  stdoutIsTty: process.stdout.isTTY === true,
  ...(process.stdout.isTTY ? { columns: process.stdout.columns } : {}),
  version: VERSION,
  runtime: `Node.js ${process.versions.node} (${process.platform} ${process.arch})`,
  readSecret: (label) => readSecret(process.stdin, (text) => process.stderr.write(text), label),
};

// `rhythm-auth … | head` closes the pipe early: that is not an error worth a trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(error);
});
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
}, fail);
