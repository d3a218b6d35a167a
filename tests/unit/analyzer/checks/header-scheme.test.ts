import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { signToken } from '../../../helpers/tokens.js';
import { check, expectFixWhenActionable, request, type RequestOptions } from '../helpers.js';

const jwt = await signToken();

const fails: Array<[name: string, auth: string]> = [
  ['the raw token without a scheme', jwt],
  ['the Basic scheme', 'Basic Y2xpZW50OnNlY3JldA=='],
  ['the Token scheme', `Token ${jwt}`],
  ['the JWT scheme', `JWT ${jwt}`],
  ['Bearer without a space', `Bearer${jwt}`],
  ['Bearer twice', `Bearer Bearer ${jwt}`],
  ['double quotes around the token', `Bearer "${jwt}"`],
  ['single quotes around the token', `Bearer '${jwt}'`],
  ['an empty value', ''],
  ['the literal undefined', 'undefined'],
  ['the literal null', 'null'],
  ['the literal [object Object]', '[object Object]'],
  ['Bearer undefined', 'Bearer undefined'],
  ['Bearer null', 'Bearer null'],
  ['Bearer [object Object]', 'Bearer [object Object]'],
  ['Bearer and nothing else', 'Bearer'],
];
const warns: Array<[name: string, auth: string]> = [
  ['a lower-case bearer', `bearer ${jwt}`],
  ['an upper-case BEARER', `BEARER ${jwt}`],
  ['two spaces after Bearer', `Bearer  ${jwt}`],
  ['a leading space', ` Bearer ${jwt}`],
  ['a trailing newline', `Bearer ${jwt}\n`],
];

const rows: Array<{ name: string; options: RequestOptions; status: CheckStatus }> = [
  ...fails.map(([name, auth]) => ({
    name: `fails ${name}`,
    options: { auth },
    status: 'fail' as const,
  })),
  ...warns.map(([name, auth]) => ({
    name: `warns on ${name}`,
    options: { auth },
    status: 'warn' as const,
  })),
  { name: 'passes exactly `Bearer <token>`', options: { auth: `Bearer ${jwt}` }, status: 'pass' },
  { name: 'skips a CORS preflight', options: { method: 'OPTIONS', auth: jwt }, status: 'skip' },
  { name: 'skips when there is no Authorization header', options: {}, status: 'skip' },
  {
    name: 'skips a token under a look-alike name (header.name fails it)',
    options: { headers: { Token: jwt } },
    status: 'skip',
  },
];

describe('header.scheme', () => {
  it.each(rows)('$name', ({ options, status }) => {
    const result = check(analyze(request(options)), 'header.scheme');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('makes a wrong scheme the root cause when the token itself is fine', () => {
    const diagnosis = analyze(request({ auth: jwt }));
    expect(diagnosis.rootCause?.id).toBe('header.scheme');
  });

  it.each([
    ['a raw token', jwt],
    ['Bearer without a space', `Bearer${jwt}`],
    ['Bearer twice', `Bearer Bearer ${jwt}`],
    ['quotes', `Bearer "${jwt}"`],
    ['the JWT scheme', `JWT ${jwt}`],
    ['a trailing newline', `Bearer ${jwt}\n`],
  ])('repairs the header mistake (%s) so the token checks still run', (_name, auth) => {
    const diagnosis = analyze(request({ auth }));
    expect(check(diagnosis, 'token.format').status).toBe('pass');
    expect(check(diagnosis, 'token.expiry').status).toBe('pass');
    expect(diagnosis.token.form).toBe('jws');
  });

  it('has nothing to decode behind Basic credentials', () => {
    const diagnosis = analyze(request({ auth: 'Basic Y2xpZW50OnNlY3JldA==' }));
    expect(check(diagnosis, 'token.format').status).toBe('skip');
    expect(diagnosis.token.form).toBe('none');
  });

  it('gives the Basic scheme the client-credentials exchange as its fix', () => {
    const result = check(analyze(request({ auth: 'Basic Y2xpZW50OnNlY3JldA==' })), 'header.scheme');
    expect(result.fix).toContain('client_credentials');
  });
});
