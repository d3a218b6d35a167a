/**
 * An incremental JSON tokenizer for HAR files (SPEC §9: a 100 MB HAR in at most 2× the time of
 * `JSON.parse`, at most 3× its size in memory). It validates the document's skeleton byte by byte,
 * and hands out each element of `log.entries` (and `log.pages`) as its own slice of bytes, found by
 * tracking only depth and strings (string bodies are skipped with a native `indexOf`): the caller
 * `JSON.parse`s each slice, which V8 does faster than any tokenizer written in JavaScript. With
 * `parseItem`, an entry of a pretty-printed HAR is not even scanned: its end is guessed from its
 * indentation and checked by parsing it (see `ScannerOptions.parseItem`).
 *
 * It holds at most one chunk plus the pieces of the one item that spans chunks
 * (`stats.maxBufferedBytes`), never the file. Chunks may be cut anywhere, even inside a UTF-8
 * sequence: it works on bytes. Pure (Uint8Array in, callbacks out), so a browser can feed it
 * `File.stream()` chunks as well.
 *
 * Why more than a depth counter: a broken file must be reported WHERE it broke (byte offset), and a
 * file that is valid JSON but not a HAR must be refused, not read as "no 401s".
 *
 * Longer than a module should be: it is one state machine, kept in one closure so its states
 * (plain numbers and locals, for speed) can be read in one place.
 */

/** `member`: any other member of `log` or of the top-level object (only with `members: true`). */
export type ItemArray = 'entries' | 'pages' | 'member';

export interface ScannedItem {
  array: ItemArray;
  index: number;
  /**
   * The item's value, when the scanner found its end by parsing it (`parseItem`, below): the
   * caller need not parse it again. Absent: parse `bytes`.
   */
  value?: unknown;
  /** The item's bytes: a view into the chunk when it fits in one, else its pieces joined. */
  bytes: Uint8Array;
  /** Absolute byte offsets of the item in the input: [start, end). */
  start: number;
  end: number;
}

export interface ScanSink {
  item(item: ScannedItem): void;
  /** The bytes between items, in order: what a rewriter copies unchanged. */
  text?(bytes: Uint8Array): void;
}

export interface ScanStats {
  bytes: number;
  items: number;
  /** The most bytes held at once: the current chunk plus the pieces of an item spanning chunks. */
  maxBufferedBytes: number;
}

/** Where and why the input is not a readable HAR (or, in `json` mode, not JSON). */
export class HarSyntaxError extends Error {
  override name = 'HarSyntaxError';
  constructor(
    readonly reason: string,
    /** Absolute byte offset of the problem (the file's length when it ended too early). */
    readonly offset: number,
  ) {
    super(`${reason} at byte ${offset}`);
  }
}

export interface ScannerOptions {
  /** `har` (default): check the HAR shape, hand out items. `json`: validate only. */
  mode?: 'har' | 'json';
  /** An item larger than this is refused (a JS string cannot hold much more than 512 MiB). */
  maxItemBytes?: number;
  /**
   * Hand out the other members of `log` and of the top-level object too (`log.comment`,
   * `log.creator`, `_custom` fields), objects, arrays and strings: the sanitizer reads every
   * string of the file. Off: they are skeleton, copied through `text`.
   */
  members?: boolean;
  /**
   * Parses an item's bytes (JSON.parse of their text), throwing when they are not one JSON value.
   * Given, the scanner finds where an entry of a pretty-printed HAR ends without reading its
   * strings: an entry whose `{` starts a line ends at the first line after it that is the same
   * indentation and `}` (strings hold no raw line break, so every line break is structure). That
   * guess is right exactly when the bytes up to it parse as one value (an object ends where it
   * ends), so the parse is the check, and its result is handed out as `value`. A wrong guess (a
   * minified or oddly indented file) costs a failed parse and the byte-by-byte scan; after a few,
   * the scanner stops guessing.
   */
  parseItem?(bytes: Uint8Array): unknown;
}

/** Guesses that may miss before the scanner stops guessing entry ends (a minified HAR misses every time). */
const MAX_GUESS_MISSES = 8;
const NEWLINE = 0x0a;

/**
 * The first `needle` (a line break, an indentation and a `}`) in `haystack` from `from`: found by
 * its last byte and checked backwards. A pretty-printed HAR has four times fewer `}` than line
 * breaks, and each candidate costs one native `indexOf` (Buffer's own search is no faster on a
 * needle of spaces). Pure, so the panel's import uses it too.
 */
