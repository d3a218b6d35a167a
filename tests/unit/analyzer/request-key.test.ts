/**
 * requestKey: what the panel compares DevTools' copies by instead of analyzing them. The key read
 * from a request is the key of the diagnosis `analyze` makes of it, for every way a token is sent.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import { requestKey } from '../../../src/analyzer/request-key.js';
import { diagnosisKey, sameRequest } from '../../../src/analyzer/same-request.js';
import { signToken } from '../../helpers/tokens.js';
import { DEFAULT_URL, request, type RequestOptions } from './helpers.js';

const TOKEN = await signToken();
const OTHER = await signToken({ kind: 'm2m' });

const CASES: Array<[string, RequestOptions]> = [
  ['a Bearer token', { auth: `Bearer ${TOKEN}` }],
  ['no token', {}],
  ['a look-alike header', { headers: { 'X-Access-Token': TOKEN } }],
  ['a token in the query', { url: `${DEFAULT_URL}?access_token=${TOKEN}` }],
  [
    'a lower-case method and secrets in the URL',
    { method: 'get', url: `${DEFAULT_URL}?password=pw-1` },
  ],
  ['a double Bearer', { auth: `Bearer Bearer ${TOKEN}` }],
];

describe('requestKey', () => {
  it.each(CASES)('is the key of the diagnosis of a request with %s', (_name, options) => {
    const r = request(options);
    expect(requestKey(r)).toEqual(diagnosisKey(analyze(r)));
  });

  it('keeps no secret of the URL', () => {
    expect(requestKey(request({ url: `${DEFAULT_URL}?access_token=${TOKEN}` })).url).toBe(
      `${DEFAULT_URL}?access_token=[redacted]`,
    );
  });
});

describe('sameRequest', () => {
  const key = requestKey(request({ auth: `Bearer ${TOKEN}` }));
  it.each<[string, RequestOptions, boolean]>([
    [
      'the same request sent 1.9 s later is one',
      { auth: `Bearer ${TOKEN}`, sentAt: key.sentAt + 1900 },
      true,
    ],
    [
      'the same request sent 2 s later is another',
      { auth: `Bearer ${TOKEN}`, sentAt: key.sentAt + 2000 },
      false,
    ],
    ['another token is another', { auth: `Bearer ${OTHER}` }, false],
    ['another status is another', { auth: `Bearer ${TOKEN}`, status: 403 }, false],
    ['another method is another', { auth: `Bearer ${TOKEN}`, method: 'POST' }, false],
    ['another URL is another', { auth: `Bearer ${TOKEN}`, url: `${DEFAULT_URL}/x` }, false],
  ])('%s', (_name, options, same) => {
    expect(sameRequest(key, requestKey(request(options)))).toBe(same);
  });
});
