/**
 * `rhythm-auth diagnose --har <file>` and `rhythm-auth sanitize-har <in> <out>`: the HAR
 * commands, on top of the streaming reader (src/har) and the same analyzer and redaction as the
 * single-request `diagnose`.
 */
import {
  analyze,
  buildReport,
  redactDiagnosis,
  renderMarkdown,
  requestSecrets,
  type AnalyzerSettings,
  type CapturedRequest,
  type Diagnosis,
  type ReportSubject,
  type RequestSecrets,
} from '../analyzer/index.js';
import { createHarCollector, type Diagnosed } from '../har/collect.js';
import { openHarFile } from '../har/node/read-file.js';
import { readHarEntries } from '../har/read-entries.js';
import { OutputError, sanitizeHarFile } from '../har/node/sanitize-file.js';
import type { DiagnoseHarCommand, SanitizeHarCommand } from './args.js';
import { fileErrorText, UsageError } from './errors.js';
import { harInputError } from './input-error.js';
import { createProgress, type ProgressIo } from './progress.js';
import { findingLines, harRow, renderHarText } from './render-har.js';
import { renderSanitizeText } from './render-sanitize.js';
import { outputWidth, wantsColour } from './terminal.js';

export interface HarIo extends ProgressIo {
  stdout(text: string | Uint8Array): void;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTty: boolean;
  /** The terminal's columns when stdout is one. */
  columns?: number;
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

/** No settings on the command line: the Rhythm hosts' 401s, as SPEC §5 says. */
const SETTINGS: AnalyzerSettings = {};

/**
 * What an output keeps of each diagnosis, in file order. A request without any credential waits
 * for the end of the file (it holds no token): only then is it known whether the exporter
 * removed the credentials, which its row must say as the banner does (collect.ts `rediagnose`).
 */
function createRows<T>(make: (diagnosis: Diagnosis, request: CapturedRequest) => T) {
  const rows: Array<T | { late: CapturedRequest }> = [];
  const isLate = (row: T | { late: CapturedRequest }): row is { late: CapturedRequest } =>
    typeof row === 'object' && row !== null && 'late' in row;
  return {
    add(d: Diagnosed): void {
      rows.push(d.withoutCredentials ? { late: d.request } : make(d.diagnosis, d.request));
    },
    get size(): number {
      return rows.length;
    },
    *all(final: (request: CapturedRequest) => Diagnosis): Generator<T> {
      for (const row of rows) yield isLate(row) ? make(final(row.late), row.late) : row;
    },
  };
}

export async function diagnoseHar(command: DiagnoseHarCommand, io: HarIo): Promise<number> {
  const output = command.output;
  const secretsOf = createSecretsReader();
  const subject = (diagnosis: Diagnosis, request: CapturedRequest): ReportSubject => ({
    diagnosis,
    ...secretsOf(request),
  });
  // The Markdown report redacts with its own options at the end; JSON and text redact as they go
  // and keep only what they print (JSON as UTF-8 bytes), so no token outlives its entry.
  const subjects = createRows(subject);
  const rows = createRows((d, request) => harRow(redactDiagnosis(subject(d, request))));
  const json = createRows((d, request) => {
    // Laid out as JSON.stringify({diagnoses}, null, 2) would, each one 4 spaces in: nested two
    // deep and cut out again, which is cheaper than re-indenting every line.
    const nested = JSON.stringify([[redactDiagnosis(subject(d, request))]], null, 2);
    return Buffer.from(nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length));
  });
  const kept = output === 'markdown' ? subjects : output === 'json' ? json : rows;
  const collector = createHarCollector(SETTINGS, (diagnosed) => kept.add(diagnosed));
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
  const final = (request: CapturedRequest) =>
    collector.rediagnose(request) ?? analyze(request, SETTINGS);
  const width = outputWidth(io.columns, io.env);
  if (finding && output !== 'text') {
    // stdout stays pure JSON / Markdown; the warning goes beside it.
    io.stderr(`${['rhythm-auth: note:', ...findingLines(finding, width)].join('\n')}\n`);
  }
  switch (output) {
    case 'json': {
      if (json.size === 0) {
        io.stdout('{\n  "diagnoses": []\n}\n');
        break;
      }
      io.stdout('{\n  "diagnoses": [\n');
      let first = true;
      for (const piece of json.all(final)) {
        if (!first) io.stdout(',\n');
        io.stdout(piece);
        first = false;
      }
      io.stdout('\n  ]\n}\n');
      break;
    }
    case 'markdown':
      if (subjects.size === 0) {
        io.stderr(`rhythm-auth: no 401 from a Rhythm API in ${command.file}\n`);
      }
      io.stdout(
        renderMarkdown(
          buildReport(
            [...subjects.all(final)],
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
          { file: command.file, entries, unreadable, rows: [...rows.all(final)], finding },
          { colour: wantsColour(io.env, io.stdoutIsTty), width },
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
    io.stdout(
      renderSanitizeText(
        { ...result, input: command.input, output: command.output },
        outputWidth(io.columns, io.env),
      ),
    );
    return EXIT_OK;
  } catch (error) {
    progress.clear();
    if (error instanceof OutputError) {
      throw new UsageError(`cannot write ${command.output}: ${fileErrorText(error.cause)}`, false);
    }
    throw await harInputError(command.input, error);
  }
}
