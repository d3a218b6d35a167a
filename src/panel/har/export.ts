/**
 * "Export sanitized HAR": the panel keeps no request headers (the extension never stores tokens),
 * so the file is built from DevTools' own network log (`chrome.devtools.network.getHAR()`), kept
 * to the requests to Rhythm API hosts, each entry passed through the CLI's `sanitizeHarEntry`
 * (JWT signatures replaced, cookies and other secrets removed, still diagnosable: SPEC §6). Pure:
 * the log, the host rule and the time are inputs. Loaded with `import()` on the first export.
 */
import { hostOf, isApiHost, isObject, type AnalyzerSettings } from '../../analyzer/index.js';
import { addChanges, emptyChanges, type SanitizeChanges } from '../../har/secrets.js';
import { sanitizeHarEntry, sanitizeHarValue } from '../../har/sanitize-entry.js';

export interface SanitizedHar {
  text: string;
  /** Entries kept (requests to a Rhythm API host). */
  requests: number;
  changes: SanitizeChanges;
}

type Json = Record<string, unknown>;

/** The entries of a HAR log that went to an API host (`isApiHost`: the Rhythm hosts and the extra ones). */
export function apiEntries(log: unknown, settings: AnalyzerSettings): Json[] {
  const entries = isObject(log) && Array.isArray(log.entries) ? log.entries : [];
  return entries.filter((e): e is Json => {
    if (!isObject(e) || !isObject(e.request) || typeof e.request.url !== 'string') return false;
    const host = hostOf(e.request.url);
    return host !== null && isApiHost(host, settings);
  });
}

export function sanitizedHar(
  log: unknown,
  options: { settings: AnalyzerSettings; creator: { name: string; version: string } },
): SanitizedHar {
  const changes = emptyChanges();
  const entries = apiEntries(log, options.settings).map((entry) => {
    const sanitized = sanitizeHarEntry(entry);
    addChanges(changes, sanitized.changes);
    return sanitized.entry;
  });
  // Only the pages the kept entries belong to; a page's title is often a URL (secrets scrubbed).
  const pageRefs = new Set(entries.map((e) => (isObject(e) ? e.pageref : undefined)));
  const pages = (isObject(log) && Array.isArray(log.pages) ? log.pages : [])
    .filter((p) => isObject(p) && pageRefs.has(p.id))
    .map((p) => sanitizeHarValue(p).entry);
  const browser = isObject(log) && isObject(log.browser) ? { browser: log.browser } : {};
  const har = { log: { version: '1.2', creator: options.creator, ...browser, pages, entries } };
  // Two-space indentation, like the HARs Chrome writes; functions (`getContent`) drop out.
  return { text: `${JSON.stringify(har, null, 2)}\n`, requests: entries.length, changes };
}

/** `rhythm-auth-sanitized-2026-11-01-13-00-00.har` (UTC), like the report's file names. */
export function sanitizedHarFileName(now: number): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `rhythm-auth-sanitized-${stamp}.har`;
}
