import { describe, expect, it } from 'vitest';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { T0, signToken } from '../../../helpers/tokens.js';
import { expectFixWhenActionable, runCheck } from '../helpers.js';

/** The request goes out one hour after T0; tokens are issued at T0 unless a case says otherwise. */
const SENT = T0 + 3_600_000;
const httpDate = (ms: number): string => new Date(ms).toUTCString();

const ISSUED_AT_T0 = `Bearer ${await signToken({ iatMs: T0 })}`;
const ISSUED_IN_FUTURE = `Bearer ${await signToken({ iatMs: SENT + 5 * 60_000 })}`;
const ISSUED_JUST_AFTER = `Bearer ${await signToken({ iatMs: SENT + 30_000 })}`;
const NO_IAT = `Bearer ${await signToken({ omit: ['iat'] })}`;

type Case = { name: string; auth?: string; date?: string; status: CheckStatus };

const cases: Case[] = [
  { name: 'the server clock is 2 min ahead', date: httpDate(SENT + 120_000), status: 'warn' },
  { name: 'the server clock is 2 min behind', date: httpDate(SENT - 120_000), status: 'warn' },
  { name: 'the server clock is 61 s ahead', date: httpDate(SENT + 61_000), status: 'warn' },
  { name: 'the server clock is a day behind', date: httpDate(SENT - 86_400_000), status: 'warn' },
  {
    name: 'the token was issued 5 min after the request was sent',
    auth: ISSUED_IN_FUTURE,
    status: 'warn',
  },
  {
    name: 'the Date agrees but the token was issued in the future',
    auth: ISSUED_IN_FUTURE,
    date: httpDate(SENT),
    status: 'warn',
  },
  {
    name: 'the token agrees but the Date is 5 min off',
    auth: ISSUED_AT_T0,
    date: httpDate(SENT + 300_000),
    status: 'warn',
  },
  { name: 'the Date equals the send time', date: httpDate(SENT), status: 'pass' },
  { name: 'the Date is 30 s ahead', date: httpDate(SENT + 30_000), status: 'pass' },
  { name: 'the Date is exactly 60 s behind', date: httpDate(SENT - 60_000), status: 'pass' },
  { name: 'the token was issued before the request', auth: ISSUED_AT_T0, status: 'pass' },
  { name: 'the token was issued 30 s after the request', auth: ISSUED_JUST_AFTER, status: 'pass' },
  {
    name: 'the Date and the token both agree',
    auth: ISSUED_AT_T0,
    date: httpDate(SENT + 2_000),
    status: 'pass',
  },
  { name: 'there is neither a Date header nor a token', status: 'skip' },
  { name: 'there is no Date header and the token has no iat', auth: NO_IAT, status: 'skip' },
  {
    name: 'the Date header is unreadable and there is no token',
    date: 'yesterday',
    status: 'skip',
  },
];

describe('clock.skew', () => {
  it.each(cases)('$status when $name', ({ auth, date, status }) => {
    const result = runCheck('clock.skew', {
      sentAt: SENT,
      ...(auth === undefined ? {} : { auth }),
      responseHeaders: date === undefined ? {} : { Date: date },
    });
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('says by how much and which way the server clock differs', () => {
    const result = runCheck('clock.skew', {
      sentAt: SENT,
      responseHeaders: { Date: httpDate(SENT + 120_000) },
    });
    expect(result.detail).toMatch(/2 min ahead/);
  });

  it('says by how much the token was issued after the request', () => {
    const result = runCheck('clock.skew', { sentAt: SENT, auth: ISSUED_IN_FUTURE });
    expect(result.detail).toMatch(/5 min after/);
  });

  it('reads a lower-case date header', () => {
    const result = runCheck('clock.skew', {
      sentAt: SENT,
      responseHeaders: { date: httpDate(SENT - 120_000) },
    });
    expect(result.status).toBe('warn');
    expect(result.detail).toMatch(/2 min behind/);
  });
});
