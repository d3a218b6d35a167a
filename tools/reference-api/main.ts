/**
 * Runs the reference Rhythm API alone: `npx tsx tools/reference-api/main.ts [--port N]`.
 * Prints where it listens and the Chromium flags that send Rhythm and Auth0 traffic to it.
 */
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

const api = await startReferenceApi({ port: parsePort(process.argv.slice(2)) });
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
