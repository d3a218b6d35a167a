#!/usr/bin/env node
// Generates a big HAR for the SPEC §9 benchmark: by default ~100 MB with 20,000 entries, shaped
// like Chrome's export (pretty-printed, h2 pseudo-headers, `_` extensions), a mix of 200s and
// 401s to Rhythm hosts with realistic headers and JSON bodies padded to size. Tokens are signed
// here, now, with a throwaway RS256 key: the file holds no real credential. Deterministic apart
// from the signatures (seeded PRNG).
//
//   node scripts/gen-har.mjs [--out .tmp/big.har] [--entries 20000] [--mb 100] [--seed 1]
//                            [--share-401 0.3]   (the share of entries that are Rhythm 401s)
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { SignJWT, generateKeyPair } from 'jose';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.tmp/big.har' },
    entries: { type: 'string', default: '20000' },
    mb: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    'share-401': { type: 'string', default: '0.3' },
  },
});
const ENTRIES = Number(values.entries);
const TARGET_BYTES = Number(values.mb) * 1024 * 1024;

let seed = Number(values.seed) >>> 0 || 1;
/** xorshift32: the same file for the same seed (signatures aside). */
function random() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);
const TENANT = 'acme.org';
const ISSUER = 'https://acme-org.us.auth0.com/';
const AUDIENCE = 'https://api.rhythmsoftware.com';
const CLIENT = 'Zq4mW8vT2nK6pR0sL3xY7bC1dF5gH9jA';
const CLAIM = (name) => `http://rhythmsoftware.com/${name}`;

const { privateKey } = await generateKeyPair('RS256');
async function sign(claims) {
  const iat = Math.floor(T0 / 1000);
  return new SignJWT({
    iss: ISSUER,
    iat,
    exp: iat + 86_400,
    sub: 'auth0|64f0c0ffee',
    aud: [AUDIENCE, `${ISSUER}userinfo`],
    azp: CLIENT,
    scope: 'openid profile email',
    [CLAIM('tenant_id')]: TENANT,
    [CLAIM('customer_id')]: 'cust_8f2a',
    [CLAIM('contact_id')]: 'C-000123',
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'bench-key-1' })
    .sign(privateKey);
}
const user = await sign({});
const noContact = await sign({ [CLAIM('contact_id')]: undefined });
const m2m = await sign({
  sub: `${CLIENT}@clients`,
  aud: AUDIENCE,
  gty: 'client-credentials',
  [CLAIM('contact_id')]: undefined,
});
const jweHeader = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM', iss: ISSUER })).toString(
  'base64url',
);
const noAudience = `${jweHeader}..${'a'.repeat(16)}.${'b'.repeat(160)}.${'c'.repeat(22)}`;

