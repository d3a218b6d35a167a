/**
 * "Import HAR" (the panel's side of `rhythm-auth diagnose --har`): every request of the file that
 * is ours (src/har/collect.ts, with the Options page's extra hosts and 403s), diagnosed by the same
 * analyzer, as panel entries marked `har`. They stay in the panel's memory: never sent to the
 * worker, never on the badge. Pure: the time, the settings and the chunks are inputs. Loaded with
 * `import()` on the first import (json-scanner stays out of the panel's first load).
 */
import type { AnalyzerSettings, CapturedRequest } from '../../analyzer/index.js';
import { createHarCollector, type HarCounts } from '../../har/collect.js';
import { harResponseText } from '../../har/entry.js';
import { readHarEntries, type Chunks, type ReadHarOptions } from '../../har/read-entries.js';
import type { PanelEntry } from '../entry.js';

/** The most imported 401s listed (the newest by the time they were sent): beyond, only counted. */
export const MAX_IMPORTED = 2000;

export interface HarImportSummary extends HarCounts {
  /** The file's name, as the picker or the drop gave it. */
  name: string;
  bytes: number;
  /** Of the diagnosed, the ones listed (at most MAX_IMPORTED). */
  listed: number;
  /**
   * Every diagnosed request by its root cause (a check id, or `none` when no check failed), most
   * frequent first: the CLI's per-cause summary, over the whole file, listed or not.
   */
  causes?: Array<[cause: string, count: number]>;
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

/** Reads a HAR from its chunks and diagnoses the requests that are ours. Rejects with where it broke. */
export async function importHar(
  chunks: Chunks,
  context: HarImportContext,
  options: ReadHarOptions = {},
): Promise<HarImported> {
  let kept: PanelEntry[] = [];
  // Requests without any credential, by entry id: their rows are worded again once the whole file
  // showed whether the exporter removed the credentials (the banner's finding).
  const late = new Map<string, CapturedRequest>();
  // The root cause stays when a row is worded again (rediagnose), so it is counted here, once.
  const causes = new Map<string, number>();
  const collector = createHarCollector(context.settings, (diagnosed) => {
    const { entry, item, diagnosis } = diagnosed;
    const id = `har:${context.seq}:${item.index}`;
    const body = harResponseText(entry);
    if (diagnosed.withoutCredentials) late.set(id, diagnosed.request);
    const cause = diagnosis.rootCause?.id ?? 'none';
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
    kept.push({
      id,
      tabId: context.tabId,
      source: 'har',
      capturedAt: context.importedAt,
      harFile: context.name,
      diagnosis,
      ...(body !== undefined ? { responseBody: body } : {}),
    });
    // Bounded memory for a HAR of 50,000 401s: cut back to the newest now and then.
    if (kept.length >= 2 * MAX_IMPORTED) {
      kept = kept.sort(newestFirst).slice(0, MAX_IMPORTED);
      const ids = new Set(kept.map((e) => e.id));
      for (const lateId of late.keys()) if (!ids.has(lateId)) late.delete(lateId);
    }
  });
  const stats = await readHarEntries(chunks, collector.entry, options);
  const listed = kept
    .sort(newestFirst)
    .slice(0, MAX_IMPORTED)
    .map((e) => {
      const request = late.get(e.id);
      const diagnosis = request ? collector.rediagnose(request) : null;
      return diagnosis ? { ...e, diagnosis } : e;
    });
  return {
    entries: listed,
    summary: {
      name: context.name,
      bytes: stats.bytes,
      ...collector.counts(),
      listed: listed.length,
      causes: [...causes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    },
  };
}
