/**
 * Runs the reference Rhythm API alone:
 * `npx tsx tools/reference-api/main.ts [--port N] [--write-ca FILE]`. Prints where it listens and
 * the Chromium flags that send Rhythm and Auth0 traffic to it; `--write-ca` writes its certificate
 * (made at start) to FILE, for clients that trust it explicitly (`rhythm-auth check --ca-file`).
 */
import { writeFileSync } from 'node:fs';
import { chromiumArgs, startReferenceApi } from './server.js';

function parsePort(args: readonly string[]): number {
  const index = args.indexOf('--port');
  if (index === -1) return 0;
  const port = Number(args[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error('usage: main.ts [--port N]   (N: 0-65535; 0 picks a free port)');
    process.exit(2);
  }
  return port;
}

const args = process.argv.slice(2);
const api = await startReferenceApi({ port: parsePort(args) });
const caIndex = args.indexOf('--write-ca');
if (caIndex !== -1) {
  const file = args[caIndex + 1];
  if (!file) {
    console.error('usage: main.ts [--port N] [--write-ca FILE]');
    process.exit(2);
  }
  writeFileSync(file, api.certificate);
  console.log(`certificate: ${file}`);
}
console.log(`Rhythm reference API on ${api.origin} (loopback only)`);
console.log(`port: ${api.port}`);
console.log('Chromium flags:');
for (const arg of chromiumArgs(api.port)) console.log(`  '${arg}'`);
console.log('Demo page: https://app.rhythmsoftware.com/');

const stop = () => {
  api.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