function indexOfLineStart(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const k = needle.length - 1;
  const last = needle[k]!;
  for (let at = haystack.indexOf(last, from + k); at >= 0; at = haystack.indexOf(last, at + 1)) {
    let j = 1;
    while (j <= k && haystack[at - j] === needle[k - j]) j++;
    if (j > k) return at - k;
  }
  return -1;
}

export interface JsonScanner {
  feed(chunk: Uint8Array): void;
  end(): void;
  readonly stats: ScanStats;
}

// Grammar states.
const S_VALUE = 0;
const S_FIRST_VALUE_OR_END = 1;
const S_FIRST_KEY_OR_END = 2;
const S_KEY = 3;
const S_COLON = 4;
const S_AFTER_VALUE = 5;
const S_DONE = 6;
// JSONP (HAR Viewer's `.harp`: `onInputData({...});`): the name, `(`, the HAR, `)`, maybe `;`.
const S_JSONP_NAME = 7;
const S_JSONP_OPEN = 8;
const S_JSONP_CLOSE = 9;
const S_JSONP_END = 10;
const MAX_NAME = 100;
// Token in progress.
const T_NONE = 0;
const T_STRING = 1;
const T_NUMBER = 2;
const T_LITERAL = 3;
const T_CAPTURE = 4;
// Container roles on the path to the items.
const R_OTHER = 0;
const R_ROOT = 1;
const R_LOG = 2;
const R_ENTRIES = 3;
const R_PAGES = 4;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_KEY_BYTES = 64;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const BOM = [0xef, 0xbb, 0xbf];

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** `'x'` for printable ASCII, else the byte in hex: error messages must stay one safe line. */
function shown(c: number): string {
  return c > 0x20 && c < 0x7f
    ? `'${String.fromCharCode(c)}'`
    : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

/** What JSON value starts with `c`; null when none does (then it is not JSON at all). */
function kindOf(c: number): string | null {
  if (c === 0x7b) return 'an object';
  if (c === 0x5b) return 'an array';
  if (c === QUOTE) return 'a string';
  if (c === 0x74 || c === 0x66) return 'a boolean';
  if (c === 0x6e) return 'null';
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return 'a number';
  return null;
}

/** JSONP's callback name (`onInputData`, `callback_x`, `a.b`): the start of a `.harp` file. */
function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
}
function isNamePart(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e;
}

const JSON_LITERALS: Readonly<Record<string, string>> = {
  true: 'a boolean',
  false: 'a boolean',
  null: 'null',
};

