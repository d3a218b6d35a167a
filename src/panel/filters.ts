/** The list's filters (status, host, text, source): pure, so the store and the tests share them. */
import type { Verdict } from '../analyzer/index.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import { hostAndPath } from '../shared/ui/format.js';

export type StatusFilter = 'all' | Verdict;

/** Where the entries came from: this tab (the worker, DevTools), a HAR import, or a paste. */
export type SourceFilter = 'all' | 'captured' | 'har' | 'paste';

export interface Filters {
  status: StatusFilter;
  /** A host, or '' for every host. */
  host: string;
  text: string;
  source: SourceFilter;
}

export const DEFAULT_FILTERS: Filters = { status: 'all', host: '', text: '', source: 'all' };

export const STATUS_FILTER_LABELS: Readonly<Record<StatusFilter, string>> = {
  all: 'Any verdict',
  fail: 'A check failed',
  warn: 'Warnings only',
  pass: 'No check failed',
};

export const SOURCE_FILTER_LABELS: Readonly<Record<SourceFilter, string>> = {
  all: 'Any source',
  captured: 'Captured in this tab',
  har: 'Imported from HAR',
  paste: 'Pasted',
};

function sourceOf(entry: StoredDiagnosis): SourceFilter {
  return entry.source === 'webRequest' || entry.source === 'devtools' ? 'captured' : entry.source;
}

export function hostOf(entry: StoredDiagnosis): string {
  return hostAndPath(entry.diagnosis.request.url).host;
}

/** The hosts present, sorted, for the host filter's options. */
export function hostsOf(entries: readonly StoredDiagnosis[]): string[] {
  return [...new Set(entries.map(hostOf))].filter(Boolean).sort();
}

function haystack(entry: StoredDiagnosis): string {
  const d = entry.diagnosis;
  return [
    d.request.method,
    d.request.url,
    d.rootCause?.id ?? 'none',
    d.rootCause?.summary ?? '',
    entry.source,
    d.token.fingerprint ?? '',
  ]
    .join('\n')
    .toLowerCase();
}

export function isFiltering(filters: Filters): boolean {
  return (
    filters.status !== 'all' ||
    filters.host !== '' ||
    filters.text.trim() !== '' ||
    filters.source !== 'all'
  );
}

export function applyFilters<T extends StoredDiagnosis>(entries: T[], filters: Filters): T[] {
  if (!isFiltering(filters)) return entries;
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (filters.status !== 'all' && entry.diagnosis.verdict !== filters.status) return false;
    if (filters.host !== '' && hostOf(entry) !== filters.host) return false;
    if (filters.source !== 'all' && sourceOf(entry) !== filters.source) return false;
    if (words.length === 0) return true;
    const text = haystack(entry);
    return words.every((w) => text.includes(w));
  });
}
