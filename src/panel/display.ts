/**
 * Untrusted text made safe to look at (SPEC §7): Preact renders it as text, never HTML; here it is
 * made visible (bidi overrides and other invisible characters become `\uXXXX`, as `quote()` in
 * src/analyzer/text.ts does for check details) and capped, so a 100 KB claim cannot freeze the panel.
 */

/** Bidi controls, zero-width and other invisible format characters, and C0/C1 controls but tab and newline. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What is rendered when a long value is collapsed, and the most it ever renders when expanded. */
export const COLLAPSED_CHARS = 240;
export const EXPANDED_CHARS = 20_000;

/** A claim or header value as one line of text: strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export interface Clipped {
  text: string;
  /** Characters of the whole value. */
  total: number;
  clipped: boolean;
}

/** The first `max` characters, made visible; `total` counts the whole value. */
export function clip(text: string, max: number): Clipped {
  const clipped = text.length > max;
  return { text: visible(clipped ? text.slice(0, max) : text), total: text.length, clipped };
}
