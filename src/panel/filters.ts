/**
 * The list's filters (status, host, text, source): pure, so the store and the tests share them.
 *
 * The search box takes words and, like DevTools' Network filter, `key:value` terms (README):
 * `status:fail|warn|pass` (the verdict) or `status:401` (the HTTP status), `host:rolodex` (part of
 * the host), `check:token.expiry` (that check, or every check under a prefix like `check:token`,
 * failed or warned), `source:har|paste|captured` (what the Source select picks, which a narrow
 * panel hides). A `-` before a term excludes what it matches. A term with no value yet
 * (`host:` while typing) filters nothing.
 */
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

/** The keys the search box understands, for its hint. */
export const SEARCH_KEYS = ['status', 'host', 'check', 'source'] as const;
export type SearchKey = (typeof SEARCH_KEYS)[number];

/** One term of the search box: a word (key null), or `key:value`, maybe negated with `-`. */
export interface SearchTerm {
  key: SearchKey | null;
  value: string;
  negate: boolean;
}

const TERM = new RegExp(`^(-?)(${SEARCH_KEYS.join('|')}):(.*)$`);

/** The search box's text as terms, lower-cased; words with no known key stay plain words. */
export function parseSearch(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const word of text.toLowerCase().split(/\s+/)) {
    if (word === '') continue;
    const m = TERM.exec(word);
    if (!m) {
      terms.push({ key: null, value: word, negate: false });
    } else if (m[3] !== '') {
      terms.push({ key: m[2] as SearchKey, value: m[3]!, negate: m[1] === '-' });
    }
  }
  return terms;
}

function sourceOf(entry: StoredDiagnosis): SourceFilter {
  return entry.source === 'webRequest' || entry.source === 'devtools' ? 'captured' : entry.source;
}

// Per entry object, worked out once: entries are replaced, never changed in place (state.ts), so
// a new object (an active check's result) gets new ones. Without them each keystroke over 10,000
// entries parses 10,000 URLs (SPEC §9: a keystroke answers in under 50 ms).
const hosts = new WeakMap<StoredDiagnosis, string>();
const haystacks = new WeakMap<StoredDiagnosis, string>();

export function hostOf(entry: StoredDiagnosis): string {
  let host = hosts.get(entry);
  if (host === undefined) {
    host = hostAndPath(entry.diagnosis.request.url).host;
    hosts.set(entry, host);
  }
  return host;
}

/** The hosts present, sorted, for the host filter's options. */
export function hostsOf(entries: readonly StoredDiagnosis[]): string[] {
  return [...new Set(entries.map(hostOf))].filter(Boolean).sort();
}

function haystack(entry: StoredDiagnosis): string {
  let text = haystacks.get(entry);
  if (text === undefined) {
    const d = entry.diagnosis;
    text = [
      d.request.method,
      d.request.url,
      d.rootCause?.id ?? 'none',
      d.rootCause?.summary ?? '',
      entry.source,
      d.token.fingerprint ?? '',
    ]
      .join('\n')
      .toLowerCase();
    haystacks.set(entry, text);
  }
  return text;
}

function matches(entry: StoredDiagnosis, term: SearchTerm): boolean {
  const d = entry.diagnosis;
  switch (term.key) {
    case null:
      return haystack(entry).includes(term.value);
    case 'status':
      return /^\d+$/.test(term.value)
        ? String(d.request.status) === term.value
        : d.verdict === term.value;
    case 'host':
      return hostOf(entry).toLowerCase().includes(term.value);
    case 'check':
      return d.checks.some(
        (c) => (c.status === 'fail' || c.status === 'warn') && c.id.startsWith(term.value),
      );
    case 'source':
      return sourceOf(entry).startsWith(term.value);
    default: {
      const unhandled: never = term.key;
      return unhandled;
    }
  }
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
  const terms = parseSearch(filters.text);
  return entries.filter((entry) => {
    if (filters.status !== 'all' && entry.diagnosis.verdict !== filters.status) return false;
    if (filters.host !== '' && hostOf(entry) !== filters.host) return false;
    if (filters.source !== 'all' && sourceOf(entry) !== filters.source) return false;
    return terms.every((term) => matches(entry, term) !== term.negate);
  });
}
