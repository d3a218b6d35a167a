/**
 * The clock check reads the IMF-fixdate of a `Date` header itself (SPEC §9): it must give exactly
 * what Date.parse gives, for that form and for everything near it (which it leaves to Date.parse).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../../../../src/analyzer/parse/http-date.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const names = (list: string) => fc.constantFrom(...list.split(' '));

/** IMF-fixdates, valid and not: days past the month's end, hour 24, second 60, odd years, case. */
const fixdate = fc
  .record({
    weekday: names('Mon Tue Wed Thu Fri Sat Sun Xyz mon'),
    day: fc.integer({ min: 0, max: 39 }),
    month: names('Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec nov Foo'),
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1990, max: 2040 })),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    zone: names('GMT GMT GMT UTC gmt GMT+0100 Z'),
  })
  .map(
    (d) =>
      `${d.weekday}, ${pad(d.day)} ${d.month} ${pad(d.year, 4)} ${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)} ${d.zone}`,
  );

describe('parseHttpDate', () => {
  it('gives what Date.parse gives for IMF-fixdates and their near misses', () => {
    fc.assert(
      fc.property(fixdate, (text) => {
        expect(parseHttpDate(text)).toBe(Date.parse(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('gives what Date.parse gives for other text', () => {
    const other = fc.oneof(
      fc.string(),
      fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
      fc.date({ noInvalidDate: true }).map((d) => d.toString()),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fixdate.map((t) => `${t.slice(0, 5)}${t.slice(6)}`),
      fixdate.map((t) => ` ${t}`),
    );
    fc.assert(
      fc.property(other, (text) => {
        expect(parseHttpDate(text)).toBe(Date.parse(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the header servers send', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('not a date')).toBeNaN();
  });
});
