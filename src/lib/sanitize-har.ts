/**
 * HAR sanitizing for library users (SPEC §6): `sanitizeHar(har)` for a HAR in memory (its JSON
 * text or the parsed object) returns a sanitized copy as an object; `sanitizeHarFile(in, out)`
 * streams a file of any size, as `rhythm-auth sanitize-har` does. Both run the same two-pass
 * engine (src/har/sanitize/): every credential found anywhere in the document is replaced
 * wherever it, or a copy of it, stands; JWTs keep header and payload (still diagnosable).
 */
import { isObject, stringifyJson } from '../analyzer/index.js';
import { sanitizeItems, type HarItem } from '../har/sanitize/engine.js';
import {
  addChanges,
  emptyChanges,
  hasChanges,
  type SanitizeChanges,
} from '../har/sanitize/scope.js';

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

/** Where a sanitized item goes back: an array slot, or a member of an object. */
interface Slot {
  item: HarItem;
  put(value: unknown): void;
}

/** A member that can hold a credential (a string, an object, an array), as one item. */
function memberSlots(target: Json, skip: readonly string[]): Slot[] {
  return Object.keys(target)
    .filter((key) => {
      const v = target[key];
      return !skip.includes(key) && v !== null && (typeof v === 'object' || typeof v === 'string');
    })
    .map((key) => ({
      item: { array: 'member', text: stringifyJson(target[key]) },
      put: (value) => (target[key] = value),
    }));
}

function arraySlots(list: unknown[], array: 'entries' | 'pages'): Slot[] {
  return list.map((value, i) => ({
    item: { array, text: stringifyJson(value) },
    put: (next) => (list[i] = next),
  }));
}

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
  // A copy to write into (the input stays as it was): shallow where the slots replace values.
  const log: Json = { ...value.log };
  const top: Json = { ...value, log };
  const entries = [...(value.log.entries as unknown[])];
  log.entries = entries;
  const pages = Array.isArray(value.log.pages) ? [...(value.log.pages as unknown[])] : null;
  if (pages) log.pages = pages;
  const entrySlots = arraySlots(entries, 'entries');
  const slots = [
    ...entrySlots,
    ...(pages ? arraySlots(pages, 'pages') : []),
    ...memberSlots(log, ['entries', 'pages']),
    ...memberSlots(top, ['log']),
  ];
  const { texts, changes } = sanitizeItems(slots.map((s) => s.item));
  const total = emptyChanges();
  let entriesChanged = 0;
  slots.forEach((slot, i) => {
    const text = texts[i]!;
    if (text !== slot.item.text) slot.put(JSON.parse(text) as unknown);
    addChanges(total, changes[i]!);
    if (i < entrySlots.length && hasChanges(changes[i]!)) entriesChanged++;
  });
  return { har: top, entries: entries.length, entriesChanged, changes: total };
}
