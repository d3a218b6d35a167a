import { describe, expect, it } from 'vitest';
import type { ActiveCheckOutcome, CheckId } from '../../../../src/analyzer/types.js';
import { noAudienceToken, signToken } from '../../../helpers/tokens.js';
import { runCheck } from '../helpers.js';

const USER = `Bearer ${await signToken()}`;

const ACTIVE: Array<{ id: CheckId; key: 'signature' | 'contact' }> = [
  { id: 'token.signature', key: 'signature' },
  { id: 'contact.verified', key: 'contact' },
];

const OUTCOMES: ActiveCheckOutcome[] = [
  {
    status: 'pass',
    title: 'Signature verified with key test-key-1',
    detail: 'JWKS of the issuer.',
  },
  {
    status: 'fail',
    title: 'Signature does not verify',
    detail: 'No key of the JWKS verifies it.',
    fix: 'Use the token your Auth0 tenant issued.',
  },
  {
    status: 'warn',
    title: 'JWKS unreachable',
    detail: 'The request to the JWKS timed out.',
    fix: 'Retry when online.',
  },
  { status: 'info', title: 'Probe answered 200', detail: 'GET /contacts/current → 200.' },
];

describe.each(ACTIVE)('$id', ({ id, key }) => {
  it('skips as not run by default, and says so', () => {
    const result = runCheck(id, { auth: USER });
    expect(result.status).toBe('skip');
    expect(result.detail).toMatch(/not run/i);
  });

  it('skips when there is no token', () => {
    expect(runCheck(id, {}).status).toBe('skip');
  });

  it.each(OUTCOMES)('reports a $status outcome of the run verbatim', (outcome) => {
    const result = runCheck(id, { auth: USER }, { active: { [key]: outcome } });
    expect(result).toStrictEqual({ id, ...outcome });
  });

  it('does not report the other active check’s outcome', () => {
    const other = key === 'signature' ? 'contact' : 'signature';
    const result = runCheck(id, { auth: USER }, { active: { [other]: OUTCOMES[1] } });
    expect(result.status).toBe('skip');
  });
});

describe('token.signature', () => {
  it('skips without "not run" when the token is not a signed JWT', () => {
    const result = runCheck('token.signature', { auth: `Bearer ${noAudienceToken()}` });
    expect(result.status).toBe('skip');
    expect(result.detail).not.toMatch(/not run/i);
  });
});
