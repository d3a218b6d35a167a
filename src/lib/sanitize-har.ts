/**
 * HAR sanitizing for library users (SPEC §6): `sanitizeHar(har)` for a HAR in memory (its JSON
 * text or the parsed object) returns a sanitized copy as an object; `sanitizeHarFile(in, out)`
 * streams a file of any size, as `rhythm-auth sanitize-har` does. Both apply the same rules per
 * entry and per page: JWT signatures replaced by a marker (still diagnosable), cookies removed,
 * other credentials and secret parameters and fields `[redacted]`.
 */
import { addChanges, emptyChanges, type SanitizeChanges } from '../har/secrets.js';
import { sanitizeHarEntry, sanitizeHarValue } from '../har/sanitize-entry.js';

export { sanitizeHarFile, type SanitizeFileResult } from '../har/node/sanitize-file.js';
export type { SanitizeChanges };

export interface SanitizedHar {
  /** The sanitized copy; the input is not modified. */
  har: Record<string, unknown>;
  entries: number;
  /** Entries that had something to remove. */
  entriesChanged: number;
  /** What was removed, per kind. */
  changes: SanitizeChanges;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A HAR (JSON text or parsed) made safe to share; a TypeError when it is not a HAR. */
export function sanitizeHar(har: string | object): SanitizedHar {
  let value: unknown = har;
  if (typeof har === 'string') {
    try {
      value = JSON.parse(har.replace(/^\uFEFF/, ''));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TypeError(`sanitizeHar: not JSON (${reason})`, { cause: error });
    }
  }
  if (!isObject(value) || !isObject(value.log) || !Array.isArray(value.log.entries)) {
    throw new TypeError('sanitizeHar: not a HAR (it needs log.entries, a list)');
  }
  const changes = emptyChanges();
  let entriesChanged = 0;
  const entries = value.log.entries.map((entry: unknown) => {
    const sanitized = sanitizeHarEntry(entry);
    if (Object.values(sanitized.changes).some((n) => n > 0)) entriesChanged++;
    addChanges(changes, sanitized.changes);
    return sanitized.entry;
  });
  const pages = Array.isArray(value.log.pages)
    ? {
        pages: value.log.pages.map((page: unknown) => {
          const sanitized = sanitizeHarValue(page);
          addChanges(changes, sanitized.changes);
          return sanitized.entry;
        }),
      }
    : {};
  return {
    har: { ...value, log: { ...value.log, ...pages, entries } },
    entries: entries.length,
    entriesChanged,
    changes,
  };
}
