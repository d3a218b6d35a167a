import { describe, expect, it } from 'vitest';
import { CLAIM_CUSTOMER_ID } from '../../../../src/analyzer/rhythm.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { TEST_CUSTOMER, noAudienceToken, signToken } from '../../../helpers/tokens.js';
import { expectFixWhenActionable, runCheck } from '../helpers.js';

const HTTPS_CLAIM = CLAIM_CUSTOMER_ID.replace('http://', 'https://');

async function bearer(claims: Record<string, unknown>, omit: string[] = []): Promise<string> {
  return `Bearer ${await signToken({ claims, omit })}`;
}

const cases: Array<{ name: string; auth: string; status: CheckStatus }> = [
  { name: 'the claim is a customer id', auth: await bearer({}), status: 'pass' },
  {
    name: 'the claim is a numeric customer id',
    auth: await bearer({ [CLAIM_CUSTOMER_ID]: 8042 }),
    status: 'pass',
  },
  {
    name: 'an M2M token carries the claim',
    auth: `Bearer ${await signToken({ kind: 'm2m' })}`,
    status: 'pass',
  },
  { name: 'the claim is missing', auth: await bearer({}, [CLAIM_CUSTOMER_ID]), status: 'fail' },
  { name: 'the claim is empty', auth: await bearer({ [CLAIM_CUSTOMER_ID]: '' }), status: 'fail' },
  {
    name: 'the claim is only spaces',
    auth: await bearer({ [CLAIM_CUSTOMER_ID]: ' \t' }),
    status: 'fail',
  },
  {
    name: 'the claim is a boolean',
    auth: await bearer({ [CLAIM_CUSTOMER_ID]: true }),
    status: 'fail',
  },
  { name: 'the claim is null', auth: await bearer({ [CLAIM_CUSTOMER_ID]: null }), status: 'fail' },
  {
    name: 'the claim is an object',
    auth: await bearer({ [CLAIM_CUSTOMER_ID]: { id: TEST_CUSTOMER } }),
    status: 'fail',
  },
  {
    name: 'the claim uses the https:// namespace',
    auth: await bearer({ [HTTPS_CLAIM]: TEST_CUSTOMER }, [CLAIM_CUSTOMER_ID]),
    status: 'fail',
  },
  { name: 'no token was sent', auth: '', status: 'skip' },
  { name: 'the token is the 5-segment JWE', auth: `Bearer ${noAudienceToken()}`, status: 'skip' },
];

describe('claims.customer_id', () => {
  it.each(cases)('$status when $name', ({ auth, status }) => {
    const result = runCheck('claims.customer_id', auth === '' ? {} : { auth });
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('quotes the customer id it found', () => {
    expect(runCheck('claims.customer_id', { auth: cases[0]!.auth }).title).toContain(TEST_CUSTOMER);
  });

  it('names the exact claim it looked for when it is missing', async () => {
    const result = runCheck('claims.customer_id', {
      auth: await bearer({ [HTTPS_CLAIM]: TEST_CUSTOMER }, [CLAIM_CUSTOMER_ID]),
    });
    expect(result.detail).toContain(CLAIM_CUSTOMER_ID);
  });
});
