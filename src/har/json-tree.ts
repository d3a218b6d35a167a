/**
 * A JSON text read into a tree that remembers where each string stands in the text, so a
 * rewriter can replace one string and leave every other byte as it was written (key order,
 * duplicate keys, number spelling, escapes, indentation). Iterative: a value nested 100,000 deep
 * reads like a flat one. Pure; the HAR sanitizer's only JSON reader (sanitize/).
 */

export interface JsonString {
  kind: 'string';
  value: string;
  /** The token's place in the text, quotes included: [start, end). */
  start: number;
  end: number;
}

export interface JsonObject {
  kind: 'object';
  /** Members in the order written, duplicates kept (JSON.parse keeps only the last). */
  keys: JsonString[];
  values: JsonNode[];
}

export interface JsonArray {
  kind: 'array';
  items: JsonNode[];
}

export interface JsonScalar {
  kind: 'number' | 'literal';
  start: number;
  end: number;
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar;

/** The text is not JSON: where, and why. */
export class JsonTreeError extends Error {
  override name = 'JsonTreeError';
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} at ${offset}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u001f]/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The tree of a JSON text; throws JsonTreeError where the text is not JSON. */
export function parseJsonTree(text: string): JsonNode {
  const n = text.length;
  let i = 0;
  const fail = (reason: string): never => {
    throw new JsonTreeError(reason, i);
  };
  const skip = () => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  const string = (): JsonString => {
    const start = i;
    let from = i + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) fail('unterminated string');
      let k = quote - 1;
      while (text.charCodeAt(k) === 0x5c) k--;
      if (((quote - 1 - k) & 1) === 0) {
        i = quote + 1;
        const raw = text.slice(start + 1, quote);
        if (raw.includes('\\')) {
          try {
            return {
              kind: 'string',
              value: JSON.parse(text.slice(start, i)) as string,
              start,
              end: i,
            };
          } catch {
            i = start;
            return fail('bad escape in a string');
          }
        }
        if (CONTROL.test(raw)) fail('control character in a string');
        return { kind: 'string', value: raw, start, end: i };
      }
      from = quote + 1;
    }
  };
  const scalar = (): JsonScalar => {
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 0x74 || c === 0x66 || c === 0x6e) {
      const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      if (!text.startsWith(word, i)) fail('expected a value');
      i += word.length;
      return { kind: 'literal', start, end: i };
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) fail('expected a value');
    i = NUMBER.lastIndex;
    return { kind: 'number', start, end: i };
  };

  // Containers being filled, innermost last, and the key waiting for its value in each object.
  const open: Array<JsonObject | JsonArray> = [];
  const pendingKey: Array<JsonString | null> = [];
  let root: JsonNode | null = null;
  const place = (node: JsonNode) => {
    const parent = open[open.length - 1];
    if (!parent) root = node;
    else if (parent.kind === 'array') parent.items.push(node);
    else {
      parent.keys.push(pendingKey[pendingKey.length - 1]!);
      parent.values.push(node);
    }
  };
  const readKey = () => {
    skip();
    if (text.charCodeAt(i) !== 0x22) fail('expected a property name');
    pendingKey[pendingKey.length - 1] = string();
    skip();
    if (text.charCodeAt(i) !== 0x3a) fail("expected ':'");
    i++;
  };

  for (;;) {
    // A value.
    skip();
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      const node: JsonObject | JsonArray =
        c === 0x7b ? { kind: 'object', keys: [], values: [] } : { kind: 'array', items: [] };
      place(node);
      i++;
      skip();
      if (text.charCodeAt(i) === (c === 0x7b ? 0x7d : 0x5d)) {
        i++;
      } else {
        open.push(node);
        pendingKey.push(null);
        if (c === 0x7b) readKey();
        continue;
      }
    } else if (c === 0x22) {
      place(string());
    } else if (i < n) {
      place(scalar());
    } else {
      fail('unexpected end');
    }
    // After a value: `,` for the next one, or close containers.
    for (;;) {
      skip();
      const parent = open[open.length - 1];
      if (!parent) {
        if (i < n) fail('text after the value');
        return root!;
      }
      const d = text.charCodeAt(i++);
      if (d === 0x2c) {
        if (parent.kind === 'object') readKey();
        break;
      }
      if (d !== (parent.kind === 'object' ? 0x7d : 0x5d)) {
        i--;
        fail(`expected ',' or '${parent.kind === 'object' ? '}' : ']'}'`);
      }
      open.pop();
      pendingKey.pop();
    }
  }
}

/** One replacement of a span of the text (a string token, a number). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** `text` with each splice applied; splices must not overlap (any order). */
export function applySplices(text: string, splices: Splice[]): string {
  if (splices.length === 0) return text;
  splices.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const s of splices) {
    out.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  out.push(text.slice(at));
  return out.join('');
}

/** `text` (the JSON text of `root`) with `fn` applied to every string, keys included. */
export function mapStringTokens(
  text: string,
  root: JsonNode,
  fn: (value: string) => string,
): string {
  const splices: Splice[] = [];
  const visit = (node: JsonString) => {
    const out = fn(node.value);
    if (out !== node.value)
      splices.push({ start: node.start, end: node.end, text: JSON.stringify(out) });
  };
  const stack: JsonNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'string') visit(node);
    else if (node.kind === 'array') stack.push(...node.items);
    else if (node.kind === 'object') {
      node.keys.forEach(visit);
      stack.push(...node.values);
    }
  }
  return applySplices(text, splices);
}
