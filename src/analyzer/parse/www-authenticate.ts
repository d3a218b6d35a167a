/**
 * A `WWW-Authenticate` parser (RFC 7235 §4.1 syntax, RFC 6750 §3 Bearer parameters).
 * Tolerant: a malformed value yields what could be read, never an exception.
 */
import type { WwwAuthenticateChallenge } from '../types.js';

/** RFC 6750 §3.1 error codes, explained for a developer. */
export const BEARER_ERRORS: Readonly<Record<string, string>> = {
  invalid_request:
    'the request is malformed: a missing or repeated parameter, or an Authorization header the server could not parse',
  invalid_token:
    'the access token is expired, revoked, malformed or invalid for this API (audience, issuer or signature)',
  insufficient_scope: 'the token is valid but lacks the scope this call needs',
};

/** RFC 7230 tchar, as a lookup table by char code (a regex per character is slow). */
/** What an RFC 6750 error code means, or null for any other code (own properties only: page data). */
export function bearerErrorMeaning(code: string): string | null {
  return Object.hasOwn(BEARER_ERRORS, code) ? (BEARER_ERRORS[code] ?? null) : null;
}

const TOKEN_CHAR = (() => {
  const table = new Uint8Array(128);
  for (const c of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
    table[c.charCodeAt(0)] = 1;
  }
  return table;
})();
const isTokenChar = (code: number) => code < 128 && TOKEN_CHAR[code] === 1;

class Reader {
  pos = 0;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  skipSpaces(): void {
    for (let c = this.text.charCodeAt(this.pos); c === 0x20 || c === 0x09;) {
      c = this.text.charCodeAt(++this.pos);
    }
  }
  skipSpacesAndCommas(): void {
    for (let c = this.text.charCodeAt(this.pos); c === 0x20 || c === 0x09 || c === 0x2c;) {
      c = this.text.charCodeAt(++this.pos);
    }
  }
  token(): string {
    const start = this.pos;
    while (!this.done && isTokenChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }
  /** A quoted-string with backslash escapes; tolerates a missing closing quote. */
  quoted(): string {
    this.pos++; // opening quote
    const end = this.text.indexOf('"', this.pos);
    const backslash = this.text.indexOf('\\', this.pos);
    if (end >= 0 && (backslash < 0 || backslash > end)) {
      // No escape before the closing quote: the text between the quotes, in one piece.
      const out = this.text.slice(this.pos, end);
      this.pos = end + 1;
      return out;
    }
    let out = '';
    while (!this.done && this.text[this.pos] !== '"') {
      if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) this.pos++;
      out += this.text[this.pos++];
    }
    this.pos++; // closing quote
    return out;
  }
  peek(): string | undefined {
    return this.text[this.pos];
  }
}

/** Defines an own property, so a hostile `__proto__` parameter stays a plain string value. */
function setOwn(target: Record<string, string>, key: string, value: string): void {
  if (key !== '__proto__') target[key] = value;
  else
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/**
 * The parameters servers send, as the source's own strings: a name sliced from the header and
 * stored as a key is looked up in V8's string table on every store; one of these is not.
 */
const KNOWN_PARAMS: ReadonlyMap<string, string> = new Map(
  ['realm', 'error', 'error_description', 'error_uri', 'scope', 'resource_metadata'].map((name) => [
    name,
    name,
  ]),
);

/** A parameter's name as a key: lower case (RFC 7235 §2.1: names are case-insensitive). */
function paramKey(name: string): string {
  // The usual name as sent (lower case already): found without lower-casing or hashing it.
  switch (name) {
    case 'realm':
      return 'realm';
    case 'error':
      return 'error';
    case 'error_description':
      return 'error_description';
  }
  const lower = name.toLowerCase();
  return KNOWN_PARAMS.get(lower) ?? lower;
}

const TOKEN68_CHAR = (() => {
  const table = new Uint8Array(128);
  for (const c of '-._~+/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') {
    table[c.charCodeAt(0)] = 1;
  }
  return table;
})();

/**
 * The length of the token68 (RFC 7235 §2.1) at `at`, or 0: what the sticky
 * `/[A-Za-z0-9\-._~+/]+=*(?=[ \t]*(,|$))/y` matches there, by char codes. Backtracking never
 * helps that pattern (giving back a character leaves a token68 character or `=` before the
 * look-ahead, which wants a space, a comma or the end), so the longest run is the only candidate.
 */
function token68Length(text: string, at: number): number {
  let end = at;
  for (let c = text.charCodeAt(end); c < 128 && TOKEN68_CHAR[c] === 1;) c = text.charCodeAt(++end);
  if (end === at) return 0;
  while (text.charCodeAt(end) === 0x3d) end++;
  let next = end;
  for (let c = text.charCodeAt(next); c === 0x20 || c === 0x09;) c = text.charCodeAt(++next);
  return next >= text.length || text.charCodeAt(next) === 0x2c ? end - at : 0;
}

export function parseWwwAuthenticate(value: string): WwwAuthenticateChallenge[] {
  const challenges: WwwAuthenticateChallenge[] = [];
  const r = new Reader(value);
  let current: WwwAuthenticateChallenge | null = null;

  while (!r.done) {
    r.skipSpacesAndCommas();
    const start = r.pos;
    const name = r.token();
    if (!name) {
      r.pos++; // an unexpected character: skip it
      continue;
    }
    r.skipSpaces();
    if (r.peek() === '=' && current) {
      // name=value, or a token68 ending in '='.
      r.pos++;
      r.skipSpaces();
      const v = r.peek() === '"' ? r.quoted() : r.token();
      setOwn(current.params, paramKey(name), v);
      continue;
    }
    if (r.peek() === '=' && !current) {
      // A parameter before any scheme: not valid; keep it under an unnamed challenge.
      current = { scheme: '', params: {} };
      challenges.push(current);
      r.pos = start;
      continue;
    }
    // A new challenge: the scheme, then maybe a token68 (e.g. `Negotiate abc==`).
    current = { scheme: name, params: {} };
    challenges.push(current);
    const token68 = token68Length(value, r.pos);
    if (token68 > 0) {
      setOwn(current.params, 'token68', value.slice(r.pos, r.pos + token68));
      r.pos += token68;
    }
  }
  return challenges;
}

/** The Bearer challenge of a `WWW-Authenticate` value, if any. */
export function findBearerChallenge(
  challenges: readonly WwwAuthenticateChallenge[],
): WwwAuthenticateChallenge | undefined {
  return challenges.find((c) => c.scheme.toLowerCase() === 'bearer');
}
