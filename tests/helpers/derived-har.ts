/**
 * Rhythm 401s put into a real producer's shape (FINDINGS of issue 11): five entries cloned from
 * the file's first entry, with its header casing, its array-valued headers (Polly.JS), its
 * relative URLs and Host header (Akita), its HTTP/2 pseudo-headers (Chrome, Playwright) and its
 * time-zone style, carrying tokens signed now. Made at test time, so the real files stay byte-exact.
 */
import { signToken, T0 } from './tokens.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const RHYTHM_HOST = 'rolodex.api.rhythmsoftware.com';
export const RHYTHM_PATH = '/contacts/acme.org/current';

export interface Planted {
  /** Credentials planted in the derived entries: none may survive sanitizing. */
  secrets: string[];
  /** Rhythm 401s added. */
  added: number;
}

/** The derived HAR's text (the original's layout: minified stays minified) and what was planted. */
export async function withRhythm401s(
  original: string,
): Promise<{ text: string; planted: Planted }> {
  const bom = original.startsWith('\ufeff') ? '\ufeff' : '';
  const har = JSON.parse(original.slice(bom.length)) as { log: { entries: Json[] } };
  const template = har.log.entries[0] ?? {};
  const request = isObj(template.request) ? template.request : {};
  const headers = Array.isArray(request.headers) ? (request.headers as Json[]) : [];
  const lower =
    headers.length > 0 &&
    headers.every((h) => typeof h.name === 'string' && h.name === h.name.toLowerCase());
  const arrays = headers.some((h) => Array.isArray(h.value));
  const pseudo = headers.some((h) => typeof h.name === 'string' && h.name.startsWith(':'));
  const relative = typeof request.url === 'string' && request.url.startsWith('/');
  const offset =
    typeof template.startedDateTime === 'string' && /[+-]\d\d:\d\d$/.test(template.startedDateTime);
  const name = (n: string) => (lower ? n.toLowerCase() : n);
  const value = (v: string) => (arrays ? [v] : v);
  const time = (ms: number) =>
    offset ? new Date(ms).toISOString().replace('Z', '+00:00') : new Date(ms).toISOString();

  const user = await signToken();
  const session = 'a3f9c2e17b5d48e6a0c4f1b2d3e5f607';
  const opaque = 'Qk7xW2pL9zR4vN8mT1yB6cH3jF5gD0sA4eU8iO2q';
  const basic = Buffer.from('ada@acme.org:hunter2-Secret!').toString('base64');
  const variants: Array<{ auth: string | null; query?: string; sent: number; cookie?: boolean }> = [
    { auth: `Bearer ${user}`, sent: T0 + 3_600_000, cookie: true },
    { auth: `Bearer ${user}`, sent: T0 + 26 * 3_600_000 },
    { auth: `Bearer ${opaque}`, sent: T0 + 3_600_000 },
    { auth: `Basic ${basic}`, sent: T0 + 3_600_000 },
    { auth: null, query: `?access_token=${user}`, sent: T0 + 3_600_000 },
  ];
  for (const v of variants) {
    const path = `${RHYTHM_PATH}${v.query ?? ''}`;
    const entry = structuredClone(template);
    const reqHeaders: Json[] = [
      ...(pseudo
        ? [
            { name: ':authority', value: value(RHYTHM_HOST) },
            { name: ':method', value: value('GET') },
            { name: ':path', value: value(path) },
            { name: ':scheme', value: value('https') },
          ]
        : []),
      ...(relative ? [{ name: name('Host'), value: value(RHYTHM_HOST) }] : []),
      { name: name('Accept'), value: value('application/json') },
      ...(v.auth ? [{ name: name('Authorization'), value: value(v.auth) }] : []),
      ...(v.cookie ? [{ name: name('Cookie'), value: value(`rhythm_session=${session}`) }] : []),
    ];
    entry.startedDateTime = time(v.sent);
    entry.request = {
      ...(isObj(entry.request) ? entry.request : {}),
      method: 'GET',
      url: relative ? path : `https://${RHYTHM_HOST}${path}`,
      headers: reqHeaders,
      queryString: v.query ? [{ name: 'access_token', value: user }] : [],
      cookies: v.cookie ? [{ name: 'rhythm_session', value: session }] : [],
    };
    delete (entry.request as Json).postData;
    const body = '{"message":"Unauthorized"}';
    entry.response = {
      ...(isObj(entry.response) ? entry.response : {}),
      status: 401,
      statusText: 'Unauthorized',
      headers: [
        { name: name('Content-Type'), value: value('application/json') },
        {
          name: name('WWW-Authenticate'),
          value: value('Bearer realm="rhythm", error="invalid_token"'),
        },
        ...(v.cookie
          ? [
              {
                name: name('Set-Cookie'),
                value: value(
                  `rhythm_session=${session}; Domain=.rhythmsoftware.com; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=None`,
                ),
              },
            ]
          : []),
      ],
      cookies: v.cookie
        ? [{ name: 'rhythm_session', value: session, domain: '.rhythmsoftware.com', path: '/' }]
        : [],
      content: { size: body.length, mimeType: 'application/json', text: body },
      redirectURL: '',
    };
    har.log.entries.push(entry);
  }
  const minified = !original.slice(0, 200).includes('\n');
  const text = `${bom}${minified ? JSON.stringify(har) : JSON.stringify(har, null, 2)}`;
  const signature = user.split('.')[2]!;
  return {
    text,
    planted: {
      secrets: [signature, session, opaque, basic, 'hunter2-Secret!'],
      added: variants.length,
    },
  };
}
