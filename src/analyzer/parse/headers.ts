import type { HttpHeader } from '../types.js';

/** The first header with this ASCII name (HTTP names are case-insensitive), or undefined. */
export function findHeader(headers: readonly HttpHeader[], name: string): HttpHeader | undefined {
  const wanted = name.toLowerCase();
  // A name of another length cannot match an ASCII `name` (lower-casing only changes the length
  // of non-ASCII text, into non-ASCII text): it is not lower-cased.
  for (const h of headers) {
    if (h.name.length === wanted.length && h.name.toLowerCase() === wanted) return h;
  }
  return undefined;
}

export function headerValue(headers: readonly HttpHeader[], name: string): string | null {
  return findHeader(headers, name)?.value ?? null;
}
