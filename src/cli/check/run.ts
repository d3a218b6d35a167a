/**
 * `rhythm-auth check`: the arguments, the secret (environment or stdin), the transport (with any
 * --connect-to and --ca-file), the three steps, and the output. Returns the exit code.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { fileErrorText } from '../input-error.js';
import { wantsColour } from '../terminal.js';
import { LOOKS_LIKE_ENV_NAME, parseCheckArgs, type CheckCommand } from './args.js';
import { renderCheckText } from './render.js';
import { runCheckSteps } from './run-steps.js';
import { createTransport } from './transport.js';
import { CHECK_USAGE } from './usage.js';

export interface CheckIo {
  stdout(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTty: boolean;
  now(): number;
  version: string;
  /** The secret from stdin: piped, or typed at a terminal without echo. */
  readSecret(label: string): Promise<string>;
}

async function secretOf(command: CheckCommand, io: CheckIo): Promise<string> {
  const name = command.secretEnv;
  if (name !== null) {
    const value = io.env[name];
    if (value !== undefined && value !== '') return value;
    throw new UsageError(
      LOOKS_LIKE_ENV_NAME.test(name)
        ? `the environment variable ${name} (--client-secret-env) is not set or empty`
        : 'the environment variable named by --client-secret-env is not set (its name is not shown: it does not look like one, and could be the secret itself)',
      false,
    );
  }
  const secret = await io.readSecret(`Client secret of ${command.clientId}`).catch(() => '');
  if (secret === '') {
    throw new UsageError('no client secret: pipe it on stdin, or pass --client-secret-env NAME');
  }
  return secret;
}

async function readCa(file: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${fileErrorText(error)}`, false);
  }
  try {
    new X509Certificate(pem);
  } catch {
    throw new UsageError(`--ca-file ${file} holds no PEM certificate`, false);
  }
  return pem;
}

export async function runCheck(argv: readonly string[], io: CheckIo): Promise<number> {
  const call = parseCheckArgs(argv);
  if (call.kind === 'check-help') {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  const ca = call.caFile === null ? undefined : await readCa(call.caFile);
  const secret = await secretOf(call, io);
  const transport = createTransport({ connectTo: call.connectTo, ...(ca ? { ca } : {}) });
  const report = await runCheckSteps(call, secret, {
    transport,
    now: io.now,
    version: io.version,
  });
  io.stdout(
    call.output === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : renderCheckText(call, report, { colour: wantsColour(io.env, io.stdoutIsTty) }),
  );
  return report.verdict === 'fail' ? 1 : 0;
}
