/**
 * The bodies of a HAR entry made safe (SPEC §6), the other half of sanitize-entry.ts: secret fields
 * of JSON, form and multipart bodies (`postData.text`, `response.content.text`, base64 too) become
 * `[redacted]`, their values remembered so copies elsewhere in the entry go as well. Pure.
 */
import {
  decodeBase64Lenient,
  isSecretName,
  REDACTED,
  safeDecodeForm as safeDecode,
} from '../analyzer/index.js';
import {
  redactSecretParamsInText,
  remember,
  sanitizeTokensInText,
  type Findings,
} from './secrets.js';

type Json = Record<string, unknown>;
/** HAR entries nest deeper than diagnoses (bodies are JSON in JSON): the walks stop here. */
export const MAX_DEPTH = 512;

function redactJsonFields(value: unknown, found: Findings, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => redactJsonFields(v, found, depth + 1));
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    const secret =
      isSecretName(key) && v !== null && v !== '' && v !== REDACTED && typeof v !== 'boolean';
    if (secret) {
      found.changes.bodyFields++;
      if (typeof v === 'string' || typeof v === 'number') remember(found, String(v));
    }
    Object.defineProperty(out, key, {
      value: secret ? REDACTED : redactJsonFields(v, found, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

const FORM = /^[^\s=&]+=[^\s&]*(?:&[^\s=&]+=[^\s&]*)*\s*$/;
const JSON_FIELD = /("([^"\\]{1,64})"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g;
const MULTIPART_FIELD = /(name="([^"]{1,64})"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n)([^\r\n]*)/g;
const FORM_FIELD = /(^|[\s&;])([A-Za-z0-9_.%-]{1,64})=([^&\s"'<>;]*)/gm;

function redactForm(text: string, found: Findings): string {
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (
        eq <= 0 ||
        value === '' ||
        value === REDACTED ||
        !isSecretName(safeDecode(pair.slice(0, eq)))
      ) {
        return pair;
      }
      found.changes.bodyFields++;
      remember(found, value);
      remember(found, safeDecode(value));
      return `${pair.slice(0, eq)}=${REDACTED}`;
    })
    .join('&');
}

/** A body that is neither JSON nor a form (multipart, broken JSON, text): by pattern. */
function redactBodyPatterns(text: string, found: Findings): string {
  const field = (match: string, prefix: string, name: string, value: string, quoted: boolean) => {
    const bare = quoted && value.startsWith('"') ? value.slice(1, -1) : value;
    if (!isSecretName(name) || bare === '' || bare === REDACTED) return match;
    found.changes.bodyFields++;
    remember(found, bare);
    return `${prefix}${quoted && value.startsWith('"') ? `"${REDACTED}"` : REDACTED}`;
  };
  return text
    .replace(JSON_FIELD, (m, prefix: string, name: string, value: string) =>
      field(m, prefix, name, value, true),
    )
    .replace(MULTIPART_FIELD, (m, prefix: string, name: string, value: string) =>
      field(m, prefix, name, value, false),
    )
    .replace(FORM_FIELD, (m, sep: string, name: string, value: string) =>
      field(m, `${sep}${name}=`, safeDecode(name), value, false),
    );
}

function sanitizeBody(text: string, mimeType: unknown, found: Findings): string {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined) {
      const before = found.changes.bodyFields;
      const redacted = redactJsonFields(parsed, found);
      if (found.changes.bodyFields === before) return text;
      return JSON.stringify(redacted, null, text.includes('\n') ? 2 : undefined);
    }
  }
  const mime = typeof mimeType === 'string' ? mimeType : '';
  if (/x-www-form-urlencoded/i.test(mime) || FORM.test(text.trim())) return redactForm(text, found);
  return redactBodyPatterns(text, found);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.ceil(((bytes.length - i) * 8) / 6);
    for (let c = 0; c < 4; c++) out += c < chars ? B64[(n >> (18 - 6 * c)) & 63] : '=';
  }
  return out;
}

/** `text` of a body: plain, or base64 when it decodes to UTF-8 (binary bodies are left as they are). */
export function sanitizeContent(holder: Json, textKey: string, found: Findings): Json {
  const text = holder[textKey];
  if (typeof text !== 'string' || text === '') return holder;
  if (holder.encoding !== 'base64')
    return { ...holder, [textKey]: sanitizeBody(text, holder.mimeType, found) };
  const bytes = decodeBase64Lenient(text.replace(/\s+/g, ''));
  let decoded: string;
  try {
    if (!bytes) return holder;
    decoded = utf8.decode(bytes);
  } catch {
    return holder;
  }
  // The final string pass cannot see inside base64: run it here.
  const body = redactSecretParamsInText(
    sanitizeTokensInText(sanitizeBody(decoded, holder.mimeType, found), found),
    found,
  );
  return body === decoded
    ? holder
    : { ...holder, [textKey]: base64(new TextEncoder().encode(body)) };
}
