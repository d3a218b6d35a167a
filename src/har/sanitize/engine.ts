/**
 * The HAR sanitizer (SPEC §6), one engine for `rhythm-auth sanitize-har` (a file, streamed
 * twice) and the panel's Export sanitized HAR (DevTools' log, in memory). A HAR is a sequence of
 * items (each `log.entries` and `log.pages` item, every other member of `log` and of the
 * document); each one is read as a JSON text and written back with only its credentials
 * replaced, every other byte as it was.
 *
 * Two passes, because a credential may be copied anywhere, before or after where it is named (a
 * cookie set by entry 20 is echoed in entry 19's redirect): `collect` reads every item and keeps
 * each credential value it finds in the vault; `rewrite` then writes each item with its own
 * credentials replaced and every copy of any credential of the file too.
 */
import { readToken, stringifyJson } from '../../analyzer/index.js';
import { headersOf } from '../entry.js';
import { parseJsonTree, type JsonNode, type JsonObject } from '../json-tree.js';
import { sanitizeDocument } from './documents.js';
import { emptyChanges, type SanitizeChanges, type Scope } from './scope.js';
import { sanitizeTree, type Place } from './tree.js';
import { createVault, type Vault } from './vault.js';

/** One item of a HAR: its JSON text, and where it stands. */
export interface HarItem {
  /** `entries`/`pages`: an item of those arrays; `member`: any other member of `log` or the top. */
  array: 'entries' | 'pages' | 'member';
  text: string;
}

export interface RewrittenItem {
  /** The sanitized text; null when nothing in the item was a credential (copy it as it was). */
  text: string | null;
  changes: SanitizeChanges;
}

export interface HarSanitizer {
  /** First pass: every credential value of the item into the vault. */
  collect(item: HarItem): void;
  /** Second pass (after every `collect`): the item without its credentials or their copies. */
  rewrite(item: HarItem): RewrittenItem;
  readonly vault: Vault;
}

function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.keys.length - 1; i >= 0; i--)
    if (node.keys[i]!.value === key) return node.values[i];
  return undefined;
}

/** A small plain copy of what `readToken` reads: the headers' names and values. */
function plainHeaders(node: JsonNode | undefined): unknown[] {
  if (node?.kind !== 'array') return [];
  return node.items
    .filter((h): h is JsonObject => h.kind === 'object')
    .map((h) => {
      const name = member(h, 'name');
      const value = member(h, 'value');
      const text = (n: JsonNode | undefined) => (n?.kind === 'string' ? n.value : undefined);
      return {
        name: text(name),
        value: value?.kind === 'array' ? value.items.map(text) : text(value),
      };
    });
}

/** The token the analyzer reads from an entry (Authorization, a look-alike header, `?access_token=`). */
function entryToken(entry: JsonNode): string | null {
  const request = member(entry, 'request');
  const url = member(request, 'url');
  return readToken({
    url: url?.kind === 'string' ? url.value : '',
    requestHeaders: headersOf(plainHeaders(member(request, 'headers'))),
  }).token;
}

const PLACES: Record<HarItem['array'], Place> = { entries: 'entry', pages: 'page', member: 'any' };

export function createHarSanitizer(): HarSanitizer {
  const vault = createVault();
  const masks = new Map<string, string>();
  let sealed = false;
  const run = (item: HarItem, copies: boolean): RewrittenItem => {
    const tree = parseJsonTree(item.text);
    const scope: Scope = {
      vault,
      copies,
      token: item.array === 'entries' ? entryToken(tree) : null,
      changes: emptyChanges(),
      depth: 0,
      masks,
    };
    const text = sanitizeTree(item.text, tree, PLACES[item.array], scope, sanitizeDocument);
    return { text: text === item.text ? null : text, changes: scope.changes };
  };
  return {
    vault,
    collect(item) {
      run(item, false);
    },
    rewrite(item) {
      if (!sealed) {
        sealed = true;
        vault.seal();
      }
      return run(item, true);
    },
  };
}

/** Both passes over items held in memory (the panel's log, a test): each item's text, sanitized. */
export function sanitizeItems(items: readonly HarItem[]): {
  texts: string[];
  changes: SanitizeChanges[];
} {
  const sanitizer = createHarSanitizer();
  for (const item of items) sanitizer.collect(item);
  const out = items.map((item) => sanitizer.rewrite(item));
  return { texts: out.map((o, i) => o.text ?? items[i]!.text), changes: out.map((o) => o.changes) };
}

/** One entry, both passes over it alone (tests; a caller with one request): the value, sanitized. */
export function sanitizeHarEntry(
  entry: unknown,
  array: HarItem['array'] = 'entries',
): { entry: unknown; changes: SanitizeChanges } {
  const text = stringifyJson(entry);
  const { texts, changes } = sanitizeItems([{ array, text }]);
  return { entry: JSON.parse(texts[0]!) as unknown, changes: changes[0]! };
}
