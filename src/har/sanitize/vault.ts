/**
 * The credentials a sanitizer found, and their copies found again (SPEC §6: "every copy of a
 * credential found anywhere in the file"). The first pass over a HAR adds every credential value
 * it meets with what replaces it; the second pass replaces each of them wherever it stands: in
 * another entry, in a URL, a header, a body, a custom field. Memory is the set of values, never
 * the document.
 *
 * A copy is looked for as written and in the encodings a value travels in: percent-encoded
 * (once and twice, `+` for a space as in forms) and JSON-escaped (a body quoting a body).
 * Searching for hundreds of values in every string of a 100 MB file must stay linear: a rolling
 * hash of each string's 6-character windows is checked against the values' first 6 characters,
 * and only a hit is compared in full.
 */
import { isMarker, isMaskedToken } from '../../analyzer/index.js';

/** Shorter values are not looked for elsewhere: replacing `abc` everywhere would maul the text. */
export const MIN_COPY_LENGTH = 6;
const WINDOW = MIN_COPY_LENGTH;
const BASE = 0x01000193;
const TABLE_BITS = 20;
/** Up to this many strings to look for, `includes` per string beats the rolling hash. */
const FEW_NEEDLES = 24;

/** Words that are no secret even where a credential stands (`Cookie: consent=accepted`). */
const COMMON =
  /^(?:true|false|null|undefined|bearer|basic|default|accepted|enabled|disabled|deleted|\[object object\])$/i;

/**
 * Where a value was found. A `credential` (a header's, a parameter's, a token) is looked for
 * wherever it is long enough; a `cookie` value too, unless it is a path or a lower-case word:
 * cookies also hold those (`_tap_path=/rum.gif`, `consent=accepted`), and replacing them in every
 * URL would break the URLs, not protect anything.
 */
export type CredentialKind = 'credential' | 'cookie';

/** Worth looking for elsewhere: long enough, no marker, no plain word. */
export function isWorthCopySearch(value: string, kind: CredentialKind = 'credential'): boolean {
  if (value.length < MIN_COPY_LENGTH || COMMON.test(value) || isMarker(value)) return false;
  if (!/[A-Za-z0-9]/.test(value) || isMaskedToken(value)) return false;
  if (kind === 'cookie')
    return value.length >= 8 && !value.startsWith('/') && !/^[a-z]+$/.test(value);
  if (value.length >= 8) return true;
  let classes = 0;
  for (const re of [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]) if (re.test(value)) classes++;
  return classes >= 2;
}

interface Needle {
  text: string;
  replacement: string;
}

type Encoding = (text: string) => string;
const ENCODINGS: Encoding[] = [
  (t) => t,
  (t) => encodeURIComponent(t),
  (t) => encodeURIComponent(t).replace(/%20/g, '+'),
  (t) => encodeURIComponent(encodeURIComponent(t)),
  (t) => JSON.stringify(t).slice(1, -1),
  (t) => JSON.stringify(t).slice(1, -1).replace(/\//g, '\\/'),
];

function windowHash(text: string, at: number): number {
  let h = 0;
  for (let i = 0; i < WINDOW; i++) h = (Math.imul(h, BASE) + text.charCodeAt(at + i)) | 0;
  return h;
}

const slot = (h: number) => Math.imul(h, 0x9e3779b1) >>> (32 - TABLE_BITS);

export interface Vault {
  /** A credential value and what replaces it; a mask (a token kept diagnosable) wins over `[redacted]`. */
  add(value: string, replacement: string, kind?: CredentialKind): void;
  /** Ends the collecting pass: from now on `replaceCopies` looks for what was added. */
  seal(): void;
  readonly size: number;
  /** `text` with every copy of a sealed value replaced; `onCopy` hears each one. */
  replaceCopies(text: string, onCopy?: () => void): string;
}

export function createVault(): Vault {
  const values = new Map<string, string>();
  let sealed = false;
  let table: Uint8Array | null = null;
  let few: Needle[] | null = null;
  const byHash = new Map<number, Needle[]>();
  // B^(WINDOW-1): the weight of the character that leaves the window.
  let outWeight = 1;
  for (let i = 1; i < WINDOW; i++) outWeight = Math.imul(outWeight, BASE);

  function build(): void {
    table = new Uint8Array(1 << (TABLE_BITS - 3));
    const all: Needle[] = [];
    for (const [value, replacement] of values) {
      const seen = new Set<string>();
      for (const encode of ENCODINGS) {
        const text = encode(value);
        if (seen.has(text) || text.length < WINDOW) continue;
        seen.add(text);
        const h = windowHash(text, 0);
        const s = slot(h);
        table[s >>> 3]! |= 1 << (s & 7);
        const list = byHash.get(h) ?? [];
        const needle = { text, replacement: encode(replacement) };
        list.push(needle);
        all.push(needle);
        list.sort((a, b) => b.text.length - a.text.length);
        byHash.set(h, list);
      }
    }
    // Longest first, so a value inside a longer one is never replaced first.
    few = all.length <= FEW_NEEDLES ? all.sort((a, b) => b.text.length - a.text.length) : null;
  }

  return {
    add(value, replacement, kind) {
      if (sealed || !isWorthCopySearch(value, kind)) return;
      const known = values.get(value);
      if (known === undefined || (known !== replacement && isMarker(known))) {
        values.set(value, replacement);
      }
    },
    seal() {
      sealed = true;
      build();
    },
    get size() {
      return values.size;
    },
    replaceCopies(text, onCopy) {
      const bits = table;
      if (!bits || values.size === 0 || text.length < WINDOW) return text;
      // A few values: the engine's own substring search, once per value, is faster than hashing.
      if (few) {
        let out = text;
        for (const n of few) {
          if (!out.includes(n.text)) continue;
          const parts = out.split(n.text);
          for (let k = 1; k < parts.length; k++) onCopy?.();
          out = parts.join(n.replacement);
        }
        return out;
      }
      let out = '';
      let last = 0;
      let i = 0;
      let h = windowHash(text, 0);
      const end = text.length - WINDOW;
      while (i <= end) {
        const s = slot(h);
        if ((bits[s >>> 3]! & (1 << (s & 7))) !== 0) {
          const found = byHash.get(h)?.find((n) => text.startsWith(n.text, i));
          if (found) {
            out += text.slice(last, i) + found.replacement;
            i += found.text.length;
            last = i;
            onCopy?.();
            if (i > end) break;
            h = windowHash(text, i);
            continue;
          }
        }
        if (i === end) break;
        h =
          (Math.imul(h - Math.imul(text.charCodeAt(i), outWeight), BASE) +
            text.charCodeAt(i + WINDOW)) |
          0;
        i++;
      }
      return last === 0 ? text : out + text.slice(last);
    },
  };
}
