import { describe, expect, it } from 'vitest';
import { CLAIM_TENANT_ID } from '../../../../src/analyzer/rhythm.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { TEST_TENANT, signToken } from '../../../helpers/tokens.js';
import { expectFixWhenActionable, runCheck } from '../helpers.js';

const ROLODEX = 'https://rolodex.api.rhythmsoftware.com';
const USER = `Bearer ${await signToken()}`;
const M2M = `Bearer ${await signToken({ kind: 'm2m' })}`;
const NO_TENANT = `Bearer ${await signToken({ omit: [CLAIM_TENANT_ID] })}`;
const EMPTY_TENANT = `Bearer ${await signToken({ claims: { [CLAIM_TENANT_ID]: '' } })}`;

const cases: Array<{ name: string; auth?: string; url: string; status: CheckStatus }> = [
  {
    name: 'the path tenant is the token tenant',
    auth: USER,
    url: `${ROLODEX}/contacts/${TEST_TENANT}`,
    status: 'pass',
  },
  {
    name: 'an M2M token calls its own tenant',
    auth: M2M,
    url: `https://membership.api.rhythmsoftware.com/memberships/${TEST_TENANT}/M-1`,
    status: 'pass',
  },
  {
    name: 'the path is /contacts/{tenant}/current of the token tenant',
    auth: USER,
    url: `${ROLODEX}/contacts/${TEST_TENANT}/current`,
    status: 'pass',
  },
  {
    name: 'the path names another tenant',
    auth: USER,
    url: `${ROLODEX}/contacts/other.org`,
    status: 'fail',
  },
  {
    name: 'the path tenant differs only in letter case',
    auth: USER,
    url: `${ROLODEX}/contacts/${TEST_TENANT.toUpperCase()}`,
    status: 'fail',
  },
  {
    name: 'an M2M token calls another tenant',
    auth: M2M,
    url: `${ROLODEX}/organizations/incose.org`,
    status: 'fail',
  },
  {
    name: 'the path names another tenant in /contacts/{tenant}/current',
    auth: USER,
    url: `${ROLODEX}/contacts/other.org/current`,
    status: 'fail',
  },
  {
    name: 'the path is /contacts/current',
    auth: USER,
    url: `${ROLODEX}/contacts/current`,
    status: 'skip',
  },
  {
    name: 'the token has no tenant_id claim',
    auth: NO_TENANT,
    url: `${ROLODEX}/contacts/other.org`,
    status: 'skip',
  },
  {
    name: 'the tenant_id claim is empty',
    auth: EMPTY_TENANT,
    url: `${ROLODEX}/contacts/other.org`,
    status: 'skip',
  },
  { name: 'no token was sent', url: `${ROLODEX}/contacts/other.org`, status: 'skip' },
  { name: 'the path has one segment', auth: USER, url: `${ROLODEX}/contacts`, status: 'skip' },
  { name: 'no URL was given', auth: USER, url: '', status: 'skip' },
  { name: 'the URL does not parse', auth: USER, url: '/contacts/other.org', status: 'skip' },
];

describe('url.tenant', () => {
  it.each(cases)('$status when $name', ({ auth, url, status }) => {
    const result = runCheck('url.tenant', auth === undefined ? { url } : { auth, url });
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('names both tenants when they differ', () => {
    const result = runCheck('url.tenant', { auth: USER, url: `${ROLODEX}/contacts/other.org` });
    expect(result.title).toContain('other.org');
    expect(result.title).toContain(TEST_TENANT);
    expect(result.fix).toContain(`/contacts/${TEST_TENANT}/`);
  });

  it('says when the tenants differ only in letter case', () => {
    const result = runCheck('url.tenant', {
      auth: USER,
      url: `${ROLODEX}/contacts/${TEST_TENANT.toUpperCase()}`,
    });
    expect(result.detail).toMatch(/letter case/);
  });
});
