/**
 * The sanitizer's promise as properties (issue 11, SPEC §6), on random HARs: credentials of
 * every kind planted where the HAR names them, at random depth, in every encoding the sanitizer
 * reads (as written, percent-encoded in a nested URL, JSON inside a JSON string, base64 bodies)
 * and copied into random places of other entries, never survive; nothing that is not a
 * credential changes (look-alikes included: `token_type`, `"key": "mit"`, Set-Cookie attributes,
 * `x-…-secret-outcome`, `Sec-WebSocket-Key`, an error `code`); the result diagnoses as the input
 * did, and sanitizing it again changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import { capturedFromHarEntry } from '../../../src/har/entry.js';
import { sanitizeItems, type HarItem } from '../../../src/har/sanitize/engine.js';

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const secret = fc.stringMatching(/^[A-Za-z0-9]{14,24}$/).map((s) => `Qx${s}`);
const signature = fc.stringMatching(/^[A-Za-z0-9_-]{43,90}$/).map((s) => `Zs${s}`);
const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'epsilon', 'omega');

/** The credential kinds planted, each where a HAR names it. */
const KINDS = [
  'jwt-authorization',
  'opaque-authorization',
  'basic',
  'api-key-header',
  'cookie',
  'set-cookie',
  'query',
  'fragment',
  'form',
  'json-member',
  'userinfo',
  'jwe',
  'jwt-anywhere',
  'multipart',
  'text-field',
] as const;
type Kind = (typeof KINDS)[number];

/** Where a copy of a credential goes, and how it is written there. */
const COPY_PLACES = ['query', 'body', 'comment', 'custom', 'header', 'websocket', 'page'] as const;
const ENCODINGS = ['raw', 'percent', 'json-in-json', 'base64-body', 'nested-url'] as const;

const QUERY_NAMES = [
  'access_token',
  'refresh_token',
  'client_secret',
  'api_key',
  'password',
  'sig',
  'code',
  'id_token',
  'access_token[]',
  'clientSecret',
  'X-Api-Key',
];
const MEMBER_NAMES = [
  'password',
  'Authorization',
  'privateKey',
  'secretKey',
  'refresh_token',
  'client_secret',
  'apiKey',
  'session',
];

const plant = fc.record({
  kind: fc.constantFrom(...KINDS),
  value: secret,
  signature,
  queryName: fc.constantFrom(...QUERY_NAMES),
  memberName: fc.constantFrom(...MEMBER_NAMES),
  entry: fc.nat(3),
  depth: fc.nat(12),
  encoding: fc.constantFrom(...ENCODINGS),
  copies: fc.array(
    fc.record({
      place: fc.constantFrom(...COPY_PLACES),
      encoding: fc.constantFrom(...ENCODINGS),
      entry: fc.nat(3),
    }),
    { maxLength: 3 },
  ),
});

const decoys = fc.record({
  words: fc.array(word, { minLength: 1, maxLength: 4 }),
  number: fc.integer({ min: 0, max: 99_999 }),
});

type Json = Record<string, unknown>;
interface Header {
  name: string;
  value: string;
}

const IAT = 1_793_534_400;
function jwt(sig: string): string {
  const claims = {
    iss: 'https://acme-org.us.auth0.com/',
    sub: 'auth0|p',
    aud: 'https://api.rhythmsoftware.com',
    iat: IAT,
    exp: IAT + 86_400,
    'http://rhythmsoftware.com/tenant_id': 'acme.org',
    'http://rhythmsoftware.com/customer_id': 'c1',
    'http://rhythmsoftware.com/contact_id': 'C1',
  };
  return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.${sig}`;
}

function nest(value: unknown, depth: number): unknown {
  let out = value;
  for (let i = 0; i < depth; i++) out = i % 2 ? [out] : { [`n${i}`]: out };
  return out;
}

/** A Rhythm 401 entry, Chrome-like or not, with the decoys every entry carries. */
function entry(
  i: number,
  d: { words: string[]; number: number },
  chrome: boolean,
): Json & { request: Json & { headers: Header[] }; response: Json & { headers: Header[] } } {
  const path = `/contacts/acme.org/current?page=${d.number}&token_type=Bearer`;
  return {
    startedDateTime: new Date((IAT + 3600 + i) * 1000).toISOString(),
    _decoy: { key: 'mit', code: 'invalid_user_password', note: d.words.join(' ') },
    request: {
      method: 'GET',
      url: `https://rolodex.api.rhythmsoftware.com${path}`,
      headers: [
        ...(chrome
          ? [
              { name: ':authority', value: 'rolodex.api.rhythmsoftware.com' },
              { name: ':path', value: path },
            ]
          : []),
        { name: 'Accept', value: 'application/json' },
        { name: 'Sec-WebSocket-Key', value: 'dGhlIHNhbXBsZSBub25jZQ==' },
        { name: 'Auth0-Client', value: b64url({ name: 'auth0.js', version: '9.23.0' }) },
      ],
      queryString: [
        { name: 'page', value: String(d.number) },
        { name: 'token_type', value: 'Bearer' },
      ],
      cookies: [],
    },
    response: {
      status: 401,
      headers: [
        { name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' },
        { name: 'x-slack-shared-secret-outcome', value: 'no-match' },
        {
          name: 'Set-Cookie',
          value: `lang=en; Domain=.rhythmsoftware.com; Path=/; Max-Age=${d.number}; Secure`,
        },
      ],
      cookies: [],
      content: {
        mimeType: 'application/json',
        text: JSON.stringify({
          message: d.words.join(' '),
          key: 'mit',
          token_type: 'Bearer',
          expires_in: d.number,
        }),
      },
    },
  };
}

