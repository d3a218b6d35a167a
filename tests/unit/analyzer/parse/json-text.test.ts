/** stringifyJson: JSON.stringify's output, without its recursion (a value 5,000 deep). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyJson } from '../../../../src/analyzer/parse/json-text.js';

describe('stringifyJson', () => {
  it('writes what JSON.stringify writes, for any JSON value and indentation', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t', '  '), (value, indent) => {
        expect(stringifyJson(value, indent)).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 300 },
    );
  });

  it('drops what JSON.stringify drops (undefined, functions) and writes null for NaN', () => {
    const value = { a: undefined, f: () => 1, n: Number.NaN, list: [undefined, () => 1, 1] };
    expect(stringifyJson(value)).toBe(JSON.stringify(value));
  });

  it('writes a value nested 20,000 deep, where JSON.stringify overflows its stack', () => {
    const deep = JSON.parse(`${'['.repeat(20_000)}"x"${']'.repeat(20_000)}`) as unknown;
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(stringifyJson(deep)).toBe(`${'['.repeat(20_000)}"x"${']'.repeat(20_000)}`);
  });

  it('starts nested lines at the given depth', () => {
    expect(stringifyJson({ a: [1] }, 2, 1)).toBe('{\n    "a": [\n      1\n    ]\n  }');
  });
});
