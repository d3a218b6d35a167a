/**
 * quote() writes some values itself instead of calling JSON.stringify (plain strings, lists of
 * plain strings): for every value it must give what the JSON.stringify path gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVISIBLE_CLASS, quote } from '../../../src/analyzer/text.js';

/** quote() as it reads with JSON.stringify alone: the reference. */
function byStringify(value: unknown, max: number): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  text = text.replace(
    new RegExp(`[${INVISIBLE_CLASS}]`, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const item = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('https://api.rhythmsoftware.com', 'a"b', 'a\\b', '\u202e', ''),
  fc.integer(),
  fc.constant(null),
);

describe('quote', () => {
  it('quotes a list as JSON.stringify writes it, cut at the same length', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 6 }),
        fc.integer({ min: 3, max: 200 }),
        (list, max) => {
          expect(quote(list, max)).toBe(byStringify(list, max));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('quotes the common audience list without surprises', () => {
    const aud = ['https://api.rhythmsoftware.com', 'https://acme.us.auth0.com/userinfo'];
    expect(quote(aud, 200)).toBe(JSON.stringify(aud));
    expect(quote(aud, 20)).toBe(`${JSON.stringify(aud).slice(0, 19)}…`);
    expect(quote([])).toBe('[]');
    // A list with a hole: JSON.stringify writes it as null.
    const holey: unknown[] = [];
    holey[1] = 'a';
    expect(quote(holey)).toBe('[null,"a"]');
  });
});
