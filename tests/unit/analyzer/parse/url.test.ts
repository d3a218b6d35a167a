/**
 * parseUrl and hostOf read the common API URL without `new URL` (SPEC §9): whatever that fast path
 * accepts, it must read exactly as the URL parser does, and what it refuses still goes to the parser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostOf, parseUrl, simpleUrl } from '../../../../src/analyzer/parse/url.js';

function viaUrl(raw: string): { protocol: string; hostname: string; pathname: string } | null {
  try {
    const url = new URL(raw);
    return { protocol: url.protocol, hostname: url.hostname, pathname: url.pathname };
  } catch {
    return null;
  }
}

const label = fc.string({ unit: fc.constantFrom(...'aZ09-xn_.%'.split('')), maxLength: 6 });
const host = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')),
  fc.constantFrom(
    'rolodex.api.rhythmsoftware.com',
    'ROLODEX.API.rhythmsoftware.com',
    '127.0.0.1',
    '0x7f.1',
    'a.0x1',
    'a.1',
    '1.a',
    'xn--nxasmq6b.com',
    'xn--a.com',
    'a.xn--',
    'host.',
    '-a-.b--c',
    'a..b',
    'user:pw@a.com',
    'a.com:443',
    'a.com:8080',
    '[::1]',
    'ß.com',
    'a\tb.com',
  ),
);
const path = fc.oneof(
  fc.constant(''),
  fc
    .string({
      unit: fc.constantFrom(...'/aZ09.-_~!$&\'()*+,;=:@%2e\\ ?#^|{}"<>`'.split('')),
      maxLength: 16,
    })
    .map((p) => `/${p}`),
  fc.constantFrom(
    '/',
    '//',
    '/./a',
    '/a/..',
    '/a/.b',
    '/.well-known',
    '/contacts/acme.org/C-1',
    '/a/',
  ),
);
const scheme = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  'ftp://',
  'https:',
  'https:///',
  ' https://',
  'wss://',
);
const raw = fc.tuple(scheme, host, path).map(([s, h, p]) => s + h + p);

describe('the URL fast path', () => {
  it('reads every URL it accepts as new URL does', () => {
    fc.assert(
      fc.property(raw, (text) => {
        const fast = simpleUrl(text);
        if (fast) expect(fast).toEqual(viaUrl(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('takes the common API URL and the issuers, and leaves the rest to the parser', () => {
    expect(
      simpleUrl('https://rolodex.api.rhythmsoftware.com/contacts/acme.org/C-1'),
    ).not.toBeNull();
    expect(simpleUrl('https://acme-org.us.auth0.com/')).not.toBeNull();
    for (const text of [
      'https://a.com/x?y=1',
      'https://a.com/x#y',
      'https://u@a.com/',
      'https://a.com:443/',
      'https://127.0.0.1/',
      'https://xn--nxasmq6b.com/',
      'https://a.com/%2e/',
      'https://a.com/./b',
      'HTTPS://a.com/',
    ]) {
      expect(simpleUrl(text), text).toBeNull();
    }
  });

  it('gives parseUrl and hostOf the same results with it as without', () => {
    fc.assert(
      fc.property(raw, (text) => {
        const expected = viaUrl(text);
        expect(hostOf(text)).toBe(expected ? expected.hostname.toLowerCase() : null);
        const parsed = parseUrl(text);
        if (expected) {
          const url = new URL(text);
          expect(parsed).toMatchObject({
            protocol: url.protocol,
            host: url.hostname,
            origin: url.origin,
          });
        } else {
          expect(parsed).toHaveProperty('error');
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('joins the path once: `path` and `rawPath` are the segments joined by `/`', () => {
    fc.assert(
      fc.property(raw, (text) => {
        const parsed = parseUrl(text);
        if ('error' in parsed) return;
        expect(parsed.path, text).toBe(parsed.segments.join('/'));
        expect(parsed.rawPath, text).toBe(parsed.rawSegments.join('/'));
      }),
      { numRuns: 5000 },
    );
    for (const text of [
      'https://a.example/',
      'https://a.example',
      'https://a.example/x/',
      'https://a.example/x//',
      'https://a.example//',
      'https://a.example/a%20b/c%2Fd/',
      'urn:x:y/z',
      'file:///etc/passwd',
    ]) {
      const parsed = parseUrl(text);
      if ('error' in parsed) throw new Error(text);
      expect([parsed.path, parsed.rawPath], text).toEqual([
        parsed.segments.join('/'),
        parsed.rawSegments.join('/'),
      ]);
    }
  });
});
