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

export function createHarCollector(
  settings: AnalyzerSettings,
  onDiagnosed: (diagnosed: Diagnosed) => void,
) {
  const tally = createHarCredentialTally();
  const counts = { entries: 0, unreadable: 0, diagnosed: 0, failed: 0 };
  const reasons = new Map<UnreadableReason, number>();
  return {
    /** For `readHarEntries`. */
    entry(entry: unknown, item: ScannedItem): void {
      counts.entries++;
      const { request, reason } = readHarEntry(entry);
      if (!request) {
        counts.unreadable++;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        return;
      }
      tallyHarRequest(tally, request);
      if (!isDiagnosable(request, settings)) return;
      counts.diagnosed++;
      const diagnosis = analyze(request, settings);
      if (diagnosis.verdict === 'fail') counts.failed++;
      onDiagnosed({
        entry,
        item,
        request,
        diagnosis,
        withoutCredentials: lacksCredentials(request),
        // sanitizedExportFinding: `removed` and `maybe-removed` need no credential in the file.
        settled: tally.requestsWithCredentials > 0,
      });
    },
    counts(): HarCounts {
      return {
        ...counts,
        unreadableReasons: [...reasons].sort((a, b) => b[1] - a[1]),
        finding: sanitizedExportFinding(tally),
      };
    },
    /**
     * After the last entry: the diagnosis of a request `withoutCredentials` as its row should read
     * with what the whole file showed (SPEC §3 `header.present`, the banner's finding); null when
     * the first diagnosis stands. The verdict and root cause stay, only the wording changes.
     */
    rediagnose(request: CapturedRequest): Diagnosis | null {
      const late = settingsForFinding(settings, sanitizedExportFinding(tally));
      return late ? analyze(request, late) : null;
    },
  };
}
