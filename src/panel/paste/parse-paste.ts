/**
 * Paste mode (panel): a token, an `Authorization:` line, raw request headers or a curl command
 * (as DevTools' "Copy as cURL" writes it, bash or cmd) → the parts of a CapturedRequest.
 * Pure; never throws.
 */
import type { HttpHeader } from '../../analyzer/index.js';
import { cmdWords, shellWords } from './shell-words.js';

export { cmdWords, shellWords };

export interface PastedRequest {
  kind: 'token' | 'header' | 'headers' | 'curl' | 'empty';
  url: string | null;
  method: string | null;
  requestHeaders: HttpHeader[];
  /** The token as pasted, when one was found (paste mode may include it in an export). */
  token: string | null;
}

function headerLine(line: string): HttpHeader | null {
  const m = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*:\s?(.*)$/s.exec(line);
  return m ? { name: m[1]!, value: m[2]! } : null;
}

function tokenOf(headers: HttpHeader[]): string | null {
  const auth = headers.find((h) => /^(authori[sz]ation|x-authori[sz]ation)$/i.test(h.name));
  if (!auth) return null;
  const m = /^\s*(?:bearer\s+)*(\S+)\s*$/i.exec(auth.value);
  return m?.[1] ?? null;
}

/** Short options whose value may be attached (`-XPOST`, `-H'…'`) or the next word. */
const SHORT_WITH_VALUE = new Set('HXduFAbcCDeEKmoPrTUwxyYz');
/** Long options that take a value: their value is never the URL. */
const LONG_WITH_VALUE = new Set(
  (
    'header request data data-raw data-binary data-ascii data-urlencode json form form-string ' +
    'user url oauth2-bearer user-agent cookie cookie-jar referer output output-dir max-time ' +
    'connect-timeout proxy proxy-user cert key cacert capath config range upload-file write-out ' +
    'resolve connect-to retry retry-delay retry-max-time max-redirs limit-rate interface ' +
    'continue-at dump-header time-cond unix-socket aws-sigv4 netrc-file stderr trace trace-ascii'
  )
    .split(' ')
    .map((name) => `--${name}`),
);
const DATA_OPTIONS = /^(-d|-F|--data(-raw|-binary|-ascii|-urlencode)?|--json|--form(-string)?)$/;

function parseCurl(words: string[]): PastedRequest {
  const headers: HttpHeader[] = [];
  let url: string | null = null;
  let method: string | null = null;
  let hasData = false;
  let head = false;
  let get = false;
  for (let i = 1; i < words.length; i++) {
    let option = words[i]!;
    let value: string | undefined;
    const attached = /^-([A-Za-z])(.+)$/s.exec(option);
    if (attached && SHORT_WITH_VALUE.has(attached[1]!)) {
      option = `-${attached[1]}`;
      value = attached[2];
    } else if (
      (/^-[A-Za-z]$/.test(option) && SHORT_WITH_VALUE.has(option[1]!)) ||
      LONG_WITH_VALUE.has(option)
    ) {
      value = words[++i];
    }

    if (!option.startsWith('-')) url ??= option;
    else if (option === '-I' || option === '--head') head = true;
    else if (option === '-G' || option === '--get') get = true;
    else if (value === undefined) continue;
    else if (option === '-H' || option === '--header') {
      // Chrome writes a header sent with an empty value as `name;`.
      const empty = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+);$/.exec(value);
      const h = empty ? { name: empty[1]!, value: '' } : headerLine(value);
      if (h) headers.push(h);
    } else if (option === '-X' || option === '--request') method = value.toUpperCase();
    else if (DATA_OPTIONS.test(option)) hasData = true;
    else if (option === '-u' || option === '--user') {
      headers.push({ name: 'Authorization', value: 'Basic [from curl -u]' });
    } else if (option === '--oauth2-bearer') {
      headers.push({ name: 'Authorization', value: `Bearer ${value}` });
    } else if (option === '--url') url ??= value;
  }
  return {
    kind: 'curl',
    url,
    method: method ?? (head ? 'HEAD' : hasData && !get ? 'POST' : 'GET'),
    requestHeaders: headers,
    token: tokenOf(headers),
  };
}

const REQUEST_LINE = /^([A-Z]+)\s+(\S+)\s+HTTP\/[\d.]+$/;
/** The HTTP/2 pseudo-headers Chrome lists among raw request headers. */
const PSEUDO_HEADER = /^:(authority|method|path|scheme)\s*:\s?(.*)$/;
type PseudoName = 'authority' | 'method' | 'path' | 'scheme';

/** Raw request headers (with or without a request line), or null when a line is no header. */
function parseHeaderBlock(text: string): PastedRequest | null {
  const all = text.split(/\r?\n/).map((l) => l.trim());
  const requestLine = REQUEST_LINE.exec(all[0] ?? '');
  // After a request line, the headers end at the blank line before the body.
  const end = requestLine ? all.indexOf('', 1) : -1;
  const lines = requestLine ? all.slice(1, end < 0 ? undefined : end) : all.filter(Boolean);
  const pseudo: Partial<Record<PseudoName, string>> = {};
  const headers: HttpHeader[] = [];
  for (const line of lines) {
    const p = PSEUDO_HEADER.exec(line);
    if (p) pseudo[p[1] as PseudoName] = p[2]!;
    else {
      const h = headerLine(line);
      if (!h) return null;
      headers.push(h);
    }
  }
  const hasPseudo = Object.keys(pseudo).length > 0;
  if (!requestLine && !hasPseudo && headers.length === 0) return null;
  const host = pseudo.authority ?? headers.find((h) => h.name.toLowerCase() === 'host')?.value;
  const path = requestLine?.[2] ?? pseudo.path;
  const url =
    path && /^https?:\/\//i.test(path)
      ? path
      : path && host
        ? `${pseudo.scheme ?? 'https'}://${host}${path}`
        : null;
  return {
    kind: headers.length === 1 && !requestLine && !hasPseudo ? 'header' : 'headers',
    url,
    method: requestLine?.[1] ?? pseudo.method ?? null,
    requestHeaders: headers.filter((h) => h.name.toLowerCase() !== 'host'),
    token: tokenOf(headers),
  };
}

export function parsePaste(text: string): PastedRequest {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { kind: 'empty', url: null, method: null, requestHeaders: [], token: null };
  }
  if (/^curl(\.exe)?\s/i.test(trimmed)) {
    const cmd = /^curl(\.exe)?\s+\^"/i.test(trimmed) || /\^\r?\n/.test(trimmed);
    return parseCurl(cmd ? cmdWords(trimmed) : shellWords(trimmed));
  }
  const block = parseHeaderBlock(trimmed);
  if (block) return block;
  // A header value without its name ("Bearer eyJ…", "Basic …"): the Authorization value as pasted.
  if (!/[\r\n]/.test(trimmed) && /^[A-Za-z]+\s+\S/.test(trimmed)) {
    const headers = [{ name: 'Authorization', value: trimmed }];
    return {
      kind: 'header',
      url: null,
      method: null,
      requestHeaders: headers,
      token: tokenOf(headers),
    };
  }
  // Anything else is the token itself (as it would be sent after `Bearer `).
  return {
    kind: 'token',
    url: null,
    method: null,
    requestHeaders: [{ name: 'Authorization', value: `Bearer ${trimmed}` }],
    token: trimmed,
  };
}
