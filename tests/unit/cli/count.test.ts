/** `count()`: the CLI's thousands separators, as `toLocaleString('en-US')` writes them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count } from '../../../src/cli/render-har.js';

describe('count', () => {
  it.each([0, 1, 999, 1000, 20000, 1234567, -1, -1000, -987654321, Number.MAX_SAFE_INTEGER])(
    '%d as en-US writes it',
    (n) => expect(count(n)).toBe(n.toLocaleString('en-US')),
  );

  it('any safe integer, and what is not one', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.maxSafeInteger(), fc.integer(), fc.double({ noNaN: true })),
        (n) => count(n) === n.toLocaleString('en-US'),
      ),
      { numRuns: 5000 },
    );
  });
});