/** [weight, status, module, path, Authorization value or null]: what a busy portal sends. */
const KINDS = [
  [60, 200, 'rolodex', `/contacts/${TENANT}/C-000123`, `Bearer ${user}`],
  [10, 200, 'membership', `/memberships/${TENANT}`, `Bearer ${user}`],
  [8, 401, 'rolodex', `/contacts/${TENANT}/current`, `Bearer ${noContact}`],
  [6, 401, 'rolodex', `/contacts/${TENANT}/current`, user],
  [5, 401, 'events', `/events/${TENANT}/upcoming`, `Bearer ${noAudience}`],
  [5, 401, 'rolodex', '/contacts/current', `Bearer ${m2m}`],
  [3, 401, 'membership', `/contacts/${TENANT}/current`, `Bearer ${user}`],
  [3, 401, 'platform', `/customFields/${TENANT}`, null],
];
// Scale the 401 kinds so that they make up --share-401 of the entries.
const SHARE_401 = Math.min(1, Math.max(0, Number(values['share-401'])));
const weightOf = (status) => KINDS.filter((k) => k[1] === status).reduce((sum, [w]) => sum + w, 0);
const [W200, W401] = [weightOf(200), weightOf(401)];
for (const k of KINDS) {
  k[0] = k[1] === 401 ? (k[0] / W401) * SHARE_401 : (k[0] / W200) * (1 - SHARE_401);
}
const TOTAL_WEIGHT = KINDS.reduce((sum, [w]) => sum + w, 0);
function kind() {
  let r = random() * TOTAL_WEIGHT;
  for (const k of KINDS) if ((r -= k[0]) < 0) return k;
  return KINDS[0];
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson'];
function body(bytes) {
  const items = [];
  let size = 20;
  for (let i = 0; size < bytes; i++) {
    const item = {
      id: `C-${String(100000 + Math.floor(random() * 899999))}`,
      first_name: pick(FIRST),
      last_name: pick(LAST),
      email: `${pick(FIRST).toLowerCase()}.${i}@${TENANT}`,
      organization: 'Acme Standards Body',
      member_since: new Date(T0 - Math.floor(random() * 3e11)).toISOString(),
      notes: 'Joined at the annual conference; prefers "email" contact.\nRenewal due.',
    };
    size += JSON.stringify(item).length + 1;
    items.push(item);
  }
  return JSON.stringify({ items, total: items.length });
}

function entry(i, overheadPerEntry) {
  const [, status, module, path, auth] = kind();
  const host = `${module}.api.rhythmsoftware.com`;
  const started = new Date(T0 + 3_600_000 + i * 150);
  const text =
    status === 401
      ? JSON.stringify({ message: 'Unauthorized', padding: 'x'.repeat(200) })
      : body(Math.max(200, overheadPerEntry));
  const headers = [
    { name: ':authority', value: host },
    { name: ':method', value: 'GET' },
    { name: ':path', value: path },
    { name: ':scheme', value: 'https' },
    { name: 'accept', value: 'application/json, text/plain, */*' },
    { name: 'accept-language', value: 'en-US,en;q=0.9' },
    ...(auth ? [{ name: 'authorization', value: auth }] : []),
    { name: 'origin', value: 'https://portal.acme.org' },
    { name: 'referer', value: 'https://portal.acme.org/' },
    { name: 'sec-fetch-mode', value: 'cors' },
    {
      name: 'user-agent',
      value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0',
    },
  ];
  const responseHeaders = [
    { name: 'content-type', value: 'application/json; charset=utf-8' },
    { name: 'date', value: started.toUTCString() },
    { name: 'x-amzn-requestid', value: `${i.toString(16).padStart(8, '0')}-bench` },
    ...(status === 401
      ? [
          {
            name: 'www-authenticate',
            value: 'Bearer error="invalid_token", error_description="The access token is invalid"',
          },
        ]
      : []),
  ];
  return {
    _initiator: { type: 'script', stack: { callFrames: [] } },
    _priority: 'High',
    _resourceType: 'fetch',
    cache: {},
    connection: '443',
    pageref: 'page_1',
    request: {
      method: 'GET',
      url: `https://${host}${path}`,
      httpVersion: 'http/2.0',
      headers,
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: responseHeaders,
      cookies: [],
      content: { size: text.length, mimeType: 'application/json', text },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: text.length + 300,
      _error: null,
    },
    serverIPAddress: '203.0.113.10',
    startedDateTime: started.toISOString(),
    time: 40 + random() * 20,
    timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 38.5, receive: 1.1 },
  };
}

/** Chrome's layout: two-space indentation, entries at depth 3. */
function indented(value, depth) {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

mkdirSync(dirname(values.out), { recursive: true });
const out = createWriteStream(values.out);
const write = (text) =>
  out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', resolve));

const head = `{\n  "log": {\n    "version": "1.2",\n    "creator": ${indented({ name: 'WebInspector', version: '537.36' }, 2)},\n    "pages": [],\n    "entries": [\n`;
await write(head);
let written = head.length;
// Body size per 200 entry so the file lands near the target: ~2.7 KB of headers and metadata each.
let perEntry = Math.max(200, Math.floor(TARGET_BYTES / ENTRIES) - 2700);
for (let i = 0; i < ENTRIES; i++) {
  const text = `      ${indented(entry(i, perEntry), 3)}${i + 1 < ENTRIES ? ',' : ''}\n`;
  written += Buffer.byteLength(text);
  await write(text);
  // Steer toward the target as we go.
  if (i % 500 === 499) {
    const expected = (TARGET_BYTES * (i + 1)) / ENTRIES;
    perEntry = Math.max(200, Math.round(perEntry * (expected / written)));
  }
}
await write('    ]\n  }\n}\n');
out.end();
await new Promise((resolve) => out.on('close', resolve));
process.stderr.write(
  `gen-har: wrote ${values.out}: ${ENTRIES} entries, ${(written / 1024 / 1024).toFixed(1)} MiB\n`,
);
