import { visible } from './visible.js';

/**
 * Check wording as the analyzer writes it: plain text with `code spans` (the same text reads well
 * in Markdown reports and the terminal). Spans become <code> elements; everything stays text, never
 * HTML, and invisible characters are made visible.
 */
export function RichText({ text }: { text: string }) {
  const parts = visible(text).split('`');
  // An odd count of backticks leaves the last span open: show that backtick as it is.
  if (parts.length % 2 === 0) return <>{visible(text)}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
