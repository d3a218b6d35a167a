/**
 * Escaping for untrusted values (claims, URLs, server messages) in Markdown that a support ticket
 * system renders. The threats: `|` and newlines breaking a table, backticks and `[](…)` changing
 * the markup, `<script>`/`<img onerror>` becoming HTML, bidi marks reordering the evidence.
 */
import { INVISIBLE_CLASS, showInvisible, unicodeEscape } from '../text.js';

const NEWLINES = /\r\n|\r|\n/g;
const MAX_CELL = 400;

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Inline text: HTML made inert with entities (`<` → `&lt;`), Markdown punctuation backslash-escaped,
 * newlines shown as ⏎ so a value stays on its line (and in its table cell).
 */
export function mdText(value: string, max = MAX_CELL): string {
  const escaped = shorten(value, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)
    .replace(NEWLINES, ' ⏎ ');
  return showInvisible(escaped);
}

/**
 * Safe inside a code span in a table: no backtick, pipe, angle bracket, line break or invisible
 * mark. (`&` is fine: code spans show entities literally.)
 */
const CODE_SAFE = new RegExp(`^[^\`|<>\\t\\r\\n${INVISIBLE_CLASS}]+$`);

/** A value as inline code when that is safe, else as escaped text (never a broken code span). */
export function mdCode(value: string, max = MAX_CELL): string {
  const short = shorten(value, max);
  return CODE_SAFE.test(short) && short.trim() === short ? `\`${short}\`` : mdText(short, max);
}

/**
 * JSON in a fenced block. Inside the fence Markdown is inert, but the characters that could close
 * the fence or read as HTML to a careless renderer are still written as JSON escapes.
 */
export function mdJsonBlock(value: unknown): string {
  const json = showInvisible(
    (JSON.stringify(value, null, 2) ?? 'null').replace(/[<>&`]/g, unicodeEscape),
  );
  return ['```json', json, '```'].join('\n');
}

/** One table row of already-escaped cells. */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |`;
}
