/**
 * "Import HAR" (the panel's side of `rhythm-auth diagnose --har`): every 401 to a Rhythm API host
 * in the file, diagnosed by the same analyzer, as panel entries marked `har`. They stay in the
 * panel's memory: never sent to the worker, never on the badge. Pure: the time, the settings and
 * the chunks are inputs. Loaded with `import()` on the first import (json-scanner stays out of the
 * panel's first load).
 */
import {
  analyze,
  type AnalyzerSettings,
  capturedFromHarEntry,
  createHarCredentialTally,
  harResponseText,
  isRhythm401,
  sanitizedExportFinding,
  type SanitizedExportFinding,
  tallyHarRequest,
} from '../analyzer/index.js';
import { readHarEntries, type Chunks, type ReadHarOptions } from '../har/read-entries.js';
import type { PanelEntry } from './state.js';

/** The most imported 401s listed (the newest by the time they were sent): beyond, only counted. */
export const MAX_IMPORTED = 2000;

export interface HarImportSummary {
  /** The file's name, as the picker or the drop gave it. */
  name: string;
  bytes: number;
  /** Items of `log.entries`. */
  entries: number;
  /** Entries without a URL, a method, a status or a start time. */
  unreadable: number;
  /** 401s to a Rhythm API host: each one diagnosed. */
  diagnosed: number;
  /** Of those, the ones listed (at most MAX_IMPORTED). */
  listed: number;
  /** Diagnoses with a failing check. */
  failed: number;
  /** The HAR looks exported without its credentials (Chrome's sanitized export). */
  finding: SanitizedExportFinding | null;
}

export interface HarImportContext {
  name: string;
  tabId: number;
  /** When the panel imported it: every entry's `capturedAt`. */
  importedAt: number;
  /** Unique per import: entry ids are `har:<seq>:<index in log.entries>`. */
  seq: number;
  settings: AnalyzerSettings;
}

export interface HarImported {
  /** Newest first (by the time each request was sent). */
  entries: PanelEntry[];
  summary: HarImportSummary;
}

const newestFirst = (a: PanelEntry, b: PanelEntry) =>
  b.diagnosis.request.sentAt - a.diagnosis.request.sentAt;

/** Collects the entries of one HAR as they stream by; `finish` sorts and sums up. */
export function createHarCollector(context: HarImportContext) {
  const tally = createHarCredentialTally();
  let kept: PanelEntry[] = [];
  let entries = 0;
  let unreadable = 0;
  let diagnosed = 0;
  let failed = 0;
  return {
    entry(entry: unknown, index: number): void {
      entries++;
      const request = capturedFromHarEntry(entry);
      if (!request) {
        unreadable++;
        return;
      }
      tallyHarRequest(tally, request);
      if (!isRhythm401(request)) return;
      diagnosed++;
      const diagnosis = analyze(request, context.settings);
      if (diagnosis.verdict === 'fail') failed++;
      const body = harResponseText(entry);
      kept.push({
        id: `har:${context.seq}:${index}`,
        tabId: context.tabId,
        source: 'har',
        capturedAt: context.importedAt,
        harFile: context.name,
        diagnosis,
        ...(body !== undefined ? { responseBody: body } : {}),
      });
      // Bounded memory for a HAR of 50,000 401s: cut back to the newest now and then.
      if (kept.length >= 2 * MAX_IMPORTED) kept = kept.sort(newestFirst).slice(0, MAX_IMPORTED);
    },
    finish(bytes: number): HarImported {
      const listed = kept.sort(newestFirst).slice(0, MAX_IMPORTED);
      return {
        entries: listed,
        summary: {
          name: context.name,
          bytes,
          entries,
          unreadable,
          diagnosed,
          listed: listed.length,
          failed,
          finding: sanitizedExportFinding(tally),
        },
      };
    },
  };
}

/** Reads a HAR from its chunks and diagnoses its Rhythm 401s. Rejects with where it broke. */
export async function importHar(
  chunks: Chunks,
  context: HarImportContext,
  options: ReadHarOptions = {},
): Promise<HarImported> {
  const collector = createHarCollector(context);
  const stats = await readHarEntries(chunks, collector.entry, options);
  return collector.finish(stats.bytes);
}
