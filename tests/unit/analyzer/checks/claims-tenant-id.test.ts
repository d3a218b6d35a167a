import { describe, expect, it } from 'vitest';
import { CLAIM_TENANT_ID } from '../../../../src/analyzer/rhythm.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { TEST_TENANT, signToken } from '../../../helpers/tokens.js';
import { expectFixWhenActionable, runCheck } from '../helpers.js';

const HTTPS_CLAIM = CLAIM_TENANT_ID.replace('http://', 'https://');

async function bearer(claims: Record<string, unknown>, omit: string[] = []): Promise<string> {
  return `Bearer ${await signToken({ claims, omit })}`;
}

const cases: Array<{ name: string; auth: string; status: CheckStatus }> = [
  { name: 'the claim is a tenant id', auth: await bearer({}), status: 'pass' },
  { name: 'the claim is missing', auth: await bearer({}, [CLAIM_TENANT_ID]), status: 'fail' },
  { name: 'the claim is empty', auth: await bearer({ [CLAIM_TENANT_ID]: '' }), status: 'fail' },
  {
    name: 'the claim is only spaces',
    auth: await bearer({ [CLAIM_TENANT_ID]: '   ' }),
    status: 'fail',
  },
  { name: 'the claim is a number', auth: await bearer({ [CLAIM_TENANT_ID]: 42 }), status: 'fail' },
  { name: 'the claim is null', auth: await bearer({ [CLAIM_TENANT_ID]: null }), status: 'fail' },
  {
    name: 'the claim is an array',
    auth: await bearer({ [CLAIM_TENANT_ID]: [TEST_TENANT] }),
    status: 'fail',
  },
  {
    name: 'the claim is an object',
    auth: await bearer({ [CLAIM_TENANT_ID]: { id: TEST_TENANT } }),
    status: 'fail',
  },
  {
    name: 'the claim uses the https:// namespace',
    auth: await bearer({ [HTTPS_CLAIM]: TEST_TENANT }, [CLAIM_TENANT_ID]),
    status: 'fail',
  },
  { name: 'no token was sent', auth: '', status: 'skip' },
  { name: 'the token cannot be decoded', auth: 'Bearer not.a.jwt', status: 'skip' },
];

describe('claims.tenant_id', () => {
  it.each(cases)('$status when $name', ({ auth, status }) => {
    const result = runCheck('claims.tenant_id', auth === '' ? {} : { auth });
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('names the https:// namespace mistake and the http:// one Rhythm uses', async () => {
    const auth = await bearer({ [HTTPS_CLAIM]: TEST_TENANT }, [CLAIM_TENANT_ID]);
    const result = runCheck('claims.tenant_id', { auth });
    expect(result.detail).toContain(HTTPS_CLAIM);
    expect(result.detail).toContain('`http://`');
  });

  it('quotes the tenant id it found', () => {
    const result = runCheck('claims.tenant_id', { auth: cases[0]!.auth });
    expect(result.title).toContain(TEST_TENANT);
  });

  it('quotes a value of the wrong type as evidence', async () => {
    const result = runCheck('claims.tenant_id', { auth: await bearer({ [CLAIM_TENANT_ID]: 42 }) });
    expect(result.detail).toContain('42');
  });
});
