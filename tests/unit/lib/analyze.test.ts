/**
 * The library's analyze: node:crypto's SHA-256 behind the fingerprint (the same fingerprint as
 * the browser's), defaults for what a backend may not have, and clear errors for what is not a
 * request.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyze as analyzeCore } from '../../../src/analyzer/analyze.js';
import { analyze } from '../../../src/lib/index.js';
import { T0, signToken } from '../../helpers/tokens.js';

const URL = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org';
const token = await signToken({ kind: 'm2m' });
const at = T0 + 3_600_000;

describe('analyze (library)', () => {
  it('gives the diagnosis the analyzer gives, with the fingerprint from node:crypto', () => {
    const request = {
      url: URL,
      method: 'GET',
      status: 401,
      sentAt: at,
      requestHeaders: [{ name: 'Authorization', value: `Bearer ${token}` }],
      responseHeaders: [],
    };
    const d = analyze(request);
    expect(d).toStrictEqual(analyzeCore(request));
    expect(d.token.fingerprint).toBe(createHash('sha256').update(token).digest('hex').slice(0, 12));
  });

  it('takes headers as a plain object, GET, 401 and now by default', () => {
    const before = Date.now();
    const d = analyze({ url: URL, requestHeaders: { Authorization: `Bearer ${token}` } });
    expect(d.request).toMatchObject({ method: 'GET', status: 401, url: URL });
    expect(d.request.sentAt).toBeGreaterThanOrEqual(before);
    expect(d.token.subject).toBe('m2m');
  });

  it.each([
    ['no object', null, /the request must be an object/],
    ['no URL', {}, /request\.url must be a string/],
    ['a status as text', { url: URL, status: '401' }, /request\.status must be an integer/],
    [
      'a time as a Date',
      { url: URL, sentAt: new Date(at) },
      /request\.sentAt must be epoch milliseconds/,
    ],
    [
      'headers as a string',
      { url: URL, requestHeaders: 'Authorization: x' },
      /requestHeaders must be a list/,
    ],
    [
      'a header without a value',
      { url: URL, responseHeaders: [{ name: 'Date' }] },
      /responseHeaders\[0\] must be/,
    ],
    [
      'redirects that are not URLs',
      { url: URL, redirectedFrom: [1] },
      /redirectedFrom must be a list of URLs/,
    ],
  ])('refuses %s with a TypeError that names the field', (_, request, message) => {
    expect(() => analyze(request as never)).toThrow(TypeError);
    expect(() => analyze(request as never)).toThrow(message);
  });
});
