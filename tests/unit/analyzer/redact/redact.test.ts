import { beforeAll, describe, expect, it } from 'vitest';
import {
  createScrubber,
  redactJwtsInText,
  redactSecretParamsInText,
  redactUrl,
  requestSecrets,
} from '../../../../src/analyzer/index.js';
import { signToken } from '../../../helpers/tokens.js';
import { CURRENT, capture } from '../report/fixtures.js';

describe('redactUrl', () => {
  const cases: Array<[string, string, string]> = [
    ['access_token in the query', '/x?access_token=abc&a=1', '/x?access_token=[redacted]&a=1'],
    [
      'id_token, code and token',
      '/x?id_token=a&code=b&token=c',
      '/x?id_token=[redacted]&code=[redacted]&token=[redacted]',
    ],
    ['a percent-encoded name', '/x?access%5Ftoken=abc', '/x?access%5Ftoken=[redacted]'],
    [
      'a token in the fragment (implicit flow)',
      '/cb#access_token=abc&state=s',
      '/cb#access_token=[redacted]&state=s',
    ],
    [
      'the credential-shaped names of a sanitized HAR (SPEC §6: one vocabulary)',
      '/x?client_secret=1&password=2&code_verifier=3&clientSecret=4&x-api-key=5',
      '/x?client_secret=[redacted]&password=[redacted]&code_verifier=[redacted]&clientSecret=[redacted]&x-api-key=[redacted]',
    ],
    ['other parameters untouched', '/x?tokens=1&page=2&a=', '/x?tokens=1&page=2&a='],
    [
      'array and nested names, any case',
      '/x?access_token[]=a&user[password]=b&RefreshToken=c&API-KEY=d',
      '/x?access_token[]=[redacted]&user[password]=[redacted]&RefreshToken=[redacted]&API-KEY=[redacted]',
    ],
    [
      'a token in a percent-encoded URL nested in the query',
      `/x?redirect_uri=${encodeURIComponent('https://a.example/cb?code=abc123&state=s')}`,
      `/x?redirect_uri=${encodeURIComponent('https://a.example/cb?code=abc123&state=s').replace('abc123', '[redacted]')}`,
    ],
    [
      'a token in a URL nested twice',
      `/x?next=${encodeURIComponent(`/login?return=${encodeURIComponent('/cb#access_token=tok456')}`)}`,
      `/x?next=${encodeURIComponent(`/login?return=${encodeURIComponent('/cb#access_token=tok456')}`).replace('tok456', '[redacted]')}`,
    ],
    [
      'markers stay as they are',
      '/x?access_token=[redacted]&code=%5Bredacted%5D',
      '/x?access_token=[redacted]&code=%5Bredacted%5D',
    ],
  ];
  it.each(cases)('redacts %s', (_name, path, expected) => {
    expect(redactUrl(`${CURRENT}${path}`)).toBe(`${CURRENT}${expected}`);
  });

  it('removes user:password@ and works on URLs that do not parse', () => {
    expect(redactUrl('https://user:pw@host/x')).toBe('https://[redacted]@host/x');
    expect(redactUrl('not a url?token=abc')).toBe('not a url?token=[redacted]');
  });

  it('is idempotent', () => {
    const url = `${CURRENT}?code=x1&next=${encodeURIComponent('https://u:p@h/?token=t')}`;
    const once = redactUrl(url);
    expect(redactUrl(once)).toBe(once);
    expect(once).not.toMatch(/x1|u%3Ap|token%3Dt(?!\[)/);
  });
});

describe('redactSecretParamsInText', () => {
  it.each([
    [
      'a Referer in text',
      'see https://a/cb?code=c0de1&x=1',
      'see https://a/cb?code=[redacted]&x=1',
    ],
    ['userinfo anywhere', '0; url=https://ada:hunter2@h/x', '0; url=https://[redacted]@h/x'],
    [
      'a nested URL',
      'next=/a?redirect=%2Fcb%3Ftoken%3Dabc',
      'next=/a?redirect=%2Fcb%3Ftoken%3D[redacted]',
    ],
  ])('redacts %s', (_name, text, expected) => {
    expect(redactSecretParamsInText(text)).toBe(expected);
  });
});

describe('redactJwtsInText', () => {
  let token: string;
  beforeAll(async () => {
    token = await signToken();
  });

  it('replaces a JWT anywhere in text, keeping header.payload only when asked', () => {
    const [h, p, s] = token.split('.');
    const text = `error_description="token ${token} expired"`;
    expect(redactJwtsInText(text, { keepHeaderPayload: false })).toBe(
      'error_description="token [token redacted] expired"',
    );
    const kept = redactJwtsInText(text, { keepHeaderPayload: true });
    expect(kept).toContain(`${h}.${p}.[signature removed]`);
    expect(kept).not.toContain(s);
  });

  it('is idempotent on text it already redacted', () => {
    const once = redactJwtsInText(token, { keepHeaderPayload: true });
    expect(redactJwtsInText(once, { keepHeaderPayload: true })).toBe(once);
  });

  it('catches JWE, base64-encoded and truncated tokens', () => {
    const [h, p, s] = token.split('.') as [string, string, string];
    const variants = [
      `${h}..${s}.${s}.${s.slice(0, 22)}`,
      `${h}.${p}.${Buffer.from(s, 'base64url').toString('base64')}`,
      `${h}.${p}`,
    ];
    for (const v of variants) {
      expect(redactJwtsInText(`x ${v} y`, { keepHeaderPayload: false })).toBe(
        'x [token redacted] y',
      );
    }
  });
});

describe('createScrubber', () => {
  it('removes the given token, both halves of a wrapped signature, and secrets', async () => {
    const [h, p, s] = (await signToken()).split('.') as [string, string, string];
    const wrapped = `${h}.${p}.${s.slice(0, 40)}\n ${s.slice(40)}`;
    const scrub = createScrubber({
      keepHeaderPayload: false,
      token: wrapped,
      secrets: ['8c1f0e2b9a7d4c3e'],
    });
    expect(scrub(`a ${wrapped} b`)).toBe('a [token redacted] b');
    expect(scrub(`tail: ${s.slice(40)}`)).toBe('tail: [signature removed]');
    expect(scrub(`head: ${s.slice(0, 40)}`)).toBe('head: [signature removed]');
    expect(scrub('Cookie: session=8c1f0e2b9a7d4c3e')).toBe('Cookie: session=[redacted]');
    expect(scrub('?code=xyz&a=1')).toBe('?code=[redacted]&a=1');
  });

  it('gets the token and credentials of a request from requestSecrets', async () => {
    const token = await signToken();
    const { token: found, secrets } = requestSecrets(
      capture({
        url: `${CURRENT}?code=abcdefgh123`,
        headers: [
          { name: 'X-Authorization', value: `Bearer ${token}` },
          { name: 'Cookie', value: 'sid=8c1f0e2b9a7d4c3e; lang=en' },
          { name: 'Accept', value: 'application/json' },
        ],
      }),
    );
    expect(found).toBe(token);
    expect(secrets).toEqual(expect.arrayContaining(['8c1f0e2b9a7d4c3e', 'abcdefgh123', token]));
    expect(secrets).not.toContain('application/json');
  });
});
