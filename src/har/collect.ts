/**
 * The one HAR collector, for `rhythm-auth diagnose --har` and the panel's Import HAR: each entry
 * as it streams by is read as a request, counted for the credential tally, and diagnosed when it
 * is ours (`isDiagnosable`: a Rhythm 401, or what the settings add). What to keep of a diagnosis
 * is the caller's (the CLI prints as it goes, the panel lists the newest).
 */
import {
  analyze,
  isDiagnosable,
  type AnalyzerSettings,
  type CapturedRequest,
  type Diagnosis,
} from '../analyzer/index.js';
import {
  createHarCredentialTally,
  type HarCredentialTally,
  lacksCredentials,
  sanitizedExportFinding,
  settingsForFinding,
  tallyHarRequest,
  type SanitizedExportFinding,
} from './credential-tally.js';
import { readHarEntry, type UnreadableReason } from './entry.js';
import type { ScannedItem } from './json-scanner.js';

export interface Diagnosed {
  /** The `log.entries` item as parsed, and where it stood. */
  entry: unknown;
  item: ScannedItem;
  request: CapturedRequest;
  diagnosis: Diagnosis;
  /**
   * No token anywhere in the request: once the whole file is read, `rediagnose(request)` may word
   * it differently (the exporter removed the credentials). Such a request holds no secret header
   * worth the name, so keeping it until then costs little.
   */
  withoutCredentials: boolean;
  /**
   * No entry after this one can change how the file's requests without credentials read: a
   * request with a credential was seen, so the file was not exported without them (`rediagnose`
   * will return null). A caller holding rows for the end of the file can write them now.
   */
  settled: boolean;
}

export interface HarCounts {
  /** Items of `log.entries`. */
  entries: number;
  /** Entries without a URL, a method, a status or a start time. */
  unreadable: number;
  /** Why they were unreadable, most frequent first (`no start time`: 4). */
  unreadableReasons?: Array<[reason: UnreadableReason, count: number]>;
  /** Requests that were ours: each one diagnosed. */
  diagnosed: number;
  /** Diagnoses with a failing check. */
  failed: number;
  /** The HAR looks exported without its credentials (Chrome's sanitized export). */
  finding: SanitizedExportFinding | null;
}

/** What the reading half found in one entry: a request that is ours, to diagnose. */
export interface HarFound {
  request: CapturedRequest;
  /** See `Diagnosed.withoutCredentials`. */
  withoutCredentials: boolean;
  /** See `Diagnosed.settled`. */
  settled: boolean;
}

/**
 * What the reading half knows once the file is read: plain data (a reader on another thread
 * posts it as it is), turned into `HarCounts` by `createHarDiagnoser`.
 */
export interface HarReadState {
  entries: number;
  unreadable: number;
  unreadableReasons: Array<[reason: UnreadableReason, count: number]>;
  tally: HarCredentialTally;
}

/**
 * The reading half of the collector: each entry read as a request, counted for the credential
 * tally, and handed back when it is ours (`isDiagnosable`). No analysis: the CLI runs this half
 * on a thread of its own while its main thread diagnoses (src/har/node/read-found.ts).
 */
export function createHarEntryReader(settings: AnalyzerSettings) {
  const tally = createHarCredentialTally();
  let entries = 0;
  let unreadable = 0;
  const reasons = new Map<UnreadableReason, number>();
  return {
    read(entry: unknown): HarFound | null {
      entries++;
      const { request, reason } = readHarEntry(entry);
      if (!request) {
        unreadable++;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        return null;
      }
      tallyHarRequest(tally, request);
      if (!isDiagnosable(request, settings)) return null;
      return {
        request,
        withoutCredentials: lacksCredentials(request),
        // sanitizedExportFinding: `removed` and `maybe-removed` need no credential in the file.
        settled: tally.requestsWithCredentials > 0,
      };
    },
    state(): HarReadState {
      return {
        entries,
        unreadable,
        unreadableReasons: [...reasons].sort((a, b) => b[1] - a[1]),
        tally: { ...tally },
      };
    },
  };
}

/** The diagnosing half: each found request analyzed; the counts and `rediagnose` at the end. */
export function createHarDiagnoser(settings: AnalyzerSettings) {
  let diagnosed = 0;
  let failed = 0;
  return {
    diagnose(found: HarFound): Diagnosis {
      diagnosed++;
      const diagnosis = analyze(found.request, settings);
      if (diagnosis.verdict === 'fail') failed++;
      return diagnosis;
    },
    /** After the last entry, with what the reading half knew. */
    finish(read: HarReadState) {
      const finding = sanitizedExportFinding(read.tally);
      const late = settingsForFinding(settings, finding);
      return {
        counts: {
          entries: read.entries,
          unreadable: read.unreadable,
          diagnosed,
          failed,
          unreadableReasons: read.unreadableReasons,
          finding,
        } satisfies HarCounts,
        /**
         * The diagnosis of a request `withoutCredentials` as its row should read with what the
         * whole file showed (SPEC §3 `header.present`, the banner's finding); null when the first
         * diagnosis stands. The verdict and root cause stay, only the wording changes.
         */
        rediagnose: (request: CapturedRequest): Diagnosis | null =>
          late ? analyze(request, late) : null,
      };
    },
  };
}

/** Both halves in one thread, entry by entry: the panel's Import HAR (and the CLI from sources). */
export function createHarCollector(
  settings: AnalyzerSettings,
  onDiagnosed: (diagnosed: Diagnosed) => void,
) {
  const reader = createHarEntryReader(settings);
  const diagnoser = createHarDiagnoser(settings);
  return {
    /** For `readHarEntries`. */
    entry(entry: unknown, item: ScannedItem): void {
      const found = reader.read(entry);
      if (found) onDiagnosed({ entry, item, ...found, diagnosis: diagnoser.diagnose(found) });
    },
    counts(): HarCounts {
      return diagnoser.finish(reader.state()).counts;
    },
    /** See `createHarDiagnoser().finish().rediagnose`. */
    rediagnose(request: CapturedRequest): Diagnosis | null {
      return diagnoser.finish(reader.state()).rediagnose(request);
    },
  };
}
