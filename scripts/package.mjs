// `npm run package`: builds the extension for Chrome and Firefox from the same source and writes
// the store zips to dist/packages/: rhythm-auth-chrome-<version>.zip, rhythm-auth-firefox-<version>.zip.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('manifest.json', 'utf8'));
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`package: ${cmd} ${args.join(' ')} failed`);
    process.exit(1);
  }
};

run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn']);
run('node', ['scripts/lint-firefox.mjs']);

mkdirSync('dist/packages', { recursive: true });
for (const [browser, dir] of [
  ['chrome', 'dist/extension'],
  ['firefox', 'dist/firefox'],
]) {
  const out = `dist/packages/rhythm-auth-${browser}-${version}.zip`;
  rmSync(out, { force: true });
  const tmp = `dist/packages/.${browser}`;
  rmSync(tmp, { recursive: true, force: true });
  run('npx', ['web-ext', 'build', '--source-dir', dir, '--artifacts-dir', tmp, '--overwrite-dest']);
  renameSync(`${tmp}/rhythm_auth-${version}.zip`, out);
  rmSync(tmp, { recursive: true, force: true });
  console.log(`wrote ${out}`);
}
