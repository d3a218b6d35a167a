import type { HttpHeader } from '../types.js';

/**
 * `text.toLowerCase() === lower` for a `text` as long as `lower`, without building the
 * lower-cased copy: ASCII letters are folded here, and any other non-ASCII character (U+212A
 * KELVIN SIGN lower-cases to `k`) leaves the answer to `toLowerCase` itself.
 */
function equalsLowerCased(text: string, lower: string): boolean {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const w = lower.charCodeAt(i);
    if (c === w) continue;
    if (c >= 0x80) return text.toLowerCase() === lower;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== w) return false;
  }
  return true;
}

/** The first header with this ASCII name (HTTP names are case-insensitive), or undefined. */
export function findHeader(headers: readonly HttpHeader[], name: string): HttpHeader | undefined {
  const wanted = name.toLowerCase();
  // A name of another length cannot match an ASCII `name` (lower-casing only changes the length
  // of non-ASCII text, into non-ASCII text): it is not compared.
  for (const h of headers) {
    if (h.name.length === wanted.length && equalsLowerCased(h.name, wanted)) return h;
  }
  return undefined;
}

export function headerValue(headers: readonly HttpHeader[], name: string): string | null {
  return findHeader(headers, name)?.value ?? null;
}
