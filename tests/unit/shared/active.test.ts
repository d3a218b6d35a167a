import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import type { ActiveCheckOutcome, CapturedRequest } from '../../../src/analyzer/types.js';
import { patchDiagnosis } from '../../../src/shared/active.js';
import { signToken, T0 } from '../../helpers/tokens.js';

const request = (
  auth: string,
  url = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current',
): CapturedRequest => ({
  url,
  method: 'GET',
  status: 401,
  sentAt: T0 + 60_000,
  requestHeaders: [{ name: 'Authorization', value: auth }],
  responseHeaders: [],
});

const OUTCOMES: ActiveCheckOutcome[] = [
  { status: 'pass', title: 'ok', detail: 'd' },
  { status: 'fail', title: 'bad', detail: 'd', fix: 'f' },
  { status: 'warn', title: 'hm', detail: 'd', fix: 'f' },
  { status: 'info', title: 'fyi', detail: 'd' },
];

describe('patchDiagnosis', () => {
  it.each(OUTCOMES)(
    'writes a $status result as analyze(request, {active}) would',
    async (outcome) => {
      const token = await signToken();
      for (const req of [request(`Bearer ${token}`), request(token)]) {
        for (const [id, key] of [
          ['token.signature', 'signature'],
          ['contact.verified', 'contact'],
        ] as const) {
          expect(patchDiagnosis(analyze(req), id, outcome)).toEqual(
            analyze(req, { active: { [key]: outcome } }),
          );
        }
      }
    },
  );

  it('moves the root cause and the verdict with the result', async () => {
    const d = analyze(request(`Bearer ${await signToken()}`));
    expect(d.verdict).toBe('pass');
    const failed = patchDiagnosis(d, 'token.signature', OUTCOMES[1]!);
    expect(failed.verdict).toBe('fail');
    expect(failed.rootCause).toEqual({ id: 'token.signature', summary: 'bad', fix: 'f' });
    // Run again and passed: the same diagnosis as passing the first time.
    expect(patchDiagnosis(failed, 'token.signature', OUTCOMES[0]!)).toEqual(
      patchDiagnosis(d, 'token.signature', OUTCOMES[0]!),
    );
  });
});