function joinParts(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function createJsonScanner(sink: ScanSink, options: ScannerOptions = {}): JsonScanner {
  const har = (options.mode ?? 'har') === 'har';
  const members = har && options.members === true;
  const maxItemBytes = options.maxItemBytes ?? 256 * 1024 * 1024;
  const parseItem = har ? options.parseItem : undefined;
  let guessMisses = 0;
  /** The closing line of an entry per indentation (`\n    }`), built once. */
  const closers = new Map<string, Uint8Array>();
  const stats: ScanStats = { bytes: 0, items: 0, maxBufferedBytes: 0 };

  let state = S_VALUE;
  let tok = T_NONE;
  // The path: one entry per open container.
  const kinds: number[] = []; // 0 object, 1 array
  const roles: number[] = [];
  const keys: Array<string | null> = [];
  const indexes: number[] = [];
  let sawLog = false;
  let bomDone = false;
  /** The JSONP callback's name, once the file turned out to be JSONP. */
  let jsonpName: string | null = null;
  let sawEntries = false;

  // String token (skeleton strings only).
  let strIsKey = false;
  let strEscape = 0; // 0 none, 1 after `\`, 2-5 reading \u hex digits
  let keyBytes: number[] = [];
  let keyEscaped = false;
  let tokenStart = 0;
  // Number / literal tokens.
  let numText = '';
  let literal = '';
  let literalAt = 0;
  // Captured item.
  let capDepth = 0;
  let capInString = false;
  let capCarry = 0; // backslashes at the end of the previous chunk, inside a string
  let itemArray: ItemArray = 'entries';
  let itemIndex = 0;
  let itemStart = 0;
  let itemParts: Uint8Array[] = [];
  let itemPartBytes = 0;

  const fail = (reason: string, offset: number): never => {
    throw new HarSyntaxError(reason, offset);
  };

  /** Role of a value about to start, from its parent container and key. */
  function childRole(): number {
    const top = kinds.length - 1;
    if (top < 0) return R_ROOT;
    const parent = roles[top];
    if (kinds[top] === 0) {
      const key = keys[top];
      if (parent === R_ROOT && key === 'log') return R_LOG;
      if (parent === R_LOG && key === 'entries') return R_ENTRIES;
      if (parent === R_LOG && key === 'pages') return R_PAGES;
    }
    return R_OTHER;
  }

  function path(): string {
    if (itemArray === 'member') return 'a member of log';
    const role = roles[roles.length - 1];
    return role === R_ENTRIES ? 'log.entries' : 'log.pages';
  }

  function valueDone(): void {
    state = kinds.length > 0 ? S_AFTER_VALUE : jsonpName !== null ? S_JSONP_CLOSE : S_DONE;
  }

  /** Not a HAR from its first byte on: say what it is, never "a number" for what is none. */
  function rootFail(c: number, at: number): never {
    const kind = kindOf(c);
    if (kind) return fail(`not a HAR: the file holds ${kind}, not an object with "log"`, at);
    if (c === 0x3c) return fail("not a HAR: the file starts with '<' (an HTML or XML page?)", at);
    return fail(`not JSON: the file starts with ${shown(c)}`, at);
  }

  /** A value starts with byte `c` at absolute offset `at`; returns true when it is an item to capture. */
  function startValue(c: number, at: number): boolean {
    const role = childRole();
    const top = kinds.length - 1;
    const parentRole = top >= 0 ? roles[top] : R_OTHER;
    if (har && (parentRole === R_ENTRIES || parentRole === R_PAGES) && kinds[top] === 1) {
      if (c === 0x7b) {
        itemArray = parentRole === R_ENTRIES ? 'entries' : 'pages';
        itemIndex = indexes[top] ?? 0;
        return true;
      }
      const kind = kindOf(c);
      if (parentRole === R_ENTRIES && kind) {
        fail(`not a HAR: ${path()}[${indexes[top]}] is ${kind}, not an object`, at);
      }
    }
    if (
      members &&
      role === R_OTHER &&
      (parentRole === R_LOG || parentRole === R_ROOT) &&
      (c === 0x7b || c === 0x5b || c === QUOTE)
    ) {
      itemArray = 'member';
      itemIndex = 0;
      return true;
    }
    if (har && role === R_ROOT && c !== 0x7b) rootFail(c, at);
    if (har && role === R_LOG) {
      const kind = kindOf(c);
      if (c !== 0x7b && kind) fail(`not a HAR: "log" is ${kind}, not an object`, at);
      sawLog = true;
    }
    if (har && role === R_ENTRIES) {
      const kind = kindOf(c);
      if (c !== 0x5b && kind) fail(`not a HAR: "log.entries" is ${kind}, not an array`, at);
      sawEntries = true;
    }
    if (c === 0x7b || c === 0x5b) {
      kinds.push(c === 0x7b ? 0 : 1);
      roles.push(har ? role : R_OTHER);
      keys.push(null);
      indexes.push(0);
      state = c === 0x7b ? S_FIRST_KEY_OR_END : S_FIRST_VALUE_OR_END;
    } else if (c === QUOTE) {
      tok = T_STRING;
      strIsKey = false;
      strEscape = 0;
      tokenStart = at;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      tok = T_NUMBER;
      numText = String.fromCharCode(c);
      tokenStart = at;
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      tok = T_LITERAL;
      literal = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      literalAt = 1;
      tokenStart = at;
    } else {
      fail(`invalid JSON: expected a value, found ${shown(c)}`, at);
    }
    return false;
  }

  function close(c: number, at: number): void {
    const top = kinds.length - 1;
    const wantObject = c === 0x7d;
    if (top < 0 || (kinds[top] === 0) !== wantObject) {
      fail(`invalid JSON: unexpected ${shown(c)}`, at);
    }
    if (har && roles[top] === R_LOG && !sawEntries) {
      fail('not a HAR: "log" has no "entries" array', at);
    }
    if (har && roles[top] === R_ROOT && !sawLog) {
      fail('not a HAR: no "log" object at the top level', at);
    }
    kinds.pop();
    roles.pop();
    keys.pop();
    indexes.pop();
    valueDone();
  }

  /** Skips through a captured item from `i`; returns where it ended in `buf`, or -1. */
  function scanCapture(buf: Uint8Array, i: number): number {
    const n = buf.length;
    let depth = capDepth;
    let inString = capInString;
    while (i < n) {
      if (inString) {
        const q = buf.indexOf(QUOTE, i);
        if (q < 0) {
          // Count the backslashes this chunk ends with: the next chunk's first quote may be escaped.
          let k = n - 1;
          while (k >= i && buf[k] === BACKSLASH) k--;
          capCarry = k < i ? capCarry + (n - i) : n - 1 - k;
          break;
        }
        let k = q - 1;
        while (k >= i && buf[k] === BACKSLASH) k--;
        let slashes = q - 1 - k;
        if (k < i && i === 0) slashes += capCarry;
        capCarry = 0;
        i = q + 1;
        if ((slashes & 1) === 0) {
          inString = false;
          // A captured string (a member of log) ends with its closing quote.
          if (depth === 0) {
            capInString = false;
            return i;
          }
        }
        continue;
      }
      const c = buf[i++]!;
      if (c === QUOTE) {
        inString = true;
        capCarry = 0;
      } else if (c === 0x7b || c === 0x5b) {
        depth++;
      } else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) {
          capDepth = 0;
          capInString = false;
          return i;
        }
      }
    }
    capDepth = depth;
    capInString = inString;
    return -1;
  }

  /**
   * Where the entry whose `{` is at `from` in `buf` ends, guessed from its indentation (see
   * `parseItem`), with its value; null when it cannot be guessed in this chunk or the guess is wrong.
   */
  function guessEntry(buf: Uint8Array, from: number): { end: number; value: unknown } | null {
    let lineStart = from;
    while (lineStart > 0 && (buf[lineStart - 1] === 0x20 || buf[lineStart - 1] === 0x09)) {
      lineStart--;
    }
    if (lineStart === 0 || buf[lineStart - 1] !== NEWLINE || from - lineStart > 64) return null;
    const indent = String.fromCharCode(...buf.subarray(lineStart, from));
    let closer = closers.get(indent);
    if (!closer) {
      closer = new Uint8Array(indent.length + 2);
      closer[0] = NEWLINE;
      for (let k = 0; k < indent.length; k++) closer[k + 1] = indent.charCodeAt(k);
      closer[indent.length + 1] = 0x7d;
      closers.set(indent, closer);
    }
    const at = indexOfLineStart(buf, closer, from + 1);
    if (at < 0) return null; // it ends in a later chunk (or is no pretty-printed entry)
    const end = at + closer.length;
    try {
      return { end, value: parseItem!(buf.subarray(from, end)) };
    } catch {
      guessMisses++;
      return null;
    }
  }

  function feed(chunk: Uint8Array): void {
    const base = stats.bytes;
    const n = chunk.length;
    stats.bytes += n;
    stats.maxBufferedBytes = Math.max(stats.maxBufferedBytes, itemPartBytes + n);
    let i = 0;
    let textFrom = 0;
    let itemFrom = 0;

    // A UTF-8 byte order mark (Fiddler, some Windows tools) is not part of the JSON.
    while (!bomDone && i < n) {
      const at = base + i;
      if (at === 0 && (chunk[i] === 0xff || chunk[i] === 0xfe)) {
        fail('not a HAR: the file is UTF-16 (a UTF-16 byte order mark), not UTF-8', 0);
      }
      if (chunk[i] !== BOM[at]) {
        if (at > 0) fail('invalid JSON: a broken byte order mark', at);
        bomDone = true;
        break;
      }
      i++;
      if (at === BOM.length - 1) bomDone = true;
    }

    while (i < n) {
      if (tok === T_CAPTURE) {
        if (
          parseItem &&
          guessMisses < MAX_GUESS_MISSES &&
          itemArray === 'entries' &&
          itemParts.length === 0 &&
          i === itemFrom + 1 &&
          capDepth === 1 &&
          !capInString
        ) {
          const guessed = guessEntry(chunk, itemFrom);
          if (guessed) {
            tok = T_NONE;
            stats.items++;
            sink.item({
              array: itemArray,
              index: itemIndex,
              bytes: chunk.subarray(itemFrom, guessed.end),
              value: guessed.value,
              start: itemStart,
              end: base + guessed.end,
            });
            i = guessed.end;
            textFrom = guessed.end;
            valueDone();
            continue;
          }
        }
        const end = scanCapture(chunk, i);
        if (end < 0) break; // the item goes on in the next chunk
        const piece = chunk.subarray(itemFrom, end);
        const bytes =
          itemParts.length === 0
            ? piece
            : joinParts([...itemParts, piece], itemPartBytes + piece.length);
        itemParts = [];
        itemPartBytes = 0;
        tok = T_NONE;
        stats.items++;
        sink.item({ array: itemArray, index: itemIndex, bytes, start: itemStart, end: base + end });
        i = end;
        textFrom = end;
        valueDone();
        continue;
      }
      const c = chunk[i]!;
      if (tok === T_STRING) {
        i++;
        if (strEscape === 1) {
          if (c === 0x75) strEscape = 2;
          else if ('"\\/bfnrt'.includes(String.fromCharCode(c))) strEscape = 0;
          else
            fail(`invalid JSON: bad escape \\${String.fromCharCode(c)} in a string`, base + i - 1);
        } else if (strEscape >= 2) {
          if (!isHex(c)) fail('invalid JSON: \\u needs 4 hex digits', base + i - 1);
          strEscape = strEscape === 5 ? 0 : strEscape + 1;
        } else if (c === QUOTE) {
          tok = T_NONE;
          if (strIsKey) {
            const top = keys.length - 1;
            keys[top] =
              keyBytes.length <= MAX_KEY_BYTES && !keyEscaped
                ? String.fromCharCode(...keyBytes)
                : null;
            state = S_COLON;
          } else {
            valueDone();
          }
        } else if (c === BACKSLASH) {
          strEscape = 1;
          keyEscaped = true; // HAR writers never escape `log` or `entries`
        } else if (c < 0x20) {
          fail(`invalid JSON: unescaped control character ${shown(c)} in a string`, base + i - 1);
        } else if (strIsKey && keyBytes.length <= MAX_KEY_BYTES) {
          keyBytes.push(c);
        }
        continue;
      }
      if (tok === T_NUMBER) {
        if (
          (c >= 0x30 && c <= 0x39) ||
          c === 0x2e ||
          c === 0x65 ||
          c === 0x45 ||
          c === 0x2b ||
          c === 0x2d
        ) {
          numText += String.fromCharCode(c);
          i++;
          continue;
        }
        if (!NUMBER.test(numText))
          fail(`invalid JSON: bad number ${numText.slice(0, 40)}`, tokenStart);
        tok = T_NONE;
        valueDone();
        continue; // the terminator is read again below, by the grammar
      }
      if (tok === T_LITERAL) {
        if (c !== literal.charCodeAt(literalAt)) {
          fail(`invalid JSON: expected ${literal}, found ${shown(c)}`, base + i);
        }
        i++;
        if (++literalAt === literal.length) {
          tok = T_NONE;
          valueDone();
        }
        continue;
      }
      if (isWhitespace(c)) {
        if (state === S_JSONP_NAME) state = S_JSONP_OPEN;
        i++;
        continue;
      }
      const at = base + i;
      // UTF-16 without a byte order mark: every ASCII character comes with a NUL byte.
      if (c === 0 && at < 4 && har) {
        fail('not a HAR: the file is UTF-16 (NUL bytes between its characters), not UTF-8', at);
      }
      switch (state) {
        case S_JSONP_NAME:
          if (isNamePart(c) && (jsonpName ?? '').length < MAX_NAME) {
            jsonpName = `${jsonpName ?? ''}${String.fromCharCode(c)}`;
            i++;
            break;
          }
          state = S_JSONP_OPEN;
          continue; // read again as what follows the name
        case S_JSONP_OPEN: {
          const name = jsonpName ?? '';
          if (c !== 0x28) {
            const literal = JSON_LITERALS[name];
            if (literal) fail(`not a HAR: the file holds ${literal}, not an object with "log"`, 0);
            fail(
              `not a HAR: the file starts with ${JSON.stringify(name.slice(0, 40))}, not JSON (a JSONP .harp file would go on with '(')`,
              at,
            );
          }
          state = S_VALUE;
          i++;
          break;
        }
        case S_JSONP_CLOSE:
          if (c !== 0x29) {
            fail(
              `not a HAR: expected ')' to close ${jsonpName ?? ''}( after the HAR, found ${shown(c)}`,
              at,
            );
          }
          state = S_JSONP_END;
          i++;
          break;
        case S_JSONP_END:
          if (c !== 0x3b) fail(`invalid JSONP: ${shown(c)} after the closing ')'`, at);
          state = S_DONE;
          i++;
          break;
        case S_VALUE:
        case S_FIRST_VALUE_OR_END:
          if (
            har &&
            state === S_VALUE &&
            kinds.length === 0 &&
            jsonpName === null &&
            isNameStart(c)
          ) {
            // The top level starts with a name: JSONP (`onInputData({...});`), or no JSON at all.
            jsonpName = '';
            state = S_JSONP_NAME;
            break;
          }
          if (c === 0x5d && state === S_FIRST_VALUE_OR_END) {
            close(c, at);
            i++;
            break;
          }
          if (startValue(c, at)) {
            tok = T_CAPTURE;
            capDepth = c === QUOTE ? 0 : 1;
            capInString = c === QUOTE;
            capCarry = 0;
            itemStart = at;
            itemFrom = i;
            if (sink.text && i > textFrom) sink.text(chunk.subarray(textFrom, i));
            textFrom = i;
          }
          i++;
          break;
        case S_FIRST_KEY_OR_END:
        case S_KEY:
          if (c === 0x7d && state === S_FIRST_KEY_OR_END) {
            close(c, at);
          } else if (c === QUOTE) {
            tok = T_STRING;
            strIsKey = true;
            strEscape = 0;
            keyBytes = [];
            keyEscaped = false;
            tokenStart = at;
          } else {
            fail(`invalid JSON: expected a property name in double quotes, found ${shown(c)}`, at);
          }
          i++;
          break;
        case S_COLON:
          if (c !== 0x3a)
            fail(`invalid JSON: expected ':' after a property name, found ${shown(c)}`, at);
          state = S_VALUE;
          i++;
          break;
        case S_AFTER_VALUE: {
          const top = kinds.length - 1;
          if (c === 0x2c) {
            if (kinds[top] === 0) {
              state = S_KEY;
            } else {
              indexes[top] = (indexes[top] ?? 0) + 1;
              state = S_VALUE;
            }
          } else if (c === 0x7d || c === 0x5d) {
            close(c, at);
          } else {
            const inObject = kinds[top] === 0;
            fail(
              `invalid JSON: expected ',' or '${inObject ? '}' : ']'}' after a value in ${inObject ? 'an object' : 'an array'}, found ${shown(c)}`,
              at,
            );
          }
          i++;
          break;
        }
        case S_DONE:
          fail(`invalid JSON: ${shown(c)} after the end of the document`, at);
          break;
        default:
          fail('internal: unknown scanner state', at);
      }
    }

    if (tok === T_CAPTURE) {
      // A copy: once feed returns, nothing here points into the chunk, so a reader may reuse it.
      const piece = new Uint8Array(chunk.subarray(itemFrom, n));
      itemParts.push(piece);
      itemPartBytes += piece.length;
      if (itemPartBytes > maxItemBytes) {
        fail(`${path()}[${itemIndex}] is larger than ${maxItemBytes} bytes`, itemStart);
      }
    } else if (sink.text && n > textFrom) {
      sink.text(chunk.subarray(textFrom, n));
    }
  }

  function end(): void {
    const at = stats.bytes;
    if (tok === T_NUMBER) {
      if (!NUMBER.test(numText))
        fail(`invalid JSON: bad number ${numText.slice(0, 40)}`, tokenStart);
      tok = T_NONE;
      valueDone();
    }
    if (tok === T_CAPTURE) {
      fail(
        `truncated: the file ends inside ${path()}[${itemIndex}] (which starts at byte ${itemStart})`,
        at,
      );
    }
    if (tok === T_STRING)
      fail(`truncated: the file ends inside a string (from byte ${tokenStart})`, at);
    if (tok === T_LITERAL) fail(`truncated: the file ends inside ${literal}`, at);
    if (state === S_DONE || state === S_JSONP_END) return;
    if (state === S_JSONP_CLOSE) {
      fail(`truncated: the file ends before the ')' that closes ${jsonpName ?? ''}(`, at);
    }
    if (state === S_JSONP_NAME || state === S_JSONP_OPEN) {
      const literal = JSON_LITERALS[jsonpName ?? ''];
      if (literal) fail(`not a HAR: the file holds ${literal}, not an object with "log"`, 0);
      fail(
        `not a HAR: the file holds only ${JSON.stringify((jsonpName ?? '').slice(0, 40))}, not JSON`,
        at,
      );
    }
    if (kinds.length === 0 && state === S_VALUE) fail('not a HAR: the file is empty', at);
    const where =
      kinds.length === 1 ? 'the top-level object' : `a value nested ${kinds.length} deep`;
    fail(`truncated: the file ends inside ${where}`, at);
  }

  return { feed, end, stats };
}
