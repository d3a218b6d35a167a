/**
 * `rhythm-auth diagnose --har <file>` and `rhythm-auth sanitize-har <in> <out>`: the HAR
 * commands, on top of the streaming reader (src/har) and the same analyzer and redaction as the
 * single-request `diagnose`.
 */
import {
  buildReport,
  redactDiagnosis,
  renderMarkdown,
  requestSecrets,
  type CapturedRequest,
  type ReportedDiagnosis,
  type ReportSubject,
  type RequestSecrets,
} from '../analyzer/index.js';
import { createHarCollector } from '../har/collect.js';
import { openHarFile } from '../har/node/read-file.js';
import { readHarEntries } from '../har/read-entries.js';
import { OutputError, sanitizeHarFile } from '../har/node/sanitize-file.js';
import type { DiagnoseHarCommand, SanitizeHarCommand } from './args.js';
import { UsageError } from './errors.js';
import { fileErrorText, harInputError } from './input-error.js';
import { createProgress, type ProgressIo } from './progress.js';
import { findingLines, renderHarText, renderSanitizeText } from './render-har.js';
import { wantsColour } from './terminal.js';

export interface HarIo extends ProgressIo {
  stdout(text: string | Uint8Array): void;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTty: boolean;
  version: string;
  runtime: string;
  now(): number;
}

const NESTED_OPEN = '[\n  [\n';
const NESTED_CLOSE = '\n  ]\n]';
const EXIT_OK = 0;
const EXIT_CHECK_FAILED = 1;

/**
 * `requestSecrets` remembered per request shape: a HAR repeats the same URL and token thousands
 * of times, and working them out means decoding the token again.
 */
function createSecretsReader(): (request: CapturedRequest) => RequestSecrets {
  const known = new Map<string, RequestSecrets>();
  return (request) => {
    const key = `${request.url}\n${request.requestHeaders.map((h) => `${h.name}:${h.value}`).join('\n')}`;
    let secrets = known.get(key);
    if (!secrets) {
      if (known.size >= 1000) known.clear();
      secrets = requestSecrets(request);
      known.set(key, secrets);
    }
    return secrets;
  };
}

/** What the text table needs of a diagnosis: far less than the diagnosis. */
function tableRow(d: ReportedDiagnosis): ReportedDiagnosis {
  return { ...d, checks: [], token: { ...d.token, header: null, claims: null } };
}

export async function diagnoseHar(command: DiagnoseHarCommand, io: HarIo): Promise<number> {
  const output = command.output;
  // The Markdown report redacts with its own options at the end; JSON and text redact as they go
  // and keep only what they print (JSON as UTF-8 bytes), so no token outlives its entry.
  const subjects: ReportSubject[] = [];
  const rows: ReportedDiagnosis[] = [];
  const json: Uint8Array[] = [];
  const secretsOf = createSecretsReader();
  // No settings on the command line: the Rhythm hosts' 401s, as SPEC §5 says.
  const collector = createHarCollector({}, ({ request, diagnosis }) => {
    const subject = { diagnosis, ...secretsOf(request) };
    if (output === 'markdown') {
      subjects.push(subject);
    } else if (output === 'json') {
      // Laid out as JSON.stringify({diagnoses}, null, 2) would, each one 4 spaces in: nested
      // two deep and cut out again, which is cheaper than re-indenting every line.
      const nested = JSON.stringify([[redactDiagnosis(subject)]], null, 2);
      const text = nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length);
      json.push(Buffer.from(json.length === 0 ? text : `,\n${text}`));
    } else {
      rows.push(tableRow(redactDiagnosis(subject)));
    }
  });
  const progress = createProgress(io, `reading ${command.file}`);
  try {
    const file = await openHarFile(command.file);
    await readHarEntries(file.chunks, collector.entry, {
      ...file.options,
      onProgress: progress.update,
    });
  } catch (error) {
    throw await harInputError(command.file, error);
  } finally {
    progress.clear();
  }

  const { entries, unreadable, failed, finding } = collector.counts();
  if (finding && output !== 'text') {
    // stdout stays pure JSON / Markdown; the warning goes beside it.
    io.stderr(`${['rhythm-auth: note:', ...findingLines(finding)].join('\n')}\n`);
  }
  switch (output) {
    case 'json':
      if (json.length === 0) {
        io.stdout('{\n  "diagnoses": []\n}\n');
        break;
      }
      io.stdout('{\n  "diagnoses": [\n');
      for (const piece of json) io.stdout(piece);
      io.stdout('\n  ]\n}\n');
      break;
    case 'markdown':
      if (subjects.length === 0) {
        io.stderr(`rhythm-auth: no 401 from a Rhythm API in ${command.file}\n`);
      }
      io.stdout(
        renderMarkdown(
          buildReport(
            subjects,
            {
              extensionVersion: io.version,
              browser: io.runtime,
              generatedAt: io.now(),
              tool: 'cli',
            },
            {
              includeTokenWithoutSignature: command.includeToken,
              maskPersonalClaims: command.maskPersonal,
            },
          ),
        ),
      );
      break;
    case 'text':
      io.stdout(
        renderHarText(
          { file: command.file, entries, unreadable, diagnoses: rows, finding },
          { colour: wantsColour(io.env, io.stdoutIsTty) },
        ),
      );
      break;
    default: {
      const unreachable: never = output;
      return unreachable;
    }
  }
  return failed > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
}

export async function sanitizeHar(command: SanitizeHarCommand, io: HarIo): Promise<number> {
  const progress = createProgress(io, `sanitizing ${command.input}`);
  try {
    const result = await sanitizeHarFile(command.input, command.output, {
      onProgress: progress.update,
    });
    progress.clear();
    io.stdout(renderSanitizeText({ ...result, input: command.input, output: command.output }));
    return EXIT_OK;
  } catch (error) {
    progress.clear();
    if (error instanceof OutputError) {
      throw new UsageError(`cannot write ${command.output}: ${fileErrorText(error.cause)}`, false);
    }
    throw await harInputError(command.input, error);
  }
}
