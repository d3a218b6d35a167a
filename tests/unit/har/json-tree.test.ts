/**
 * The sanitizer's JSON reader: the same values JSON.parse reads, each string's place in the text
 * (so a splice changes that string only), duplicate keys kept, no recursion, and JSON.parse's
 * refusals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySplices,
  JsonTreeError,
  mapStringTokens,
  parseJsonTree,
  type JsonNode,
} from '../../../src/har/json-tree.js';

/** The value a tree stands for, as JSON.parse would give it (the last of duplicate keys wins). */
function valueOf(node: JsonNode, text: string): unknown {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
    case 'literal':
      return JSON.parse(text.slice(node.start, node.end)) as unknown;
    case 'array':
      return node.items.map((i) => valueOf(i, text));
    case 'object': {
      const out: Record<string, unknown> = {};
      node.keys.forEach((k, i) => {
        Object.defineProperty(out, k.value, {
          value: valueOf(node.values[i]!, text),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      });
      return out;
    }
  }
}

describe('parseJsonTree', () => {
  it('reads what JSON.parse reads, in any layout', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(valueOf(parseJsonTree(text), text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('knows where every string stands: each one can be replaced alone', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 1);
        const out = mapStringTokens(text, parseJsonTree(text), (s) => `<${s}>`);
        const expected = JSON.parse(text, (_k, v: unknown) =>
          typeof v === 'string' ? `<${v}>` : v,
        ) as unknown;
        const keysMapped = JSON.parse(out) as unknown;
        // Keys are strings too: compare with keys wrapped as well.
        const wrapKeys = (v: unknown): unknown =>
          Array.isArray(v)
            ? v.map(wrapKeys)
            : v && typeof v === 'object'
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [`<${k}>`, wrapKeys(x)]))
              : v;
        expect(keysMapped).toEqual(wrapKeys(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps duplicate keys (JSON.parse drops all but the last) and every byte around a splice', () => {
    const text = '{ "a" : "x",\n  "a": 1e2, "b": [ "\\u00e9", -0.50 ] }';
    const tree = parseJsonTree(text);
    expect(tree.kind === 'object' && tree.keys.map((k) => k.value)).toEqual(['a', 'a', 'b']);
    expect(mapStringTokens(text, tree, (s) => (s === 'x' ? 'y' : s))).toBe(
      text.replace('"x"', '"y"'),
    );
    expect(
      applySplices('abcdef', [
        { start: 4, end: 5, text: 'E' },
        { start: 1, end: 2, text: 'B' },
      ]),
    ).toBe('aBcdEf');
  });

  it('reads a value nested 100,000 deep', () => {
    const text = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`;
    const out = mapStringTokens(text, parseJsonTree(text), () => 'y');
    expect(out).toBe(text.replace('"x"', '"y"'));
  });

  it.each([
    '',
    '{',
    '[1,]',
    '{"a" 1}',
    '"\\x"',
    '"a\nb"',
    'tru',
    '01',
    '1 2',
    '{"a":1}}',
    "{'a':1}",
  ])('refuses %j, as JSON.parse does', (text) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(() => parseJsonTree(text)).toThrow(JsonTreeError);
  });
});
