import { describe, expect, it } from 'vitest';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { expectFixWhenActionable, runCheck } from '../helpers.js';

type Case = {
  name: string;
  challenge?: string;
  headerName?: string;
  status: number;
  expected: CheckStatus;
};

const cases: Case[] = [
  {
    name: 'the server says invalid_token with a description',
    challenge:
      'Bearer realm="api", error="invalid_token", error_description="The access token expired"',
    status: 401,
    expected: 'fail',
  },
  {
    name: 'the server says invalid_token without a description',
    challenge: 'Bearer error="invalid_token"',
    status: 401,
    expected: 'fail',
  },
  {
    name: 'the server says invalid_request',
    challenge: 'Bearer error="invalid_request", error_description="Malformed Authorization header"',
    status: 401,
    expected: 'fail',
  },
  {
    name: 'the server says insufficient_scope',
    challenge: 'Bearer error="insufficient_scope", scope="read:contacts"',
    status: 403,
    expected: 'fail',
  },
  {
    name: 'the error is an unquoted token',
    challenge: 'Bearer error=invalid_token',
    status: 401,
    expected: 'fail',
  },
  {
    name: 'the server uses an error code outside RFC 6750',
    challenge: 'Bearer error="tenant_mismatch"',
    status: 401,
    expected: 'fail',
  },
  {
    name: 'a Bearer challenge follows a Basic one',
    challenge: 'Basic realm="legacy", Bearer error="invalid_token"',
    status: 401,
    expected: 'fail',
  },
  {
    name: 'the header name is lower case',
    challenge: 'Bearer error="invalid_token"',
    headerName: 'www-authenticate',
    status: 401,
    expected: 'fail',
  },
  {
    name: 'a Bearer challenge on a 401 has no error parameter',
    challenge: 'Bearer realm="api.rhythmsoftware.com"',
    status: 401,
    expected: 'info',
  },
  {
    name: 'a bare `Bearer` challenge on a 401',
    challenge: 'Bearer',
    status: 401,
    expected: 'info',
  },
  { name: 'a 401 has no WWW-Authenticate header', status: 401, expected: 'info' },
  {
    name: 'the challenge is not Bearer',
    challenge: 'Basic realm="api"',
    status: 401,
    expected: 'info',
  },
  {
    name: 'the challenge is Negotiate with a token68',
    challenge: 'Negotiate YIIFAgYGKwYBBQUCoII=',
    status: 401,
    expected: 'info',
  },
  { name: 'the challenge is unreadable', challenge: '=,=,"', status: 401, expected: 'info' },
  {
    name: 'a 200 carries a Bearer challenge without error',
    challenge: 'Bearer realm="api"',
    status: 200,
    expected: 'pass',
  },
  { name: 'a 200 has no WWW-Authenticate header', status: 200, expected: 'skip' },
  { name: 'a 403 has no WWW-Authenticate header', status: 403, expected: 'skip' },
];

describe('server.challenge', () => {
  it.each(cases)('$expected when $name', ({ challenge, headerName, status, expected }) => {
    const responseHeaders =
      challenge === undefined ? {} : { [headerName ?? 'WWW-Authenticate']: challenge };
    const result = runCheck('server.challenge', { status, responseHeaders });
    expect(result.status).toBe(expected);
    expectFixWhenActionable(result);
  });

  it('quotes the error and its description and acts on the description', () => {
    const result = runCheck('server.challenge', {
      responseHeaders: {
        'WWW-Authenticate':
          'Bearer error="invalid_token", error_description="jwt audience invalid"',
      },
    });
    expect(result.title).toContain('invalid_token');
    expect(result.title).toContain('jwt audience invalid');
    expect(result.fix).toContain('jwt audience invalid');
  });

  it.each([
    ['invalid_token', /expired, revoked, malformed/],
    ['invalid_request', /malformed/],
    ['insufficient_scope', /scope/],
  ])('explains %s in RFC 6750 terms', (error, meaning) => {
    const result = runCheck('server.challenge', {
      responseHeaders: { 'WWW-Authenticate': `Bearer error="${error}"` },
    });
    expect(result.detail).toMatch(meaning);
  });

  it('quotes the raw challenge of a non-Bearer scheme', () => {
    const result = runCheck('server.challenge', {
      responseHeaders: { 'WWW-Authenticate': 'Basic realm="api"' },
    });
    expect(result.detail).toContain('Basic realm="api"');
  });
});
