/**
 * URLs as the analyzer reads them (SPEC §2): split the Rhythm way, and the small readers every
 * shell needs (the host, a percent-decoding that never throws).
 */
import { moduleOfHost, type RhythmModule } from '../rhythm.js';

export interface ParsedUrl {
  protocol: string;
  host: string;
  origin: string;
  /** Decoded path segments (empty ones kept, a trailing slash dropped). */
  segments: string[];
  /** The raw path segments, as sent. */
  rawSegments: string[];
  resource: string | null;
  /** The second path segment (SPEC §2), or null when the path is shorter. */
  tenant: string | null;
  module: RhythmModule | null;
  query: Array<{ key: string; value: string }>;
}

/** `decodeURIComponent`, or the text as it is when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  // Nothing percent-encoded: decodeURIComponent would return the text as it is.
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A form or query value decoded as a browser does (`+` is a space); never throws. */
export function safeDecodeForm(text: string): string {
  return safeDecode(text.replace(/\+/g, ' '));
}

export function parseUrl(raw: string): ParsedUrl | { error: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: `not a valid absolute URL: ${raw.slice(0, 200)}` };
  }
  const rawSegments = url.pathname.split('/').slice(1);
  if (rawSegments.length > 1 && rawSegments[rawSegments.length - 1] === '') rawSegments.pop();
  const segments = rawSegments.map(safeDecode);
  const query: Array<{ key: string; value: string }> = [];
  // No query (the common API call): no URLSearchParams to build.
  if (url.search !== '') url.searchParams.forEach((value, key) => query.push({ key, value }));
  const hostname = url.hostname;
  return {
    protocol: url.protocol,
    host: hostname.toLowerCase(),
    origin: url.origin,
    segments,
    rawSegments,
    resource: segments[0] || null,
    tenant: segments.length >= 2 ? (segments[1] ?? null) : null,
    module: moduleOfHost(hostname),
    query,
  };
}

export function isParsedUrl(url: ParsedUrl | { error: string } | null): url is ParsedUrl {
  return url !== null && !('error' in url);
}

/** The host of a URL in lower case, or null when it does not parse. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
