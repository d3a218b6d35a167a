import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import {
  AUDIENCE,
  TEST_CLIENT,
  TEST_ISSUER,
  noAudienceToken,
  signToken,
} from '../../../helpers/tokens.js';
import { check, expectFixWhenActionable, request } from '../helpers.js';

const USERINFO = `${TEST_ISSUER}userinfo`;

interface Row {
  name: string;
  /** The `aud` claim; `undefined` removes it. */
  aud?: unknown;
  status: CheckStatus;
  /** The near miss the title or detail must name (in words, not by quoting the value). */
  names?: RegExp;
}

const rows: Row[] = [
  { name: 'passes the exact audience', aud: AUDIENCE, status: 'pass' },
  { name: 'passes an array containing the audience', aud: [AUDIENCE, USERINFO], status: 'pass' },
  { name: 'passes an array with the audience second', aud: [USERINFO, AUDIENCE], status: 'pass' },
  { name: 'fails a trailing slash', aud: `${AUDIENCE}/`, status: 'fail', names: /trailing slash/ },
  {
    name: 'fails http://',
    aud: 'http://api.rhythmsoftware.com',
    status: 'fail',
    names: /http:\/\/ instead of https:\/\//,
  },
  {
    name: 'fails http:// with a trailing slash',
    aud: 'http://api.rhythmsoftware.com/',
    status: 'fail',
    names: /instead of https/,
  },
  {
    name: 'fails the audience without a scheme',
    aud: 'api.rhythmsoftware.com',
    status: 'fail',
    names: /no https:\/\/ scheme/,
  },
  {
    name: 'fails a module host',
    aud: 'https://rolodex.api.rhythmsoftware.com',
    status: 'fail',
    names: /module host/,
  },
  {
    name: 'fails a module host with a path',
    aud: 'https://membership.api.rhythmsoftware.com/memberships',
    status: 'fail',
    names: /module host/,
  },
  {
    name: 'fails the Auth0 /userinfo audience alone',
    aud: USERINFO,
    status: 'fail',
    names: /\/userinfo audience/,
  },
  {
    name: 'fails the /userinfo audience of a custom domain',
    aud: 'https://login.acme.org/userinfo',
    status: 'fail',
    names: /\/userinfo audience/,
  },
  {
    name: 'fails the Auth0 Management API audience',
    aud: `${TEST_ISSUER}api/v2/`,
    status: 'fail',
    names: /Management API/,
  },
  { name: 'fails a client id', aud: TEST_CLIENT, status: 'fail', names: /client id/ },
  {
    name: 'fails a difference in letter case',
    aud: 'https://API.RhythmSoftware.com',
    status: 'fail',
    names: /letter case/,
  },
  {
    name: 'fails an array of near misses, naming the first',
    aud: [`${AUDIENCE}/`, USERINFO],
    status: 'fail',
    names: /trailing slash/,
  },
  {
    name: 'fails another API',
    aud: 'https://api.example.com',
    status: 'fail',
    names: /another API/,
  },
  { name: 'fails an empty array', aud: [], status: 'fail' },
  { name: 'fails a number', aud: 42, status: 'fail' },
  { name: 'fails a missing aud', aud: undefined, status: 'fail', names: /no audience/ },
];

describe('token.audience', () => {
  it.each(rows)('$name', async ({ aud, status, names }) => {
    const token = await signToken(
      aud === undefined ? { kind: 'm2m', omit: ['aud'] } : { kind: 'm2m', claims: { aud } },
    );
    const result = check(analyze(request({ auth: `Bearer ${token}` })), 'token.audience');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
    if (names) expect(`${result.title}\n${result.detail}`).toMatch(names);
    if (status === 'fail') expect(result.fix).toContain(`audience=${AUDIENCE}`);
  });

  it('skips when no token was sent', () => {
    expect(check(analyze(request()), 'token.audience').status).toBe('skip');
  });

  it('skips an encrypted token whose claims cannot be read', () => {
    const result = check(
      analyze(request({ auth: `Bearer ${noAudienceToken()}` })),
      'token.audience',
    );
    expect(result.status).toBe('skip');
  });
});
