import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { T0, noAudienceToken, signToken } from '../../../helpers/tokens.js';
import { check, expectFixWhenActionable, request } from '../helpers.js';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const IAT = Math.floor(T0 / S);
/** The default test token expires 24 h after T0. */
const EXP_MS = T0 + 24 * H;

const valid = await signToken();

interface Row {
  name: string;
  token: string;
  sentAt: number;
  status: CheckStatus;
  /** What the title must say (by how much, in words). */
  says?: RegExp;
}

const rows: Row[] = [
  {
    name: 'passes a token sent an hour after issue',
    token: valid,
    sentAt: T0 + H,
    status: 'pass',
    says: /23 h/,
  },
  {
    name: 'passes a token with exactly 60 s left',
    token: valid,
    sentAt: EXP_MS - 60 * S,
    status: 'pass',
  },
  {
    name: 'passes a token whose nbf is in the past',
    token: await signToken({ claims: { nbf: IAT } }),
    sentAt: T0 + H,
    status: 'pass',
  },
  {
    name: 'warns when only 30 s were left',
    token: valid,
    sentAt: EXP_MS - 30 * S,
    status: 'warn',
    says: /30 s/,
  },
  {
    name: 'warns when only 59 s were left',
    token: valid,
    sentAt: EXP_MS - 59 * S,
    status: 'warn',
    says: /59 s/,
  },
  {
    name: 'warns when exp is missing',
    token: await signToken({ omit: ['exp'] }),
    sentAt: T0 + H,
    status: 'warn',
  },
  {
    name: 'fails a token expired 2 h 14 min before the request',
    token: valid,
    sentAt: EXP_MS + 2 * H + 14 * MIN,
    status: 'fail',
    says: /expired 2 h 14 min before/,
  },
  {
    name: 'fails a token expiring at the very moment it was sent',
    token: valid,
    sentAt: EXP_MS,
    status: 'fail',
    says: /0 s/,
  },
  {
    name: 'fails a token expired 3 days before the request',
    token: valid,
    sentAt: EXP_MS + 3 * 24 * H,
    status: 'fail',
    says: /3 d/,
  },
  {
    name: 'fails a token whose nbf is after the request',
    token: await signToken({ claims: { nbf: IAT + 600 } }),
    sentAt: T0 + MIN,
    status: 'fail',
    says: /nbf.*9 min/,
  },
  {
    name: 'fails exp in milliseconds',
    token: await signToken({ claims: { exp: EXP_MS } }),
    sentAt: T0 + H,
    status: 'fail',
    says: /milliseconds/,
  },
  {
    name: 'fails exp as a string',
    token: await signToken({ claims: { exp: String(IAT + 86_400) } }),
    sentAt: T0 + H,
    status: 'fail',
    says: /not a number/,
  },
  {
    name: 'fails exp as null',
    token: await signToken({ claims: { exp: null } }),
    sentAt: T0 + H,
    status: 'fail',
    says: /not a number/,
  },
];

describe('token.expiry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(rows)('$name', ({ token, sentAt, status, says }) => {
    const result = check(analyze(request({ auth: `Bearer ${token}`, sentAt })), 'token.expiry');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
    if (says) expect(result.title).toMatch(says);
  });

  it('says by how much it expired in the detail too, with both times', () => {
    const sentAt = EXP_MS + 2 * H + 14 * MIN;
    const result = check(analyze(request({ auth: `Bearer ${valid}`, sentAt })), 'token.expiry');
    expect(result.detail).toContain(new Date(EXP_MS).toISOString().replace('.000Z', 'Z'));
    expect(result.detail).toContain(new Date(sentAt).toISOString().replace('.000Z', 'Z'));
  });

  it('judges the same token at the time each request was sent', () => {
    const at = (sentAt: number) =>
      check(analyze(request({ auth: `Bearer ${valid}`, sentAt })), 'token.expiry').status;
    expect(at(T0 + H)).toBe('pass');
    expect(at(T0 + 25 * H)).toBe('fail');
    expect(at(T0 + H)).toBe('pass');
  });

  it.each([
    ['long after the token expired', Date.UTC(2100, 0, 1)],
    ['long before the token was issued', Date.UTC(2000, 0, 1)],
  ])('never reads the wall clock (system time %s)', (_when, now) => {
    const before = analyze(request({ auth: `Bearer ${valid}`, sentAt: T0 + H }));
    vi.useFakeTimers({ now, toFake: ['Date'] });
    expect(Date.now()).toBe(now);
    const after = analyze(request({ auth: `Bearer ${valid}`, sentAt: T0 + H }));
    expect(check(after, 'token.expiry')).toEqual(check(before, 'token.expiry'));
    expect(after).toEqual(before);
  });

  it('skips when no token was sent', () => {
    expect(check(analyze(request()), 'token.expiry').status).toBe('skip');
  });

  it('skips an encrypted token whose claims cannot be read', () => {
    const result = check(analyze(request({ auth: `Bearer ${noAudienceToken()}` })), 'token.expiry');
    expect(result.status).toBe('skip');
  });

  it('makes an expired token the root cause when the header is right', () => {
    const diagnosis = analyze(request({ auth: `Bearer ${valid}`, sentAt: T0 + 30 * H }));
    expect(diagnosis.rootCause?.id).toBe('token.expiry');
  });
});
