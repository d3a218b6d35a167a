/**
 * The CLI as a function of its arguments and its world (streams, clock, environment), so that
 * main.ts stays a few lines of wiring. Returns the exit code.
 */
import {
  analyze,
  buildReport,
  redactDiagnosis,
  renderMarkdown,
  requestSecrets,
} from '../analyzer/index.js';
import { parseCommandLine, type DiagnoseCommand } from './args.js';
import { runCheck } from './check/run.js';
import { diagnoseHar, sanitizeHar } from './har.js';
import { renderText } from './render-text.js';
import { outputWidth, wantsColour } from './terminal.js';
import type { RequestIo } from './request.js';
import { capturedRequest } from './request.js';
import { renderUsage } from './usage.js';
import { nodeSha256Hex } from '../node/sha256.js';

export interface CliIo extends RequestIo {
  /** Text, or UTF-8 bytes (a HAR's JSON is kept as bytes: half the memory of a JS string). */
  stdout(text: string | Uint8Array): void;
  /** Progress and notes; errors go through main.ts. */
  stderr(text: string): void;
  stderrIsTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTty: boolean;
  /** The terminal's columns when stdout is one (`process.stdout.columns`). */
  columns?: number;
  version: string;
  /** `Node.js 20.20.2 (linux x64)`: the report's "browser" line. */
  runtime: string;
  /** `check`'s client secret from stdin: piped, or typed at a terminal without echo. */
  readSecret(label: string): Promise<string>;
}

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;

async function diagnose(command: DiagnoseCommand, io: CliIo): Promise<number> {
  const { request, notes } = await capturedRequest(command, io);
  for (const note of notes) io.stderr(`rhythm-auth: note: ${note}\n`);
  const diagnosis = analyze(request, { sha256Hex: nodeSha256Hex });
  const subject = { diagnosis, ...requestSecrets(request) };
  switch (command.output) {
    case 'json':
      // The Diagnosis, with URL secrets and anything token-shaped redacted like everything we print.
      io.stdout(`${JSON.stringify(redactDiagnosis(subject), null, 2)}\n`);
      break;
    case 'markdown': {
      const context = {
        extensionVersion: io.version,
        browser: io.runtime,
        generatedAt: io.now(),
        tool: 'cli',
      } as const;
      const options = {
        includeTokenWithoutSignature: command.includeToken,
        maskPersonalClaims: command.maskPersonal,
      };
      io.stdout(renderMarkdown(buildReport(subject, context, options)));
      break;
    }
    case 'text':
      io.stdout(
        renderText(redactDiagnosis(subject), {
          colour: wantsColour(io.env, io.stdoutIsTty),
          width: outputWidth(io.columns, io.env),
        }),
      );
      break;
    default: {
      const unreachable: never = command.output;
      return unreachable;
    }
  }
  return diagnosis.verdict === 'fail' ? EXIT_CHECK_FAILED : EXIT_OK;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // `check` has options of its own (src/cli/check/args.ts).
  if (argv[0] === 'check') return runCheck(argv.slice(1), io);
  const command = parseCommandLine(argv);
  switch (command.kind) {
    case 'help':
      io.stdout(renderUsage(outputWidth(io.columns, io.env)));
      return EXIT_OK;
    case 'version':
      io.stdout(`rhythm-auth ${io.version}\n`);
      return EXIT_OK;
    case 'diagnose':
      return diagnose(command, io);
    case 'diagnose-har':
      return diagnoseHar(command, io);
    case 'sanitize-har':
      return sanitizeHar(command, io);
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