function encode(value: string, encoding: (typeof ENCODINGS)[number]): string {
  switch (encoding) {
    case 'percent':
      return encodeURIComponent(`${value}/`);
    case 'json-in-json':
      return JSON.stringify(JSON.stringify({ echo: value }));
    case 'nested-url':
      return encodeURIComponent(`https://app.example/cb?note=${value}`);
    default:
      return value;
  }
}

interface Built {
  har: { log: Json & { entries: ReturnType<typeof entry>[]; pages: Json[] } };
  /** The planted credentials: none may survive. */
  secrets: string[];
}

function build(plants: Plant[], d: { words: string[]; number: number }, chrome: boolean): Built {
  const entries = [0, 1, 2, 3].map((i) => entry(i, d, chrome));
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'property', version: '1' },
      comment: 'exported',
      pages: [{ id: 'p', title: 'https://portal.acme.org/' }],
      entries,
    },
  };
  const secrets: string[] = [];
  for (const p of plants) secrets.push(...placeOne(har, p));
  return { har, secrets };
}

type Plant = {
  kind: Kind;
  value: string;
  signature: string;
  queryName: string;
  memberName: string;
  entry: number;
  depth: number;
  encoding: string;
  copies: Array<{
    place: (typeof COPY_PLACES)[number];
    encoding: (typeof ENCODINGS)[number];
    entry: number;
  }>;
};

/**
 * Sets `holder[key]`, or, when an earlier plant already wrote there, a fresh `_<key><n>` beside
 * it: a plant never overwrites another (its credential would then be named nowhere).
 */
const taken = new WeakMap<object, Set<string>>();
function put(holder: Json, key: string, value: unknown): void {
  const used = taken.get(holder) ?? new Set<string>();
  taken.set(holder, used);
  let name = key;
  for (let n = 1; used.has(name); n++) name = `_${key}${n}`;
  used.add(name);
  holder[name] = value;
}

