/**
 * "Export sanitized HAR": the panel keeps no request headers (the extension never stores tokens),
 * so the file is built from DevTools' own network log (`chrome.devtools.network.getHAR()`), kept
 * to the requests to Rhythm API hosts, and sanitized by the same two-pass engine as the CLI's
 * `sanitize-har` (src/har/sanitize/): every credential found anywhere in the log, the requests
 * left out included, is removed wherever it stands in what is kept; JWTs keep header and payload,
 * so the file diagnoses as the log did (SPEC §6). Pure: the log, the host rule and the time are
 * inputs. Loaded with `import()` on the first export.
 */
import {
  hostOf,
  isApiHost,
  isObject,
  stringifyJson,
  type AnalyzerSettings,
} from '../../analyzer/index.js';
import { createHarSanitizer, type HarItem } from '../../har/sanitize/engine.js';
import { addChanges, emptyChanges, type SanitizeChanges } from '../../har/secrets.js';

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

/** An item of the output HAR, written as Chrome writes them (two spaces, at its depth). */
const item = (array: HarItem['array'], value: unknown, depth: number): HarItem => ({
  array,
  // Not JSON.stringify: a page can put a value 5,000 deep into a HAR (json-text.ts).
  text: stringifyJson(value, 2, depth),
});

export function sanitizedHar(
  log: unknown,
  options: { settings: AnalyzerSettings; creator: { name: string; version: string } },
): SanitizedHar {
  const all = isObject(log) && Array.isArray(log.entries) ? log.entries : [];
  const kept = apiEntries(log, options.settings);
  // Only the pages the kept entries belong to; a page's title is often a URL (secrets scrubbed).
  const pageRefs = new Set(kept.map((e) => e.pageref));
  const pages = (isObject(log) && Array.isArray(log.pages) ? log.pages : []).filter(
    (p) => isObject(p) && pageRefs.has(p.id),
  );
  const browser = isObject(log) && isObject(log.browser) ? item('member', log.browser, 2) : null;
  const keptItems = kept.map((e) => item('entries', e, 3));
  const pageItems = pages.map((p) => item('pages', p, 3));

  const sanitizer = createHarSanitizer();
  // Pass 1 over the whole log: a credential of a request left out may be copied into one kept.
  for (const e of all)
    if (isObject(e) && !kept.includes(e)) sanitizer.collect(item('entries', e, 3));
  for (const i of [...keptItems, ...pageItems, ...(browser ? [browser] : [])]) sanitizer.collect(i);
  const changes = emptyChanges();
  const rewrite = (i: HarItem) => {
    const out = sanitizer.rewrite(i);
    addChanges(changes, out.changes);
    return out.text ?? i.text;
  };
  const list = (items: HarItem[]) =>
    items.length === 0 ? '[]' : `[\n      ${items.map(rewrite).join(',\n      ')}\n    ]`;
  const head = [
    `    "version": "1.2"`,
    `    "creator": ${stringifyJson(options.creator, 2, 2)}`,
    ...(browser ? [`    "browser": ${rewrite(browser)}`] : []),
    `    "pages": ${list(pageItems)}`,
    `    "entries": ${list(keptItems)}`,
  ];
  const text = `{\n  "log": {\n${head.join(',\n')}\n  }\n}\n`;
  return { text, requests: kept.length, changes };
}

/** `rhythm-auth-sanitized-2026-11-01-13-00-00.har` (UTC), like the report's file names. */
export function sanitizedHarFileName(now: number): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `rhythm-auth-sanitized-${stamp}.har`;
}
