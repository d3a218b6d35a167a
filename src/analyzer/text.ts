/** Formatting helpers for check wording. Pure; times are passed in. */

/**
 * Characters that must never reach a reader unseen (SPEC §7): C0 and C1 controls but tab, line
 * feed and carriage return, and the invisible format marks (zero-width, bidi, line and paragraph
 * separators, word joiners). Every target shows them as `\uXXXX`: check wording, the support
 * report, the CLI, the panel and popup. Tab and line breaks are each target's own business.
 */
export const INVISIBLE_CLASS =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2069\\ufeff';

/** INVISIBLE_CLASS as a global pattern, with the characters in `also` added (`\\t`, `\\r`). */
export function invisiblePattern(also = ''): RegExp {
  return new RegExp(`[${INVISIBLE_CLASS}${also}]`, 'g');
}

const INVISIBLE = invisiblePattern();
/** Printable ASCII only: no invisible character, checked far faster than a replace finding none. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** `\u202e` for U+202E: how an invisible character is shown. */
export function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every invisible character (INVISIBLE_CLASS, plus `pattern`'s own) shown escaped. */
export function showInvisible(text: string, pattern: RegExp = INVISIBLE): string {
  if (pattern === INVISIBLE && PRINTABLE_ASCII.test(text)) return text;
  return text.replace(pattern, unicodeEscape);
}

const MAX_QUOTE = 120;

/**
 * Printable ASCII without `"` or `\\`: JSON.stringify would return it quoted and unchanged. A
 * loop, not a regular expression: quoted values are short, and a regex call costs more than them.
 */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

/** A list, not empty, of plain strings only (a loop: `every` would skip a hole). */
function arePlainStrings(list: unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item !== 'string' || !isPlain(item)) return false;
  }
  return list.length > 0;
}

/**
 * A quote (or any text) cut to `max` characters, the last one `…`: `clip(quote(v, n), max)` is
 * `quote(v, max)` for any `max` up to `n`, so a value shown at two lengths is quoted once.
 */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value quoted for a detail line: JSON-ish, shortened, control characters made visible. */
export function quote(value: unknown, max = MAX_QUOTE): string {
  let text: string;
  if (typeof value === 'string' && isPlain(value)) {
    // The common case, without JSON.stringify or the invisible-character pass.
    return value.length + 2 > max ? `"${value.slice(0, max - 2)}…` : `"${value}"`;
  }
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === undefined) text = 'undefined';
  // A list of plain strings (an `aud` of several audiences) is written as JSON.stringify would.
  else if (Array.isArray(value) && arePlainStrings(value))
    return clip(`["${value.join('","')}"]`, max);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  // Bidi and other invisible format characters would reorder or hide the evidence.
  text = showInvisible(text);
  return clip(text, max);
}

/** A duration in words: "45 s", "3 min 20 s", "2 h 14 min", "3 d 4 h". */
export function duration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** "00" … "99": two digits of a time field without building a string per call. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));
/** `-MM-DDT` at `month * 32 + day`, and `HH:MM:` at `hour * 60 + minute`: five joins per time, not thirteen. */
const MONTH_DAY = Array.from({ length: 13 * 32 }, (_, i) =>
  i >= 32 && i % 32 > 0 ? `-${TWO_DIGITS[i >> 5]}-${TWO_DIGITS[i % 32]}T` : '',
);
const HOUR_MINUTE = Array.from(
  { length: 24 * 60 },
  (_, i) => `${TWO_DIGITS[Math.floor(i / 60)]}:${TWO_DIGITS[i % 60]}:`,
);

/**
 * An epoch time as ISO 8601 UTC (`2026-11-01T12:00:00Z`, milliseconds only when not zero), or a
 * note when out of range. By arithmetic (days → civil date, H. Hinnant's algorithm): several
 * times faster than Date#toISOString, and called a few times per diagnosis. From 0000-03-01 on
 * every quantity is non-negative, so `| 0` truncates as Math.floor would, in int32 arithmetic.
 */
export function isoTime(epochMs: number): string {
  if (!Number.isFinite(epochMs) || Math.abs(epochMs) > 8.64e15) return `(invalid time ${epochMs})`;
  const ms = Math.trunc(epochMs); // as Date does
  const days = Math.floor(ms / 86_400_000);
  const z = days + 719_468;
  if (z < 0 || z >= 3_652_425) return isoByDate(epochMs); // before year 0, or after 9999
  const inDay = ms - days * 86_400_000;
  const era = (z / 146_097) | 0;
  const doe = z - era * 146_097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36_524) | 0) - ((doe / 146_096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const day = doy - (((153 * mp + 2) / 5) | 0) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year > 9999) return isoByDate(epochMs);
  const h = (inDay / 3_600_000) | 0;
  const m = ((inDay % 3_600_000) / 60_000) | 0;
  const s = ((inDay % 60_000) / 1000) | 0;
  const milli = inDay % 1000;
  const y = year < 1000 ? String(year).padStart(4, '0') : String(year);
  const frac = milli === 0 ? '' : `.${String(milli).padStart(3, '0')}`;
  return `${y}${MONTH_DAY[month * 32 + day]}${HOUR_MINUTE[h * 60 + m]}${TWO_DIGITS[s]}${frac}Z`;
}

/** Date#toISOString without `.000`, for the years the arithmetic above does not cover. */
function isoByDate(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