/** Plants one credential where the HAR names it; returns the values that must not survive. */
function placeOne(har: Built['har'], p: Plant): string[] {
  const e = har.log.entries[p.entry]!;
  const req = e.request as Json & {
    headers: Header[];
    url: string;
    cookies: Json[];
    queryString: Json[];
  };
  const res = e.response as Json & { headers: Header[]; cookies: Json[]; content: Json };
  const token = jwt(p.signature);
  let copied = p.value;
  let out: string[] = [p.value];
  // A second credential on the same request goes under a look-alike name (both stay named).
  const setAuth = (value: string) => {
    const taken = req.headers.some((h) => h.name === 'Authorization');
    req.headers.push({ name: taken ? 'X-Auth-Token' : 'Authorization', value });
  };
  switch (p.kind) {
    case 'jwt-authorization':
      setAuth(`Bearer ${token}`);
      copied = p.signature;
      out = [p.signature];
      break;
    case 'opaque-authorization':
      setAuth(`Bearer ${p.value}`);
      break;
    case 'basic': {
      const blob = Buffer.from(`ada@acme.org:${p.value}`).toString('base64');
      setAuth(`Basic ${blob}`);
      out = [blob, p.value];
      break;
    }
    case 'api-key-header':
      req.headers.push({ name: 'X-Api-Key', value: p.value });
      break;
    case 'cookie':
      req.headers.push({ name: 'Cookie', value: `sid=${p.value}; lang=en` });
      req.cookies.push({ name: 'sid', value: p.value, path: '/' });
      break;
    case 'set-cookie':
      res.headers.push({
        name: 'Set-Cookie',
        value: `sid=${p.value}; Domain=.rhythmsoftware.com; Path=/; HttpOnly`,
      });
      res.cookies.push({ name: 'sid', value: p.value, domain: '.rhythmsoftware.com', path: '/' });
      break;
    case 'query':
      req.url += `&${encodeURIComponent(p.queryName).replace(/%5B%5D/, '[]')}=${p.encoding === 'percent' ? encodeURIComponent(`${p.value}/`) : p.value}`;
      req.queryString.push({
        name: p.queryName,
        value: p.encoding === 'percent' ? `${p.value}/` : p.value,
      });
      // The credential is what was sent: with its `/` when it went percent-encoded.
      if (p.encoding === 'percent') copied = `${p.value}/`;
      break;
    case 'fragment':
      put(res, 'redirectURL', `https://portal.acme.org/cb#access_token=${p.value}&state=s`);
      break;
    case 'form':
      req.method = 'POST';
      put(req, 'postData', {
        mimeType: 'application/x-www-form-urlencoded',
        text: `grant_type=password&${p.queryName}=${p.value}&scope=openid`,
      });
      break;
    case 'json-member': {
      const body = nest({ [p.memberName]: p.value, token_type: 'Bearer' }, p.depth);
      put(
        res,
        'content',
        p.encoding === 'base64-body'
          ? {
              mimeType: 'application/json',
              encoding: 'base64',
              text: Buffer.from(JSON.stringify(body)).toString('base64'),
            }
          : p.encoding === 'json-in-json'
            ? {
                mimeType: 'application/json',
                text: JSON.stringify({ wrapped: JSON.stringify(body) }),
              }
            : { mimeType: 'application/json', text: JSON.stringify(body) },
      );
      break;
    }
    case 'userinfo': {
      const url = `https://ada:${p.value}@portal.acme.org/next`;
      res.headers.push(
        { name: 'Location', value: url },
        { name: 'Refresh', value: `0; url=${url}` },
      );
      break;
    }
    case 'jwe': {
      const jwe = `${b64url({ alg: 'dir', enc: 'A256GCM' })}..${p.value.slice(0, 16)}.${p.signature}.${p.value}`;
      req.headers.push({ name: 'X-Access-Token', value: jwe });
      out = [p.signature, p.value];
      copied = p.signature;
      break;
    }
    case 'jwt-anywhere': {
      const site = p.depth % 3;
      if (site === 0) har.log.comment = `${String(har.log.comment)} debug ${token}`;
      else if (site === 1) put(e, '_custom', nest({ note: `token ${token}` }, p.depth));
      else
        put(e, '_webSocketMessages', [
          { type: 'send', time: 1, opcode: 1, data: JSON.stringify({ jwt: token }) },
        ]);
      copied = p.signature;
      out = [p.signature];
      break;
    }
    case 'multipart':
      req.method = 'POST';
      put(req, 'postData', {
        mimeType: 'multipart/form-data; boundary=b',
        text: `--b\r\nContent-Disposition: form-data; name="${p.queryName}"\r\n\r\n${p.value}\r\n--b--\r\n`,
      });
      break;
    case 'text-field':
      put(res, 'content', { mimeType: 'text/plain', text: `user: ada\npassword: ${p.value}\n` });
      break;
    default: {
      const unreachable: never = p.kind;
      return unreachable;
    }
  }
  for (const c of p.copies) {
    const target = har.log.entries[c.entry]!;
    const text = c.encoding === 'base64-body' ? copied : encode(copied, c.encoding);
    switch (c.place) {
      case 'query':
        // Not into a diagnosed URL: there the original's diagnosis would show the copy (a leak the
        // sanitized HAR cannot repeat), so the two could not be equal.
        put(target, '_echoUrl', `https://portal.acme.org/next?echo=${encodeURIComponent(copied)}`);
        (target.request as { headers: Header[] }).headers.push({
          name: 'Referer',
          value: `https://portal.acme.org/x?echo=${encodeURIComponent(copied)}`,
        });
        break;
      case 'body':
        put(
          target.response as Json,
          'content',
          c.encoding === 'base64-body'
            ? {
                mimeType: 'text/plain',
                encoding: 'base64',
                text: Buffer.from(`your value was ${copied} today`).toString('base64'),
              }
            : { mimeType: 'text/plain', text: `your value was ${text} today` },
        );
        break;
      case 'comment':
        har.log.comment = `${String(har.log.comment)} ${text}`;
        break;
      case 'custom':
        put(target, '_echo', nest({ v: text }, p.depth));
        break;
      case 'header':
        (target.response as { headers: Header[] }).headers.push({ name: 'X-Echo', value: text });
        break;
      case 'websocket':
        put(target, '_webSocketMessages', [
          { type: 'receive', time: 2, opcode: 1, data: `{"echo":${JSON.stringify(text)}}` },
        ]);
        break;
      case 'page':
        har.log.pages.push({
          id: `p${har.log.pages.length}`,
          title: `https://portal.acme.org/x?echo=${text}`,
        });
        break;
    }
  }
  return out;
}

