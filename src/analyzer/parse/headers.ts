import type { HttpHeader } from '../types.js';

/** The first header with this name (HTTP names are case-insensitive), or undefined. */
export function findHeader(headers: readonly HttpHeader[], name: string): HttpHeader | undefined {
  const wanted = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === wanted);
}

export function headerValue(headers: readonly HttpHeader[], name: string): string | null {
  return findHeader(headers, name)?.value ?? null;
}
