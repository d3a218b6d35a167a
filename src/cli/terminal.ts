/** Terminal plumbing for the text output: colour (only when wanted), safe text, wrapping. */
import { invisiblePattern, showInvisible } from '../analyzer/index.js';

export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const plain = (text: string) => text;

export function createPaint(enabled: boolean): Paint {
  return enabled
    ? {
        red: sgr(31, 39),
        green: sgr(32, 39),
        yellow: sgr(33, 39),
        dim: sgr(2, 22),
        bold: sgr(1, 22),
      }
    : { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };
}

/**
 * https://no-color.org: NO_COLOR (non-empty) turns colour off; FORCE_COLOR (not 0/false) turns it
 * on for pipes; otherwise colour only on a terminal.
 */
export function wantsColour(
  env: Readonly<Record<string, string | undefined>>,
  isTty: boolean,
): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return isTty;
}

/**
 * Claims, URLs and server messages are hostile: an ESC in them could rewrite the terminal, a bidi
 * mark reorder the line. They are shown as `\uXXXX` instead, and line breaks as ⏎.
 */
/** The analyzer's invisible characters, and tab: it would break the columns of the table. */
const UNSAFE = invisiblePattern('\\t');

export function terminalSafe(text: string): string {
  return showInvisible(text.replace(/\r\n|\r|\n/g, ' ⏎ '), UNSAFE);
}

/** Word-wraps `text` to `width` columns; continuation lines get `indent`. Long words overflow. */
export function wrap(text: string, width: number, indent: string, firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(/ +/)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}