function sanitize(har: Built['har']): Built['har'] {
  const items: HarItem[] = [
    ...har.log.entries.map((e) => ({ array: 'entries' as const, text: JSON.stringify(e) })),
    ...har.log.pages.map((p) => ({ array: 'pages' as const, text: JSON.stringify(p) })),
    { array: 'member', text: JSON.stringify(har.log.comment) },
  ];
  const { texts } = sanitizeItems(items);
  const n = har.log.entries.length;
  return {
    log: {
      ...har.log,
      entries: texts.slice(0, n).map((t) => JSON.parse(t) as ReturnType<typeof entry>),
      pages: texts.slice(n, -1).map((t) => JSON.parse(t) as Json),
      comment: JSON.parse(texts[texts.length - 1]!) as string,
    },
  };
}

/** Every string of the value, base64 bodies decoded, JSON in JSON strings read too. */
function allText(value: unknown): string {
  const out: string[] = [];
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      out.push(v);
      if (/^[A-Za-z0-9+/]{16,}={0,2}$/.test(v)) out.push(Buffer.from(v, 'base64').toString('utf8'));
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') stack.push(...Object.keys(v), ...Object.values(v));
  }
  return out.join('\n');
}

function leaked(text: string, value: string): boolean {
  return [
    value,
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(encodeURIComponent(value)),
  ].some((f) => text.includes(f));
}

/** Strings of `a` and `b` at the same path that differ. */
function changes(a: unknown, b: unknown): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const stack: Array<[unknown, unknown]> = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (typeof x === 'string' && x !== y) out.push([x, String(y)]);
    else if (x && typeof x === 'object')
      for (const [k, v] of Object.entries(x)) stack.push([v, (y as Json)?.[k]]);
  }
  return out;
}

/** The decoys' `Set-Cookie: lang=en; Domain=…`: a cookie value (it goes), its attributes (they stay). */
const isLangCookie = (before: string, after: string) =>
  before.startsWith('lang=en; Domain=') && after === before.replace('lang=en', 'lang=[redacted]');

const diagnoses = (har: Built['har']) =>
  har.log.entries.map((e) => analyze(capturedFromHarEntry(e)!));

describe('sanitizer properties over random HARs', () => {
  it('no planted credential survives; only strings holding one change; same diagnoses; idempotent', () => {
    fc.assert(
      fc.property(
        fc.array(plant, { minLength: 1, maxLength: 4 }),
        decoys,
        fc.boolean(),
        (plants, d, chrome) => {
          const { har, secrets } = build(plants, d, chrome);
          const out = sanitize(har);
          const text = allText(out);
          for (const s of secrets) expect(leaked(text, s), s).toBe(false);
          for (const [before, after] of changes(har, out)) {
            if (isLangCookie(before, after)) continue;
            const holds =
              secrets.some((s) => allText(before).includes(s) || leaked(before, s)) ||
              /eyJ/.test(before);
            expect(holds, `${before} → ${after}`).toBe(true);
          }
          expect(diagnoses(out)).toEqual(diagnoses(har));
          expect(sanitize(out)).toEqual(out);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('changes nothing in a HAR without credentials, look-alikes included', () => {
    fc.assert(
      fc.property(decoys, fc.boolean(), (d, chrome) => {
        const { har } = build([], d, chrome);
        const out = sanitize(har);
        // The one cookie value of the decoys goes; its attributes and everything else stay.
        const diff = changes(har, out);
        expect(diff.every(([before, after]) => isLangCookie(before, after))).toBe(true);
        expect(diff).toHaveLength(har.log.entries.length);
      }),
      { numRuns: 100 },
    );
  });
});
