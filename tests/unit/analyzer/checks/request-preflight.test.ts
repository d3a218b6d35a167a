import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { signToken } from '../../../helpers/tokens.js';
import { check, expectFixWhenActionable, request, type RequestOptions } from '../helpers.js';

const jwt = await signToken();

const rows: Array<{ name: string; options: RequestOptions; status: CheckStatus }> = [
  {
    name: 'fails when an OPTIONS preflight got 401',
    options: { method: 'OPTIONS' },
    status: 'fail',
  },
  {
    name: 'fails when a lower-case options request got 401',
    options: { method: 'options' },
    status: 'fail',
  },
  {
    name: "fails when the browser typed the request 'preflight'",
    options: { method: 'OPTIONS', type: 'preflight' },
    status: 'fail',
  },
  {
    name: "fails on type 'preflight' even if the method was not recorded as OPTIONS",
    options: { type: 'preflight' },
    status: 'fail',
  },
  {
    name: 'passes a preflight that was answered 204',
    options: { method: 'OPTIONS', status: 204 },
    status: 'pass',
  },
  { name: 'passes a GET', options: { auth: `Bearer ${jwt}` }, status: 'pass' },
  { name: 'passes a GET without any token', options: {}, status: 'pass' },
  {
    name: 'passes a POST',
    options: { method: 'POST', auth: `Bearer ${jwt}`, type: 'xmlhttprequest' },
    status: 'pass',
  },
];

describe('request.preflight', () => {
  it.each(rows)('$name', ({ options, status }) => {
    const result = check(analyze(request(options)), 'request.preflight');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('is the root cause of a 401 preflight, ahead of every header and token check', () => {
    const diagnosis = analyze(request({ method: 'OPTIONS', type: 'preflight' }));
    expect(diagnosis.verdict).toBe('fail');
    expect(diagnosis.rootCause?.id).toBe('request.preflight');
    expect(diagnosis.rootCause?.fix).toBeTruthy();
  });

  it('skips the header checks on a preflight, which never carries credentials', () => {
    const diagnosis = analyze(request({ method: 'OPTIONS' }));
    for (const id of ['header.name', 'header.present', 'header.scheme'] as const) {
      expect(check(diagnosis, id).status, id).toBe('skip');
    }
  });
});
