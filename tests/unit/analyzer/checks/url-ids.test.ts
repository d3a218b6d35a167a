import { describe, expect, it } from 'vitest';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { TEST_TENANT } from '../../../helpers/tokens.js';
import { expectFixWhenActionable, runCheck } from '../helpers.js';

const BASE = 'https://rolodex.api.rhythmsoftware.com';

const cases: Array<{ name: string; path: string; status: CheckStatus }> = [
  {
    name: 'the contact id is `undefined`',
    path: `/contacts/${TEST_TENANT}/undefined`,
    status: 'fail',
  },
  { name: 'the tenant id is `undefined`', path: '/contacts/undefined', status: 'fail' },
  { name: 'the contact id is `null`', path: `/contacts/${TEST_TENANT}/null`, status: 'fail' },
  { name: 'the tenant id is `NULL`', path: '/contacts/NULL', status: 'fail' },
  { name: 'the contact id is `NaN`', path: `/contacts/${TEST_TENANT}/NaN`, status: 'fail' },
  {
    name: 'the contact id is `[object Object]` as written',
    path: `/contacts/${TEST_TENANT}/[object Object]`,
    status: 'fail',
  },
  {
    name: 'the contact id is `[object Object]` URL-encoded the way browsers send it',
    path: `/contacts/${TEST_TENANT}/%5Bobject%20Object%5D`,
    status: 'fail',
  },
  {
    name: 'the contact id is `[object Object]` with only the space encoded',
    path: `/contacts/${TEST_TENANT}/[object%20Object]`,
    status: 'fail',
  },
  { name: 'a segment is empty (`//`)', path: `/contacts//C-1`, status: 'fail' },
  {
    name: 'the tenant is the placeholder `{tenantId}`',
    path: '/contacts/{tenantId}',
    status: 'fail',
  },
  {
    name: 'the tenant is `{tenantId}` URL-encoded',
    path: '/contacts/%7BtenantId%7D',
    status: 'fail',
  },
  {
    name: 'the contact id is the placeholder `:id`',
    path: `/contacts/${TEST_TENANT}/:id`,
    status: 'fail',
  },
  {
    name: 'the contact id is an unfilled template `${id}` (URL-encoded)',
    path: `/contacts/${TEST_TENANT}/%24%7Bid%7D`,
    status: 'fail',
  },
  {
    name: 'the contact id is an unfilled template `${id}` as written',
    path: `/contacts/${TEST_TENANT}/\${id}`,
    status: 'fail',
  },
  {
    name: 'the contact id is the placeholder `<id>`',
    path: `/contacts/${TEST_TENANT}/<id>`,
    status: 'fail',
  },
  {
    name: 'a query parameter is `undefined`',
    path: `/contacts/${TEST_TENANT}?page=undefined`,
    status: 'warn',
  },
  {
    name: 'a query parameter is `null`',
    path: `/contacts/${TEST_TENANT}?page=2&sort=null`,
    status: 'warn',
  },
  { name: 'every id is filled', path: `/contacts/${TEST_TENANT}/C-000123`, status: 'pass' },
  { name: 'the path ends with a slash', path: `/contacts/${TEST_TENANT}/`, status: 'pass' },
  {
    name: 'ids merely contain the words null or undefined',
    path: `/contacts/${TEST_TENANT}/nullable-undefinedness?q=not-null`,
    status: 'pass',
  },
  {
    name: 'ids contain URL-encoded characters',
    path: `/contacts/${TEST_TENANT}/a%20b`,
    status: 'pass',
  },
];

describe('url.ids', () => {
  it.each(cases)('$status when $name', ({ path, status }) => {
    const result = runCheck('url.ids', { url: `${BASE}${path}` });
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it.each([
    ['no URL was given', ''],
    ['the URL does not parse', 'contacts/undefined'],
  ])('skips when %s', (_, url) => {
    expect(runCheck('url.ids', { url }).status).toBe('skip');
  });

  it('names the position of the bad segment', () => {
    const result = runCheck('url.ids', { url: `${BASE}/contacts/${TEST_TENANT}/undefined` });
    expect(result.title).toMatch(/segment 3/);
  });

  it('names the query parameter that is `undefined`', () => {
    const result = runCheck('url.ids', { url: `${BASE}/contacts/${TEST_TENANT}?page=undefined` });
    expect(result.title).toContain('page');
  });

  it('fails on the path before it warns on the query', () => {
    const result = runCheck('url.ids', { url: `${BASE}/contacts/null?page=undefined` });
    expect(result.status).toBe('fail');
  });
});
