/**
 * isoTime writes check wording's times by arithmetic (SPEC §9): it must say what Date#toISOString
 * says (without `.000`), for every time Date can hold, and name the ones it cannot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from '../../../src/analyzer/text.js';

function expected(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

const MAX = 8.64e15;
const edges = [
  0,
  -1,
  1,
  MAX,
  -MAX,
  253402300799999,
  253402300800000,
  -62167219200000,
  -62167219200001,
];

describe('isoTime', () => {
  it('says what toISOString says, for any time Date holds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -MAX, max: MAX }),
          fc.integer({ min: 0, max: 4_102_444_800_000 }), // 1970 to 2100: token times
          fc.double({ min: -MAX, max: MAX, noNaN: true }),
          fc.constantFrom(...edges),
        ),
        (ms) => {
          expect(isoTime(ms)).toBe(expected(ms));
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('names a time Date cannot hold', () => {
    expect(isoTime(MAX + 1)).toBe(`(invalid time ${MAX + 1})`);
    expect(isoTime(Number.NaN)).toBe('(invalid time NaN)');
    expect(isoTime(Date.UTC(2026, 10, 1, 12))).toBe('2026-11-01T12:00:00Z');
    expect(isoTime(Date.UTC(2026, 10, 1, 12, 0, 0, 5))).toBe('2026-11-01T12:00:00.005Z');
  });
});
