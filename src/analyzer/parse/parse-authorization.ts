/**
 * Reads an `Authorization` value the way a strict API gateway would, and names every way it
 * differs from `Bearer <token>` (guide §1). Also pulls out the token, repaired as far as possible,
 * so the token checks still have something to say when the header is wrong.
 */

export type SchemeProblem =
  | 'empty'
  | 'placeholder' // "undefined", "null", "[object Object]"
  | 'no-scheme' // a raw token
  | 'other-scheme' // Basic, Token, JWT…
  | 'no-space' // "BearereyJ…"
  | 'double-bearer' // "Bearer Bearer …"
  | 'quoted' // Bearer "eyJ…"
  | 'no-token'; // "Bearer" or "Bearer "

export type SchemeWarning =
  | 'lowercase-scheme' // "bearer …": allowed by RFC 7235, refused by some gateways
  | 'extra-spaces'
  | 'trailing-newline';

export interface ParsedAuthorization {
  raw: string;
  /** The scheme as written, or null when there is none. */
  scheme: string | null;
  /** The token the caller meant to send, or null when there is none (e.g. Basic credentials). */
  token: string | null;
  problem: SchemeProblem | null;
  /** For `placeholder`: the literal that was sent. */
  placeholder?: string;
  warnings: SchemeWarning[];
  /**
   * `Bearer <token>` where the token is a strict JWS (three base64url segments, nothing else),
   * found by the same scan that read the header: the decoder need not scan the token again.
   */
  strictJws?: true;
}

const PLACEHOLDERS = ['undefined', 'null', '[object object]', 'nan', 'bearer undefined'];
/** Schemes whose credentials are not bearer tokens: nothing to decode. */
const CREDENTIAL_SCHEMES = [
  'basic',
  'digest',
  'negotiate',
  'ntlm',
  'hoba',
  'mutual',
  'aws4-hmac-sha256',
];
const JWT_START = /^eyJ[A-Za-z0-9_-]/;

function isPlaceholder(text: string): boolean {
  // Placeholders are short: skip lower-casing a whole token.
  return text.length <= 32 && PLACEHOLDERS.includes(text.trim().toLowerCase());
}

/** The common, correct case, read in one scan: `Bearer <token>` with nothing odd in the token. */
const WELL_FORMED = /^Bearer ([^\s"'`]+)$/;
/** The commonest case of all: a well-formed header and a strict JWS (never a placeholder). */
const WELL_FORMED_JWS = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const BEARER_PREFIX = 'Bearer ';

function unquote(text: string): { text: string; quoted: boolean } {
  const m = /^(["'`])(.*)\1$/s.exec(text);
  return m ? { text: m[2] ?? '', quoted: true } : { text, quoted: false };
}

export function parseAuthorization(raw: string): ParsedAuthorization {
  // test, not exec: no match array; the token is what follows `Bearer `.
  if (WELL_FORMED_JWS.test(raw)) {
    const token = raw.slice(BEARER_PREFIX.length);
    return { raw, scheme: 'Bearer', token, problem: null, warnings: [], strictJws: true };
  }
  const fast = WELL_FORMED.exec(raw);
  if (fast) {
    const token = fast[1]!;
    if (!isPlaceholder(token) && !(token.length === 6 && token.toLowerCase() === 'bearer'))
      return { raw, scheme: 'Bearer', token, problem: null, warnings: [] };
  }
  return parseIrregular(raw);
}

/** Everything but the well-formed case: each way the value differs from `Bearer <token>`. */
function parseIrregular(raw: string): ParsedAuthorization {
  const warnings: SchemeWarning[] = [];
  const result = (
    scheme: string | null,
    token: string | null,
    problem: SchemeProblem | null,
    extra: Partial<ParsedAuthorization> = {},
  ): ParsedAuthorization => ({ raw, scheme, token, problem, warnings, ...extra });

  const last = raw.charCodeAt(raw.length - 1);
  if (last === 10 || last === 13) warnings.push('trailing-newline');
  const trimmed = raw.trim();
  if (trimmed === '') return result(null, null, 'empty');
  if (raw !== trimmed && !warnings.includes('trailing-newline')) warnings.push('extra-spaces');

  if (isPlaceholder(trimmed)) {
    return result(null, null, 'placeholder', { placeholder: trimmed });
  }

  const { text: unquotedWhole, quoted: wholeQuoted } = unquote(trimmed);
  const bare = () => result(null, unquotedWhole, wholeQuoted ? 'quoted' : 'no-scheme');
  // A bare JWT: no scheme at all (told before the value is split in words, which copies it).
  if (JWT_START.test(unquotedWhole)) return bare();
  const first = /^(\S+)(\s*)([\s\S]*)$/.exec(unquotedWhole);
  const word = first?.[1] ?? '';
  const gap = first?.[2] ?? '';
  const rest = first?.[3] ?? '';

  // A bare token of another kind: one word that is not `Bearer…`.
  if (gap === '' && !/^bearer/i.test(word)) return bare();

  // "BearereyJ…": the scheme and the token run together.
  if (/^bearer/i.test(word) && word.length > 'bearer'.length && gap === '') {
    return result(word.slice(0, 6), word.slice(6), 'no-space');
  }

  if (word.toLowerCase() !== 'bearer') {
    const credential = CREDENTIAL_SCHEMES.includes(word.toLowerCase());
    return result(word, credential ? null : unquote(rest.trim()).text || null, 'other-scheme');
  }

  if (word !== 'Bearer') warnings.push('lowercase-scheme');
  if (gap.length > 1 && !warnings.includes('extra-spaces')) warnings.push('extra-spaces');

  const afterScheme = rest.trim();
  if (afterScheme === '') return result(word, null, 'no-token');

  const second = /^bearer(\s+|$)/i.exec(afterScheme);
  if (second) {
    const token = unquote(afterScheme.slice(second[0].length).trim()).text;
    return result(word, token || null, 'double-bearer');
  }

  if (isPlaceholder(afterScheme)) {
    return result(word, null, 'placeholder', { placeholder: afterScheme });
  }

  const { text: token, quoted } = unquote(afterScheme);
  if (quoted || wholeQuoted) return result(word, token, 'quoted');
  return result(word, token, null);
}
