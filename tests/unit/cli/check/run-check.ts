/**
 * `rhythm-auth check` run for real: the built CLI in a child process, against the reference API
 * on loopback, reached with the documented --connect-to and --ca-file (its certificate in a
 * temporary file, removed by `close`). Asynchronous: the server answers from this process.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceApi, type ReferenceApi } from '../../../../tools/reference-api/server.js';
import { BIN, ROOT, cleanEnv, type CliResult } from '../run-cli.js';

export const ISSUER_HOST = 'acme-org.us.auth0.com';
export const ROLODEX_HOST = 'rolodex.api.rhythmsoftware.com';

export interface CheckFixture {
  api: ReferenceApi;
  /** The options that point `check` at the reference API and trust its certificate. */
  loopback: string[];
  caFile: string;
  run(
    args: readonly string[],
    options?: { input?: string; env?: Record<string, string> },
  ): Promise<CliResult>;
  close(): Promise<void>;
}

export function runCli(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: cleanEnv(options.env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export async function startCheckFixture(): Promise<CheckFixture> {
  const api = await startReferenceApi();
  const dir = await mkdtemp(join(tmpdir(), 'rhythm-auth-check-'));
  try {
    const caFile = join(dir, 'reference-api.pem');
    await writeFile(caFile, api.certificate);
    const loopback = [
      '--connect-to',
      `${ISSUER_HOST}=127.0.0.1:${api.port}`,
      '--connect-to',
      `${ROLODEX_HOST}=127.0.0.1:${api.port}`,
      '--ca-file',
      caFile,
    ];
    return {
      api,
      loopback,
      caFile,
      run: (args, options) => runCli(['check', ...args, ...loopback], options),
      close: async () => {
        await rm(dir, { recursive: true, force: true });
        await api.close();
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    await api.close();
    throw error;
  }
}
