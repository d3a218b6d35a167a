import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { signToken } from '../../../helpers/tokens.js';
import {
  DEFAULT_URL,
  check,
  expectFixWhenActionable,
  request,
  type RequestOptions,
} from '../helpers.js';

const jwt = await signToken();
const bearer = `Bearer ${jwt}`;

const rows: Array<{ name: string; options: RequestOptions; status: CheckStatus }> = [
  { name: 'passes the header named Authorization', options: { auth: bearer }, status: 'pass' },
  ...['authorization', 'AUTHORIZATION', 'AuThOrIzAtIoN'].map((name) => ({
    name: `passes the header named ${name} (names are case-insensitive)`,
    options: { headers: { [name]: bearer } },
    status: 'pass' as const,
  })),
  {
    name: 'passes Authorization even beside a look-alike header',
    options: { auth: bearer, headers: { 'X-Auth-Token': jwt } },
    status: 'pass',
  },
  ...[
    'Authorisation',
    'X-Authorization',
    'Auth',
    'Token',
    'X-Access-Token',
    'access_token',
    'Bearer',
    'JWT',
    'Authentication',
  ].map((name) => ({
    name: `fails a token sent under the look-alike header ${name}`,
    options: { headers: { [name]: bearer } },
    status: 'fail' as const,
  })),
  ...['access_token', 'token', 'id_token'].map((param) => ({
    name: `fails a token sent in the ${param} query parameter`,
    options: { url: `${DEFAULT_URL}?${param}=${jwt}` },
    status: 'fail' as const,
  })),
  { name: 'skips when no token was sent under any name', options: {}, status: 'skip' },
  {
    name: 'skips a header unrelated to credentials',
    options: { headers: { Accept: 'application/json' } },
    status: 'skip',
  },
  {
    name: 'skips a CORS preflight',
    options: { method: 'OPTIONS', headers: { Token: jwt } },
    status: 'skip',
  },
];

describe('header.name', () => {
  it.each(rows)('$name', ({ options, status }) => {
    const result = check(analyze(request(options)), 'header.name');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('names the look-alike header it found', () => {
    const result = check(
      analyze(request({ headers: { 'X-Authorization': bearer } })),
      'header.name',
    );
    expect(result.title).toContain('X-Authorization');
  });

  it('still decodes a token sent under a look-alike name, so the token checks run', () => {
    const diagnosis = analyze(request({ headers: { Authorisation: bearer } }));
    expect(check(diagnosis, 'token.format').status).toBe('pass');
    expect(check(diagnosis, 'token.audience').status).toBe('pass');
    expect(diagnosis.rootCause?.id).toBe('header.name');
  });

  it('still decodes a token sent in the query string', () => {
    const diagnosis = analyze(request({ url: `${DEFAULT_URL}?access_token=${jwt}` }));
    expect(check(diagnosis, 'token.expiry').status).toBe('pass');
  });
});
