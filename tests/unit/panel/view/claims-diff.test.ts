import { describe, expect, it } from 'vitest';
import { compareWithSuccess, diffClaims } from '../../../../src/panel/view/claims-diff.js';
import { CLAIM_TENANT_ID } from '../../../../src/analyzer/rhythm.js';

const ok = {
  aud: 'https://api.rhythmsoftware.com',
  exp: 2000,
  [CLAIM_TENANT_ID]: 'acme.org',
  sub: 'u',
  email: 'a@b',
};

describe('diff with the last success', () => {
  it('lists changed, added and removed claims, the telling ones first', () => {
    const failing = {
      sub: 'u',
      exp: 1000,
      aud: 'https://api.rhythmsoftware.com/',
      [CLAIM_TENANT_ID]: 'globex.com',
      nonce: 'n',
    };
    expect(diffClaims(ok, failing)).toEqual([
      {
        name: 'aud',
        kind: 'changed',
        before: 'https://api.rhythmsoftware.com',
        after: 'https://api.rhythmsoftware.com/',
      },
      { name: CLAIM_TENANT_ID, kind: 'changed', before: 'acme.org', after: 'globex.com' },
      { name: 'exp', kind: 'changed', before: 2000, after: 1000 },
      { name: 'email', kind: 'removed', before: 'a@b' },
      { name: 'nonce', kind: 'added', after: 'n' },
    ]);
  });

  it('compares arrays and objects by value', () => {
    expect(diffClaims({ aud: ['a', 'b'] }, { aud: ['a', 'b'] })).toEqual([]);
  });

  it('treats a 401 without claims as every claim removed', () => {
    expect(diffClaims({ sub: 'u' }, null)).toEqual([{ name: 'sub', kind: 'removed', before: 'u' }]);
  });

  it('says when the 401 used the very token that succeeded', () => {
    const success = {
      host: 'h',
      route: '/x',
      subject: 'user' as const,
      at: 1,
      url: 'https://h/x',
      header: { alg: 'RS256' },
      claims: ok,
      fingerprint: 'abc',
    };
    const same = compareWithSuccess(success, {
      fingerprint: 'abc',
      claims: ok,
      header: { alg: 'RS256' },
    });
    expect(same).toMatchObject({ sameToken: true, changes: [], headerChanges: [] });
    const other = compareWithSuccess(success, {
      fingerprint: 'def',
      claims: ok,
      header: { alg: 'none' },
    });
    expect(other.sameToken).toBe(false);
    expect(other.headerChanges).toEqual([
      { name: 'alg', kind: 'changed', before: 'RS256', after: 'none' },
    ]);
  });
});
