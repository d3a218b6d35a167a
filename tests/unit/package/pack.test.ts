/**
 * The npm package as a user gets it (SPEC §12): `npm pack`, then the tarball installed into an
 * empty project of its own, with nothing else. From there `npx rhythm-auth` runs the CLI, an ESM
 * script imports the library, and TypeScript (strict, no @types/node) compiles against its
 * declarations. The temporary project and the tarball are removed, pass or fail.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T0, signToken } from '../../helpers/tokens.js';
import { ROOT } from '../cli/run-cli.js';

const run = promisify(execFile);
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
/** What ships: the CLI, the library, its types, and what npm always adds. */
const SHIPPED = [
  'LICENSE',
  'README.md',
  'bin/rhythm-auth.js',
  'dist/cli/har-reader.js',
  'dist/cli/rhythm-auth.js',
  'dist/lib/index.d.ts',
  'dist/lib/index.js',
  'package.json',
];

let dir: string;
let project: string;
let packed: { filename: string; files: Array<{ path: string }>; size: number };

/**
 * Runs a command in the consumer project; npm's settings from a parent `npm test` stay out.
 * `npx --no --`: the installed bin or nothing, never a download.
 */
function inProject(command: string, args: readonly string[], input?: string) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)),
  );
  const child = run(command, [...args], { cwd: project, env, encoding: 'utf8', timeout: 120_000 });
  if (input !== undefined) child.child.stdin?.end(input);
  return child;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rhythm-auth-pack-'));
  project = join(dir, 'consumer');
  // prepack builds the CLI and the library, as for a publish.
  const pack = await run('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
  packed = (JSON.parse(pack.stdout) as Array<typeof packed>)[0]!;
  await run('mkdir', [project]);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
  );
  await inProject('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    join(dir, packed.filename),
  ]);
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the rhythm-auth npm package', () => {
  it('ships built code only: the files listed, nothing from src or the extension', () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual(SHIPPED);
  });

  it('installs with nothing else: no dependency is needed at run time', async () => {
    expect(await readdir(join(project, 'node_modules'))).toEqual(
      expect.arrayContaining(['rhythm-auth']),
    );
    const installed = (await readdir(join(project, 'node_modules'))).filter(
      (n) => !n.startsWith('.'),
    );
    expect(installed).toEqual(['rhythm-auth']);
    const manifest = JSON.parse(
      await readFile(join(project, 'node_modules/rhythm-auth/package.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    expect(manifest).toMatchObject({ license: 'MIT', engines: { node: '>=20' } });
  });

  it('runs the CLI with npx: --help and a diagnose', async () => {
    const help = await inProject('npx', ['--no', '--', 'rhythm-auth', '--help']);
    expect(help.stdout).toMatch(/^Usage:\n {2}rhythm-auth diagnose/);
    expect(help.stdout).toContain('rhythm-auth check [options]');

    const token = await signToken({ kind: 'm2m' });
    const diagnose = await inProject(
      'npx',
      [
        '--no',
        '--',
        'rhythm-auth',
        'diagnose',
        '--json',
        '--token',
        '-',
        '--url',
        'https://rolodex.api.rhythmsoftware.com/contacts/acme.org',
        '--at',
        String(T0 / 1000 + 60),
      ],
      token,
    );
    const d = JSON.parse(diagnose.stdout) as {
      schema: string;
      verdict: string;
      token: { subject: string };
    };
    expect(d).toMatchObject({
      schema: 'rhythm-auth/diagnosis@1',
      verdict: 'pass',
      token: { subject: 'm2m' },
    });
  });

  it('gives the library to an ESM script: analyze, renderMarkdown, renderJson, sanitizeHar, withDiagnosis', async () => {
    const token = await signToken({
      kind: 'm2m',
      claims: { aud: 'https://api.rhythmsoftware.com/' },
    });
    await writeFile(
      join(project, 'use.mjs'),
      `import { analyze, renderMarkdown, renderJson, sanitizeHar, withDiagnosis } from 'rhythm-auth';
const request = {
  url: 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org',
  sentAt: ${T0 + 60_000},
  requestHeaders: { Authorization: 'Bearer ${token}' },
};
const d = analyze(request);
const har = sanitizeHar({ log: { entries: [{ request: { url: request.url, headers: [{ name: 'Authorization', value: 'Bearer ${token}' }] }, response: { status: 401, headers: [] } }] } });
console.log(JSON.stringify({
  rootCause: d.rootCause.id,
  markdown: renderMarkdown(d).startsWith('# Rhythm Auth report'),
  json: JSON.parse(renderJson(d)).schema,
  harSignatures: har.changes.signatures,
  wraps: typeof withDiagnosis(fetch),
}));
`,
    );
    const { stdout } = await inProject('node', ['use.mjs']);
    expect(JSON.parse(stdout)).toEqual({
      rootCause: 'token.audience',
      markdown: true,
      json: 'rhythm-auth/report@1',
      harSignatures: 1,
      wraps: 'function',
    });
  });

  it('types the library for TypeScript (strict, NodeNext, without @types/node)', async () => {
    await writeFile(
      join(project, 'use.ts'),
      `import { analyze, withDiagnosis, type CheckId, type Diagnosis } from 'rhythm-auth';
const d: Diagnosis = analyze({ url: 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org' });
const first: CheckId = d.checks[0]!.id;
// @ts-expect-error: url must be a string (proves the declarations are read, not \`any\`)
analyze({ url: 1 });
declare const fetchLike: (url: string) => Promise<{ status: number; url: string; headers: { forEach(cb: (v: string, n: string) => void): void } }>;
const wrapped: typeof fetchLike = withDiagnosis(fetchLike, { capture403: true });
export { first, wrapped };
`,
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022'],
          types: [],
          noEmit: true,
          skipLibCheck: false,
        },
        files: ['use.ts'],
      }),
    );
    const result = await inProject(process.execPath, [TSC, '-p', 'tsconfig.json']).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(result.stdout).toBe('');
  });
});
