/**
 * `rhythm-auth diagnose --har <file>` and `rhythm-auth sanitize-har <in> <out>`: the HAR
 * commands, on top of the streaming reader (src/har) and the same analyzer and redaction as the
 * single-request `diagnose`.
 */
import {
  analyze,
  redactDiagnosis,
  redactDiagnosisSummary,
  renderMarkdownHead,
  renderMarkdownSection,
  reportHead,
  requestSecrets,
  type AnalyzerSettings,
  type CapturedRequest,
  type Diagnosis,
  type RequestSecrets,
} from '../analyzer/index.js';
import {
  createHarDiagnoser,
  type HarCounts,
  type HarFound,
  type HarReadState,
} from '../har/collect.js';
import { settingsForFinding } from '../har/credential-tally.js';
import { readHarFound } from '../har/node/read-found.js';
import { nodeSha256Hex } from '../node/sha256.js';
import { OutputError, sanitizeHarFile } from '../har/node/sanitize-file.js';
import type { DiagnoseHarCommand, SanitizeHarCommand } from './args.js';
import { fileErrorText, UsageError } from './errors.js';
import { harInputError } from './input-error.js';
import { createProgress, type ProgressIo } from './progress.js';
import { findingLines, harRow, renderHarText, type HarRow } from './render-har.js';
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

/**
 * No settings on the command line: the Rhythm hosts' 401s, as SPEC §5 says; the fingerprint's
 * SHA-256 from node:crypto (SPEC §9).
 */
const SETTINGS: AnalyzerSettings = { sha256Hex: nodeSha256Hex };

/** A request that is ours, found and diagnosed. */
type Diagnosed = HarFound & { diagnosis: Diagnosis };

interface Collected {
  counts: HarCounts;
  /** A request's diagnosis as its row should read with what the whole file showed. */
  final(request: CapturedRequest): Diagnosis;
}

/** Reads the file once, handing each diagnosed request to `onDiagnosed`; the counts at the end. */
async function collect(
  command: DiagnoseHarCommand,
  io: HarIo,
  onDiagnosed: (diagnosed: Diagnosed) => void,
  { label = `reading ${command.file}`, settings = SETTINGS } = {},
): Promise<Collected> {
  const diagnoser = createHarDiagnoser(settings);
  const progress = createProgress(io, label);
  let read: HarReadState;
  try {
    // A big file is read on a thread of its own; each request that is ours is diagnosed here.
    read = await readHarFound(
      command.file,
      settings,
      (found) => onDiagnosed({ ...found, diagnosis: diagnoser.diagnose(found) }),
      { onProgress: progress.update },
    );
  } catch (error) {
    throw await harInputError(command.file, error);
  } finally {
    progress.clear();
  }
  const { counts, rediagnose } = diagnoser.finish(read);
  return {
    counts,
    final: (request) => rediagnose(request) ?? analyze(request, settings),
  };
}

/**
 * Each output piece in file order, written as soon as it can be. A request without any credential
 * waits for the end of the file (it holds no token): only then is it known whether the exporter
 * removed the credentials, which its row must say as the banner does (collect.ts `rediagnose`).
 * Pieces after a waiting one wait with it, so the order stays the file's; a file with
 * credentials streams, a file without any holds only requests that carry none.
 */
function createOrderedOutput<T>(
  make: (diagnosis: Diagnosis, request: CapturedRequest) => T,
  write: (piece: T) => void,
  settings: AnalyzerSettings = SETTINGS,
) {
  const waiting: Array<T | { late: CapturedRequest }> = [];
  const isLate = (row: T | { late: CapturedRequest }): row is { late: CapturedRequest } =>
    typeof row === 'object' && row !== null && 'late' in row;
  const flush = (final: (request: CapturedRequest) => Diagnosis) => {
    for (const row of waiting) write(isLate(row) ? make(final(row.late), row.late) : row);
    waiting.length = 0;
  };
  return {
    add(d: Diagnosed): void {
      // Settled: the end of the file cannot change a diagnosis any more (its first one stands),
      // so nothing waits, and what waited is written: memory stays bounded (SPEC §9).
      if (d.settled && waiting.length > 0) flush((request) => analyze(request, settings));
      if (d.withoutCredentials && !d.settled) waiting.push({ late: d.request });
      else if (waiting.length > 0) waiting.push(make(d.diagnosis, d.request));
      else write(make(d.diagnosis, d.request));
    },
    end: flush,
  };
}

