/**
 * Untrusted text made safe to look at (SPEC §7): Preact renders it as text, never HTML; here it is
 * made visible (bidi overrides and other invisible characters become `\uXXXX`, as `quote()` in
 * src/analyzer/text.ts does for check details) and capped, so a 100 KB claim cannot freeze the panel.
 */

import { visible } from '../../shared/ui/visible.js';

export { visible };

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
