/**
 * The vault: credentials found, and their copies replaced wherever they stand, as written and in
 * the encodings a value travels in; the same with three values or three hundred (the search
 * changes, not the result).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVault, isWorthCopySearch } from '../../../src/har/sanitize/vault.js';

const SECRET = 'Qk7x/W2p L9z+R4v';

describe('createVault', () => {
  it.each([
    ['as written', SECRET, '[redacted]'],
    ['percent-encoded', encodeURIComponent(SECRET), encodeURIComponent('[redacted]')],
    [
      'percent-encoded twice',
      encodeURIComponent(encodeURIComponent(SECRET)),
      encodeURIComponent(encodeURIComponent('[redacted]')),
    ],
    [
      'form-encoded (+ for a space)',
      encodeURIComponent(SECRET).replace(/%20/g, '+'),
      encodeURIComponent('[redacted]'),
    ],
    [
      'JSON-escaped with \\/',
      JSON.stringify(SECRET).slice(1, -1).replace(/\//g, '\\/'),
      '[redacted]',
    ],
  ])('replaces a copy %s', (_how, copy, replaced) => {
    const vault = createVault();
    vault.add(SECRET, '[redacted]');
    vault.seal();
    expect(vault.replaceCopies(`before ${copy} after`)).toBe(`before ${replaced} after`);
  });

  it('lets a mask win over [redacted], and replaces the longest value first', () => {
    const vault = createVault();
    vault.add('tok3n-abcdef-123', '[redacted]');
    vault.add('tok3n-abcdef-123', 'redac-tedred-act');
    vault.add('tok3n-abcdef-123-long', '[redacted]');
    vault.seal();
    expect(vault.replaceCopies('a tok3n-abcdef-123 b tok3n-abcdef-123-long')).toBe(
      'a redac-tedred-act b [redacted]',
    );
  });

  it('does not look for short values, plain words, markers, paths and word cookies elsewhere', () => {
    for (const value of ['abc', 'true', 'default', '[redacted]', 'Bearer'])
      expect(isWorthCopySearch(value)).toBe(false);
    for (const value of ['/rum.gif', 'accepted', 'en-US'])
      expect(isWorthCopySearch(value, 'cookie')).toBe(false);
    for (const value of ['a1b2c3', 'Zz9-secret', 'one@example.com'])
      expect(isWorthCopySearch(value)).toBe(true);
    expect(isWorthCopySearch('UTXAVEzG8dHIu3z-gzglE0', 'cookie')).toBe(true);
  });

  it('finds the same copies with a few values as with hundreds (two searches, one result)', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/).map((s) => `Qv${s}`);
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (values, picks) => {
          const text = picks.map((p) => `x ${values[p % values.length]!} y`).join(' | ');
          const vault = createVault();
          values.forEach((v, i) => vault.add(v, `[v${i}]`));
          vault.seal();
          let expected = text;
          for (const v of [...new Set(values)].sort((a, b) => b.length - a.length)) {
            expected = expected.split(v).join(`[v${values.indexOf(v)}]`);
          }
          const out = vault.replaceCopies(text);
          for (const v of values) expect(out).not.toContain(v);
          if (
            new Set(values).size === values.length &&
            values.every((a) => values.every((b) => a === b || !b.includes(a)))
          ) {
            expect(out).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
