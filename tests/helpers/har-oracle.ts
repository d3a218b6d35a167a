/**
 * An independent reading of the credentials in a HAR, for the sanitizer's tests (written apart
 * from src/analyzer/redact on purpose: a test that asked the product what a credential is could
 * not catch the product forgetting one). What it calls a credential is SPEC §6's list:
 * Authorization-like header values (without the scheme word), cookie values (`Cookie`, the first
 * pair of each `Set-Cookie` line, `cookies[].value`), the values of credential-named query,
 * fragment, form and JSON members, userinfo, and the secret parts of every JWT in the file.
 */

const SECRET_PARAM = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'token',
  'code',
  'client_secret',
  'client_assertion',
  'assertion',
  'code_verifier',
  'password',
  'passwd',
  'pwd',
  'secret',
  'api_key',
  'apikey',
  'x_api_key',
  'sig',
  'signature',
  'session',
  'session_id',
  'sessionid',
  'private_key',
  'secret_key',
  'authorization',
]);
const SECRET_SUFFIX =
  /(?:_token|_secret|_password|_api_key|_private_key|_secret_key|secretkey|privatekey|accesstoken|apikey)$/;
const CREDENTIAL_HEADER =
  /^(?:authorization|proxy-authorization|authorisation|x-authorization|x-api-key|x-goog-api-key|api-key|x-csrf-token|x-xsrf-token|x-auth-token|x-access-token|x-amz-security-token|csrfdesignertoken|x-jwt|token|jwt)$/i;
const SCHEME = /^(?:bearer|basic|digest|token|jwt|negotiate|ntlm)$/i;

const snake = (name: string) =>
  name
    .replace(/\[\]$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[-.\s]+/g, '_');

export function isCredentialName(name: string, json = false): boolean {
  const n = snake(name);
  return (
    (SECRET_PARAM.has(n) || SECRET_SUFFIX.test(n) || (!json && n === 'key')) && n !== 'token_type'
  );
}

/** Cookies hold words and paths too (`_tap_path=/rum.gif`): those are no secret to look for elsewhere. */
function isRandomCookie(value: string): boolean {
  return value.length >= 8 && !value.startsWith('/') && !/^[a-z]+$/.test(value);
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

export interface Credentials {
  /** Every credential value found where the HAR names one (any length). */
  all: Set<string>;
  /** The ones long enough and random enough that a copy anywhere is a leak. */
  searchable: Set<string>;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function credentialsOf(har: unknown, rawText: string): Credentials {
  const all = new Set<string>();
  const searchable = new Set<string>();
  const add = (value: string, cookie = false) => {
    const v = value.trim();
    if (v === '' || v === '[redacted]') return;
    all.add(v);
    if (v.length >= 6 && (!cookie || isRandomCookie(v))) searchable.add(v);
  };
  const params = (query: string) => {
    for (const pair of query.split(/[&;]/)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && isCredentialName(decode(pair.slice(0, eq)))) add(decode(pair.slice(eq + 1)));
    }
  };
  const url = (u: string) => {
    const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(u);
    if (m?.[1]) add(decode(m[1]));
    const q = u.indexOf('?');
    if (q >= 0) params(u.slice(q + 1).split('#')[0]!);
    const h = u.indexOf('#');
    if (h >= 0) params(u.slice(h + 1));
  };
  const json = (value: unknown) => {
    const stack = [value];
    while (stack.length > 0) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...v);
      else if (isObj(v)) {
        for (const [k, x] of Object.entries(v)) {
          if (typeof x === 'string' && isCredentialName(k, true)) add(x);
          else stack.push(x);
        }
      }
    }
  };
  const body = (holder: unknown) => {
    if (!isObj(holder) || typeof holder.text !== 'string') return;
    const text =
      holder.encoding === 'base64'
        ? Buffer.from(holder.text, 'base64').toString('utf8')
        : holder.text;
    try {
      json(JSON.parse(text));
    } catch {
      if (/^[^\s=&]+=[^\s&]*(&[^\s=&]+=[^\s&]*)*$/.test(text.trim())) params(text.trim());
      // `name: value` / `name=value` in text (YAML, `dynamic-token:…`).
      for (const m of text.matchAll(/(?:^|\s)([A-Za-z][\w.-]*)\s*[:=]\s*([^\s"',;]+)/g)) {
        if (isCredentialName(m[1]!, true) && !m[2]!.startsWith('//')) add(m[2]!);
      }
    }
  };
  const headerValues = (h: unknown): string[] =>
    isObj(h)
      ? (Array.isArray(h.value) ? h.value : [h.value]).filter(
          (v): v is string => typeof v === 'string',
        )
      : [];

  const log = isObj(har) && isObj(har.log) ? har.log : {};
  for (const entry of Array.isArray(log.entries) ? log.entries : []) {
    if (!isObj(entry)) continue;
    for (const side of [entry.request, entry.response]) {
      if (!isObj(side)) continue;
      for (const h of Array.isArray(side.headers) ? side.headers : []) {
        const name = isObj(h) && typeof h.name === 'string' ? h.name.toLowerCase() : '';
        for (const value of headerValues(h)) {
          if (name === 'cookie')
            for (const p of value.split(';')) add(p.slice(p.indexOf('=') + 1), true);
          else if (name === 'set-cookie')
            for (const line of value.split('\n'))
              add(line.split(';')[0]!.slice(line.indexOf('=') + 1), true);
          else if (CREDENTIAL_HEADER.test(name))
            for (const word of value.split(/\s+/))
              if (!SCHEME.test(word)) add(word);
              else if (name === ':path' || name === 'referer' || name === 'location')
                url(`https://x${value.startsWith('/') ? '' : '/'}${value}`);
        }
      }
      for (const c of Array.isArray(side.cookies) ? side.cookies : []) {
        if (isObj(c) && typeof c.value === 'string') add(c.value, true);
      }
      for (const q of Array.isArray(side.queryString) ? side.queryString : []) {
        if (
          isObj(q) &&
          typeof q.name === 'string' &&
          typeof q.value === 'string' &&
          isCredentialName(q.name)
        )
          add(q.value);
      }
      if (typeof side.url === 'string') url(side.url);
      if (typeof side.redirectURL === 'string') url(side.redirectURL);
      body(side.postData);
      body(side.content);
      const post = side.postData;
      if (isObj(post) && Array.isArray(post.params)) {
        for (const p of post.params) {
          if (
            isObj(p) &&
            typeof p.name === 'string' &&
            typeof p.value === 'string' &&
            isCredentialName(p.name)
          )
            add(p.value);
        }
      }
    }
  }
  // The secret parts of every JWT anywhere in the file: a JWS's signature, a JWE's segments.
  for (const m of rawText.matchAll(/eyJ[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,4}/g)) {
    const parts = m[0].split('.');
    for (const part of parts.length === 3 ? parts.slice(2) : parts.slice(1)) add(part);
  }
  return { all, searchable };
}

/** Where `value` still stands in `text`: as written, JSON-escaped or percent-encoded. */
export function survives(text: string, value: string): boolean {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]);
  return [...forms].some((f) => text.includes(f));
}
