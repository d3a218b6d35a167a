/**
 * The time of an HTTP `Date` header, as `Date.parse` reads it. Servers send the IMF-fixdate of
 * RFC 9110 §5.6.7 (`Sun, 06 Nov 1994 08:49:37 GMT`): that form is read here by character codes,
 * several times faster than Date.parse, and gives what Date.parse gives (property-tested against
 * it); anything else (the obsolete RFC 850 and asctime forms, a zone other than GMT) goes to
 * Date.parse.
 */

const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';
const DAYS = 'MonTueWedThuFriSatSun';

/** Three ASCII characters at `at` as one number (-1 when one is not ASCII): a name without a slice. */
function code3(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  return a < 128 && b < 128 && c < 128 ? (a << 14) | (b << 7) | c : -1;
}
/** The names of DAYS and MONTHS by code3, and a month's index (0 = January). */
const DAY_CODES: ReadonlySet<number> = new Set(
  Array.from({ length: 7 }, (_, i) => code3(DAYS, i * 3)),
);
const MONTH_INDEX: ReadonlyMap<number, number> = new Map(
  Array.from({ length: 12 }, (_, i) => [code3(MONTHS, i * 3), i]),
);

/** The two-digit number at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Epoch milliseconds of an IMF-fixdate with a 4-digit year from 1000, or NaN for any other text. */
function imfFixdate(text: string): number {
  // `Www, DD Mmm YYYY HH:MM:SS GMT`: 29 characters, the separators at fixed places.
  if (text.length !== 29 || !text.endsWith(' GMT')) return NaN;
  if (text[3] !== ',' || text[4] !== ' ' || text[7] !== ' ' || text[11] !== ' ') return NaN;
  if (text[16] !== ' ' || text[19] !== ':' || text[22] !== ':') return NaN;
  const month = MONTH_INDEX.get(code3(text, 8));
  if (!DAY_CODES.has(code3(text, 0)) || month === undefined) return NaN;
  const day = twoDigits(text, 5);
  const century = twoDigits(text, 12);
  const year = twoDigits(text, 14);
  const hour = twoDigits(text, 17);
  const minute = twoDigits(text, 20);
  const second = twoDigits(text, 23);
  if (day < 1 || day > 31 || century < 10 || year < 0) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  // Date.parse rolls a day past the month's end over into the next month, as Date.UTC does.
  return Date.UTC(century * 100 + year, month, day, hour, minute, second);
}

export function parseHttpDate(text: string): number {
  const fast = imfFixdate(text);
  return Number.isNaN(fast) ? Date.parse(text) : fast;
}
