/**
 * Splitting a pasted command into words the way a shell would: bash (single, double and `$'…'`
 * quotes, backslashes, line continuations) and cmd.exe (Chrome's "Copy as cURL (cmd)", `^` escapes).
 */
const ANSI_C: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The escape after a backslash in `$'…'` at `input[i]`: [its text, characters consumed]. Chrome
 * writes `!` and control characters as `\uHHHH`; the rest follows bash's ANSI-C quoting
 * (https://www.gnu.org/software/bash/manual/html_node/ANSI_002dC-Quoting.html).
 */
function ansiCEscape(input: string, i: number): [string, number] {
  const c = input[i]!;
  const simple = ANSI_C[c];
  if (simple !== undefined) return [simple, 1];
  const max = HEX_DIGITS[c];
  if (max !== undefined) {
    let n = 0;
    while (n < max && /[0-9a-fA-F]/.test(input[i + 1 + n] ?? '')) n++;
    const code = parseInt(input.slice(i + 1, i + 1 + n), 16);
    if (n > 0 && code <= 0x10ffff) return [String.fromCodePoint(code), 1 + n];
  }
  const octal = /^[0-7]{1,3}/.exec(input.slice(i, i + 3));
  if (octal) return [String.fromCharCode(parseInt(octal[0], 8) & 0xff), octal[0].length];
  return [`\\${c}`, 1]; // bash keeps an unknown escape as written
}

/** Splits a shell command into words: single quotes, double quotes, `$'…'`, backslash escapes. */
export function shellWords(input: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  // A backslash before a newline (LF or CRLF) continues the line; its length, or 0.
  const continuation = (at: number): number =>
    input[at + 1] === '\n' ? 1 : input[at + 1] === '\r' && input[at + 2] === '\n' ? 2 : 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === '\\' && continuation(i) > 0) {
      i += continuation(i);
      continue;
    }
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = input.indexOf("'", i + 1);
      word += input.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? input.length : end;
    } else if (c === '$' && input[i + 1] === "'") {
      let j = i + 2;
      for (; j < input.length && input[j] !== "'"; j++) {
        if (input[j] === '\\' && j + 1 < input.length) {
          const [text, used] = ansiCEscape(input, j + 1);
          word += text;
          j += used;
        } else word += input[j];
      }
      i = j;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < input.length && input[j] !== '"'; j++) {
        if (input[j] === '\\' && continuation(j) > 0) {
          j += continuation(j);
          continue;
        }
        if (input[j] === '\\' && /["\\$`]/.test(input[j + 1] ?? '')) j++;
        word += input[j];
      }
      i = j;
    } else if (c === '\\' && i + 1 < input.length) {
      word += input[++i];
    } else word += c;
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * Splits a command as DevTools' "Copy as cURL (cmd)" writes it: first cmd.exe's layer (`^` escapes
 * the next character, `^` at a line end continues the line), then the MS C runtime's argv rules
 * (double quotes group, `\"` is a quote). Chrome `^`-escapes every special character, quotes
 * included, so every `^` is read as an escape.
 */
export function cmdWords(input: string): string[] {
  let line = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '^') {
      line += input[i];
      continue;
    }
    if (input[i + 1] === '\r' && input[i + 2] === '\n') i += 2;
    else if (input[i + 1] === '\n') i++;
    // After `^` (or `^` + newline) the next character is taken as is: Chrome writes a newline
    // inside a value as `^` + two newlines.
    if (input[i + 1] === '\r' && input[i + 2] === '\n') {
      line += '\n';
      i += 2;
    } else if (i + 1 < input.length) line += input[++i];
  }
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      let n = 0;
      while (line[i + n] === '\\') n++;
      if (line[i + n] === '"') {
        word += '\\'.repeat(n >> 1);
        if (n % 2 === 1) word += '"'; // an escaped quote
        i += n % 2 === 1 ? n : n - 1; // an even run leaves the quote to open or close
      } else {
        // Chrome doubles every backslash, not only those before a quote as the C runtime would
        // want: halve the run (a lone one, as typed by hand, stays).
        word += '\\'.repeat(Math.ceil(n / 2));
        i += n - 1;
      }
      inWord = true;
    } else if (c === '"') {
      quoted = !quoted;
      inWord = true;
    } else if (!quoted && /\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