function note(io: HarIo, counts: HarCounts): void {
  // stdout stays pure JSON / Markdown; the warning goes beside it.
  if (counts.finding) {
    const lines = findingLines(counts.finding, outputWidth(io.columns, io.env));
    io.stderr(`${['rhythm-auth: note:', ...lines].join('\n')}\n`);
  }
}

/**
 * `--markdown`: the support report of every diagnosis, written as it is made (SPEC §9: memory
 * stays bounded however many 401s the file holds). The title counts the diagnoses, so a first
 * pass counts them (and finds the export note); the second, which then knows whether the
 * exporter removed the credentials, writes each section as it comes.
 */
async function markdownReport(command: DiagnoseHarCommand, io: HarIo): Promise<HarCounts> {
  const { counts } = await collect(command, io, () => {}, {
    label: `counting in ${command.file}`,
  });
  note(io, counts);
  const head = reportHead(
    { extensionVersion: io.version, browser: io.runtime, generatedAt: io.now(), tool: 'cli' },
    {
      includeTokenWithoutSignature: command.includeToken,
      maskPersonalClaims: command.maskPersonal,
    },
  );
  const n = counts.diagnosed;
  if (n === 0) {
    io.stderr(`rhythm-auth: no 401 from a Rhythm API in ${command.file}\n`);
    io.stdout(renderMarkdownHead(head, 0));
    return counts;
  }
  const secretsOf = createSecretsReader();
  let index = 0;
  const settings = settingsForFinding(SETTINGS, counts.finding) ?? SETTINGS;
  await collect(
    command,
    io,
    ({ request, diagnosis }) => {
      const d = redactDiagnosis({ diagnosis, ...secretsOf(request) }, head.options);
      if (index === 0) io.stdout(renderMarkdownHead(head, n, d));
      // The file changed between the passes: its new diagnoses are still written, numbered on.
      io.stdout(renderMarkdownSection(d, index++, Math.max(n, index), head.options));
    },
    { settings },
  );
  return counts;
}

/**
 * `--json`: `{"diagnoses": […]}` laid out as JSON.stringify(…, null, 2) would, each diagnosis
 * written as it is made (nested two deep and cut out again: cheaper than re-indenting).
 */
async function jsonDiagnoses(command: DiagnoseHarCommand, io: HarIo): Promise<HarCounts> {
  const secretsOf = createSecretsReader();
  let first = true;
  const output = createOrderedOutput(
    (diagnosis, request) => {
      const nested = JSON.stringify(
        [[redactDiagnosis({ diagnosis, ...secretsOf(request) })]],
        null,
        2,
      );
      return nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length);
    },
    (text) => {
      io.stdout(first ? `{\n  "diagnoses": [\n${text}` : `,\n${text}`);
      first = false;
    },
  );
  const { counts, final } = await collect(command, io, output.add);
  output.end(final);
  io.stdout(first ? '{\n  "diagnoses": []\n}\n' : '\n  ]\n}\n');
  note(io, counts);
  return counts;
}

/** The table: it needs every row (and the summary every root cause), and rows are small. */
async function textTable(command: DiagnoseHarCommand, io: HarIo): Promise<HarCounts> {
  const secretsOf = createSecretsReader();
  const rows: HarRow[] = [];
  const output = createOrderedOutput(
    // A row shows the request and one check: only those are redacted (as redactDiagnosis would).
    (diagnosis, request) => harRow(redactDiagnosisSummary({ diagnosis, ...secretsOf(request) })),
    (row) => rows.push(row),
  );
  const { counts, final } = await collect(command, io, output.add);
  output.end(final);
  const { entries, unreadable, unreadableReasons, finding } = counts;
  io.stdout(
    renderHarText(
      { file: command.file, entries, unreadable, unreadableReasons, rows, finding },
      { colour: wantsColour(io.env, io.stdoutIsTty), width: outputWidth(io.columns, io.env) },
    ),
  );
  return counts;
}

export async function diagnoseHar(command: DiagnoseHarCommand, io: HarIo): Promise<number> {
  let counts: HarCounts;
  switch (command.output) {
    case 'json':
      counts = await jsonDiagnoses(command, io);
      break;
    case 'markdown':
      counts = await markdownReport(command, io);
      break;
    case 'text':
      counts = await textTable(command, io);
      break;
    default: {
      const unreachable: never = command.output;
      return unreachable;
    }
  }
  return counts.failed > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
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
