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

/** Narrower than this, a terminal is taken as this wide: the layout needs room for its columns. */
export const MIN_WIDTH = 40;

/**
 * How wide the output may be: the terminal's columns (`process.stdout.columns`), else `COLUMNS`
 * from the environment, else null (a pipe or a file: no wrapping, each paragraph on one line).
 */
export function outputWidth(
  columns: number | undefined,
  env: Readonly<Record<string, string | undefined>>,
): number | null {
  const fromEnv = Number(env.COLUMNS);
  const width =
    columns !== undefined && columns > 0
      ? columns
      : Number.isInteger(fromEnv) && fromEnv > 0
        ? fromEnv
        : null;
  return width === null ? null : Math.max(MIN_WIDTH, width);
}

/* eslint-disable-next-line no-control-regex -- SGR sequences are what it measures around */
const SGR = /\x1b\[[0-9;]*m/g;

/** Columns `text` takes on a terminal: characters, SGR colour sequences aside. */
export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of text.replace(SGR, '')) n++;
  return n;
}

/** Where a word longer than a line may break: after these, as a URL or a JSON value reads. */
const BREAK_AFTER = /[/,&?;=:.\-_)\]}]/;

/** The longest head of `chars` of at most `max` columns, cut after punctuation when it can. */
function headLength(chars: readonly string[], max: number): number {
  if (chars.length <= max) return chars.length;
  for (let i = max - 1; i >= Math.ceil(max / 2); i--) {
    if (BREAK_AFTER.test(chars[i]!)) return i + 1;
  }
  return max;
}

/**
 * Word-wraps `text` to `width` columns (null: no wrapping); continuation lines get `indent`.
 * Lines break between words; a word longer than a whole line (a URL, a JSON value) goes on a line
 * of its own and is cut after punctuation where it can, so no line is ever wider than `width`.
 */
export function wrap(
  text: string,
  width: number | null,
  indent: string,
  firstIndent = indent,
): string[] {
  const words = text.split(/ +/);
  if (width === null) return [firstIndent + words.join(' ')];
  const indentLength = visibleLength(indent);
  const lines: string[] = [];
  let line = firstIndent;
  let length = visibleLength(firstIndent);
  let empty = true;
  const newLine = () => {
    lines.push(line);
    line = indent;
    length = indentLength;
    empty = true;
  };
  for (const word of words) {
    const size = visibleLength(word);
    if (!empty && length + 1 + size > width) newLine();
    if (size <= width - length) {
      line += (empty ? '' : ' ') + word;
      length += (empty ? 0 : 1) + size;
      empty = false;
      continue;
    }
    // Longer than the line: on lines of its own, cut where a URL or JSON reads on.
    if (!empty) newLine();
    const chars = [...word.replace(SGR, '')];
    while (chars.length > 0) {
      if (!empty) newLine();
      const head = chars.splice(0, headLength(chars, Math.max(1, width - length)));
      line += head.join('');
      length += head.length;
      empty = false;
    }
  }
  lines.push(line);
  return lines;
}

export function truncate(text: string, max: number | null): string {
  if (max === null) return text;
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, Math.max(0, max - 1)).join('')}…` : text;
}
