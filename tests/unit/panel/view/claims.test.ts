import { describe, expect, it } from 'vitest';
import {
  claimRows,
  claimTime,
  MAX_CLAIM_ROWS,
  ownString,
  relativeToRequest,
} from '../../../../src/panel/view/claims.js';
import { CLAIM_TENANT_ID } from '../../../../src/analyzer/rhythm.js';

const SENT = Date.UTC(2026, 10, 2, 14, 0, 0);
const H = 3_600_000;

describe('claim rows', () => {
  it.each([
    ['exp', SENT - (2 * H + 14 * 60_000), 'expired 2 h 14 min before this request'],
    ['exp', SENT + 3 * H, '3 h left when this request was sent'],
    ['iat', SENT - 25 * H, 'issued 25 h before this request'],
    ['iat', SENT + 90_000, 'issued 1 min 30 s after this request (clock skew?)'],
    ['nbf', SENT + 60_000, 'not valid until 1 min after this request'],
    ['auth_time', SENT - 5 * 60_000, 'signed in 5 min before this request'],
  ] as const)('says %s at %d is "%s"', (claim, at, words) => {
    expect(relativeToRequest(claim, at, SENT)).toBe(words);
  });

  it('reads NumericDates as seconds, and flags milliseconds', () => {
    expect(claimTime('exp', SENT / 1000, SENT)).toMatchObject({
      at: SENT,
      milliseconds: false,
      utc: '2026-11-02T14:00:00Z',
    });
    expect(claimTime('exp', SENT + H, SENT)).toMatchObject({ at: SENT + H, milliseconds: true });
    expect(claimTime('exp', 'tomorrow', SENT)).toBeNull();
    expect(claimTime('exp', 1e300, SENT)).toBeNull();
  });

  it('marks and explains the Rhythm claims, with their short names', () => {
    const [row] = claimRows({ [CLAIM_TENANT_ID]: 'acme.org' }, SENT);
    expect(row).toMatchObject({ rhythm: true, shortName: 'tenant_id', value: 'acme.org' });
    expect(row?.explanation).toMatch(/tenant/);
  });

  it('shows a __proto__ claim as a row of its own, with no explanation borrowed from Object.prototype', () => {
    const claims = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": "x", "sub": "u"}',
    ) as Record<string, unknown>;
    const rows = claimRows(claims, SENT);
    expect(rows.map((r) => r.name)).toEqual(['__proto__', 'constructor', 'sub']);
    expect(rows[0]).toMatchObject({
      explanation: null,
      shortName: null,
      value: { polluted: true },
    });
    expect(rows[1]?.explanation).toBeNull();
    expect(ownString({}, 'toString')).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`renders at most ${MAX_CLAIM_ROWS} rows`, () => {
    const claims = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`c${i}`, i]));
    expect(claimRows(claims, SENT)).toHaveLength(MAX_CLAIM_ROWS);
  });
});
