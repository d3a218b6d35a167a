/**
 * A string that may be a document of its own (SPEC §6: bodies, base64 bodies, JSON inside JSON
 * strings): read as what it is, its credentials replaced where they stand, and everything else
 * kept as written. JSON is walked member by member (tree.ts) and spliced, never re-serialized; a
 * form keeps its order and encoding; JavaScript is never rewritten (only the URLs in it are
 * scrubbed, and credentials found elsewhere removed); base64 is decoded, sanitized and encoded
 * again in the same alphabet only when something changed.
 */
import {
  isSecretMember,
  mayNameSecret,
  redactFormText,
  type ReplaceCredential,
} from '../../analyzer/index.js';
import { JsonTreeError, parseJsonTree, type JsonNode } from '../json-tree.js';
import { replaceCredential } from './credentials.js';
import { deeper, MAX_DOCUMENT_DEPTH, type Scope } from './scope.js';
import {
  decodeBase64Text,
  encodeBase64Like,
  maskTokensInText,
  redactParams,
  redactUrlsInCode,
  replaceCopies,
  sanitizeString,
} from './text.js';
import { sanitizeTree, type DocumentHints } from './tree.js';

function fieldReplacer(scope: Scope): ReplaceCredential {
  return (value) => {
    const out = replaceCredential(value, scope, true);
    if (out !== value) scope.changes.bodyFields++;
    return out;
  };
}

const BASE64_SNIFF = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** Worth walking besides a secret name: an escape that may hide one, base64 or JSON inside. */
const WALK_JSON = /\\[u/]|"[A-Za-z0-9+/_-]{16,}={0,2}"|"[{[]/;

function isJson(text: string): boolean {
  try {
    parseJsonTree(text);
    return true;
  } catch (error) {
    if (error instanceof JsonTreeError) return false;
    throw error;
  }
}

/**
 * A JSON document (or what starts like one). When nothing in it can be named a credential (no
 * secret name, no escape hiding one, no base64 or JSON inside), its tokens, userinfo and copies
 * are replaced in the text as a whole, without reading it member by member; else it is walked.
 * Null: it is no JSON after all.
 */
function sanitizeJson(text: string, scope: Scope): string | null {
  if (!mayNameSecret(text) && !WALK_JSON.test(text)) {
    const out = replaceCopies(redactParams(maskTokensInText(text, scope), scope), scope);
    if (out === text || isJson(out)) return out;
  }
  let tree: JsonNode;
  try {
    tree = parseJsonTree(text);
  } catch (error) {
    if (error instanceof JsonTreeError) return null;
    throw error;
  }
  return deeper(scope, (s) => sanitizeTree(text, tree, 'any', s, sanitizeDocument));
}

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/)\S*$/i;
const FORM = /^[^\s=&]+=[^\s&]*(?:&[^\s=&]+=[^\s&]*)*\s*$/;
const MULTIPART_FIELD = /(name="([^"]{1,64})"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n)([^\r\n]*)/g;
/** `"password": "x"` in broken JSON, `password: x` / `token=x` in text and YAML, `<password>x</password>`. */
const JSON_FIELD = /("([^"\\]{1,64})"\s*:\s*")((?:[^"\\]|\\.)*)"/g;
const TEXT_FIELD =
  /(^|[\s{,;(])([A-Za-z][A-Za-z0-9_.-]{0,63})(\s*[:=]\s*)([^\s"'`,;<>&()[\]{}]+)/gm;
const XML_FIELD = /<([A-Za-z][A-Za-z0-9_.:-]{0,63})>([^<]{1,4096})<\/\1>/g;

function redactFields(text: string, scope: Scope): string {
  if (!mayNameSecret(text)) return text;
  const replace = fieldReplacer(scope);
  // Named as JSON members are (`key` is any key here, not Google's API key).
  const secret = (name: string, value: string) => isSecretMember(name, value, 'json');
  return text
    .replace(JSON_FIELD, (m, head: string, name: string, value: string) =>
      secret(name, value) ? `${head}${replace(value, name)}"` : m,
    )
    .replace(MULTIPART_FIELD, (m, head: string, name: string, value: string) =>
      secret(name, value) ? `${head}${replace(value, name)}` : m,
    )
    .replace(XML_FIELD, (m, name: string, value: string) =>
      // Not HTML's `<code>`: a tag named like a credential holds one (`<password>`, `<AccessToken>`).
      name.toLowerCase() !== 'code' && secret(name, value)
        ? `<${name}>${replace(value, name)}</${name}>`
        : m,
    )
    .replace(TEXT_FIELD, (m, sep: string, name: string, op: string, value: string) =>
      secret(name, value) && !value.startsWith('//')
        ? `${sep}${name}${op}${replace(value, name)}`
        : m,
    );
}

/** The sanitized text of one string that may be a document (`hints` from the HAR, if any). */
export function sanitizeDocument(text: string, hints: DocumentHints, scope: Scope): string {
  if (text === '' || scope.depth >= MAX_DOCUMENT_DEPTH) return sanitizeString(text, scope);
  const mime = hints.mime.toLowerCase();
  if (hints.base64 || (text.length >= 16 && BASE64_SNIFF.test(text))) {
    const decoded = decodeBase64Text(text);
    if (decoded === null)
      return hints.base64 ? replaceCopies(text, scope) : sanitizeString(text, scope);
    const out = deeper(scope, (s) => sanitizeDocument(decoded, { mime, base64: false }, s));
    return out === decoded ? replaceCopies(text, scope) : encodeBase64Like(out, text);
  }
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[') {
    const json = sanitizeJson(text, scope);
    if (json !== null) return json;
  }
  // A URL (absolute, or a path with a query) is no form, even though it holds `=` and `&`.
  if (URL_LIKE.test(text)) return sanitizeString(text, scope);
  if (/javascript|ecmascript|jscript/.test(mime)) {
    return replaceCopies(redactUrlsInCode(maskTokensInText(text, scope), scope), scope);
  }
  if (mime.includes('x-www-form-urlencoded') || FORM.test(text)) {
    return sanitizeString(redactFormText(text, fieldReplacer(scope)), scope);
  }
  return sanitizeString(redactFields(text, scope), scope);
}
