/**
 * The rules every string of a HAR goes through, wherever it stands (SPEC §6: "every string of
 * the document"): JWT-shaped runs masked, credential parameters of URLs and `user:password@`
 * redacted (the analyzer's own rules, redact/params.ts), and, in the second pass, every copy of a
 * credential found anywhere in the file replaced.
 */
import {
  decodeBase64Lenient,
  encodeBase64,
  redactSecretParamsInText,
  redactUrlCounted,
  replaceJwtShaped,
  type ReplaceCredential,
} from '../../analyzer/index.js';
import { mapStringTokens, parseJsonTree } from '../json-tree.js';
import { maskCounted, maskWritten, redactRemembered, replaceCredential } from './credentials.js';
import { deeper, MAX_DOCUMENT_DEPTH, type Scope } from './scope.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `text` as base64 of UTF-8 text, or null (binary, or not base64). */
export function decodeBase64Text(text: string): string | null {
  const bytes = decodeBase64Lenient(text.replace(/\s+/g, ''));
  if (!bytes || bytes.length === 0) return null;
  try {
    const decoded = utf8.decode(bytes);
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(decoded) ? null : decoded;
  } catch {
    return null;
  }
}

/** `text`'s UTF-8 in base64, in the alphabet and padding style of `like`. */
export function encodeBase64Like(text: string, like: string): string {
  const url = /[-_]/.test(like) && !/[+/]/.test(like);
  return encodeBase64(new TextEncoder().encode(text), { url, pad: like.trimEnd().endsWith('=') });
}

/**
 * A JWT payload is kept (SPEC §6), but a claim may carry another token or a URL with a
 * credential: those are replaced inside and the payload encoded again, as a report does.
 */
function rewritePayload(segment: string, scope: Scope): string {
  if (scope.depth >= MAX_DOCUMENT_DEPTH) return segment;
  const decoded = decodeBase64Text(segment);
  if (decoded === null || !/eyJ|=|@/.test(decoded)) return segment;
  let tree;
  try {
    tree = parseJsonTree(decoded);
  } catch {
    return segment;
  }
  const out = deeper(scope, (s) =>
    mapStringTokens(decoded, tree, (value) => redactParams(maskTokensInText(value, s), s)),
  );
  return out === decoded ? segment : encodeBase64Like(out, segment);
}

/** Every JWT-shaped run masked (header and payload kept, the signature replaced). */
export function maskTokensInText(text: string, scope: Scope): string {
  if (!text.includes('eyJ')) return text;
  return replaceJwtShaped(text, (run) => {
    const masked = run.includes('%') ? maskWritten(run, scope) : maskCounted(run, scope);
    const parts = masked.split('.');
    if (masked === run || parts.length !== 3) return masked;
    const payload = rewritePayload(parts[1]!, scope);
    return payload === parts[1] ? masked : `${parts[0]}.${payload}.${parts[2]}`;
  });
}

function replacer(scope: Scope): ReplaceCredential {
  return (value, name) => {
    // `user:password@`: the password alone is a credential too (copied into a form, a body).
    const colon = name === 'userinfo' ? value.indexOf(':') : -1;
    if (colon >= 0) redactRemembered(value.slice(colon + 1), scope);
    const out = replaceCredential(value, scope, true);
    if (out !== value) scope.changes.queryParams++;
    return out;
  };
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\/\S*$/i;

/** Credential parameters and userinfo: in a URL by its structure, in other text by pattern. */
export function redactParams(text: string, scope: Scope): string {
  if (ABSOLUTE_URL.test(text)) return redactUrlCounted(text, replacer(scope)).url;
  if (!text.includes('=') && !text.includes('@')) return text;
  return redactSecretParamsInText(text, replacer(scope));
}

/** URLs inside JavaScript: the code around them is never touched (SPEC §6). */
const URL_IN_CODE = /(?:https?:)?\/\/[^\s"'`<>\\()]+/g;

export function redactUrlsInCode(text: string, scope: Scope): string {
  if (!text.includes('//') || (!text.includes('=') && !text.includes('@'))) return text;
  return text.replace(URL_IN_CODE, (url) => redactUrlCounted(url, replacer(scope)).url);
}

export function replaceCopies(text: string, scope: Scope): string {
  return scope.copies ? scope.vault.replaceCopies(text, () => scope.changes.elsewhere++) : text;
}

/** The rules for one string of no particular kind (a header, a URL, a custom field, a key). */
export function sanitizeString(text: string, scope: Scope): string {
  return replaceCopies(redactParams(maskTokensInText(text, scope), scope), scope);
}
