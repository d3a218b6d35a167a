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
import {
  audienceMiss,
  nearestAudience,
  type AudienceMiss,
} from '../../../../src/analyzer/checks/token-audience.js';
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
  {
    name: 'fails [another API, /userinfo], naming the API audience that was requested',
    aud: ['https://api.mycompany.com/messages', USERINFO],
    status: 'fail',
    names:
      /"https:\/\/api\.mycompany\.com\/messages" is another API \(and 1 more\)[\s\S]*an API audience was requested, just not Rhythm's/,
  },
  {
    name: 'fails [/userinfo, another API] the same way, whatever the order',
    aud: [USERINFO, 'https://api.mycompany.com/messages'],
    status: 'fail',
    names: /^Wrong audience: "https:\/\/api\.mycompany\.com\/messages" is another API/,
  },
  {
    name: 'fails an array of client ids, naming the one that is azp',
    aud: ['external-test-999', 'Zq4mW8vT2nK6pR0sL3xY7bC1dF5gH9jA'],
    status: 'fail',
    names: /^Wrong audience: "Zq4mW8vT2nK6pR0sL3xY7bC1dF5gH9jA" is a client id[\s\S]*also `azp`/,
  },
  {
    name: 'fails a Microsoft application GUID as a client id',
    aud: 'ef1da9d4-ff77-4c3e-a005-840c3f830745',
    status: 'fail',
    names: /is a client id/,
  },
  { name: 'fails a URN', aud: 'urn:example:audience', status: 'fail', names: /is not an API URL/ },
  {
    name: 'fails another API given without its scheme',
    aud: 'api.example.com/v1',
    status: 'fail',
    names: /is another API/,
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

describe('audienceMiss: how an audience misses https://api.rhythmsoftware.com', () => {
  const rows: Array<[string, AudienceMiss]> = [
    [`${AUDIENCE}/`, 'trailing-slash'],
    ['https://API.rhythmsoftware.com', 'letter-case'],
    ['http://api.rhythmsoftware.com/', 'http-scheme'],
    ['api.rhythmsoftware.com', 'no-scheme'],
    ['https://rolodex.api.rhythmsoftware.com/contacts', 'module-host'],
    ['https://api.example.com/calandar/v1/', 'other-api'],
    ['http://example.com', 'other-api'],
    ['cloudtasks.googleapis.com', 'other-api'],
    [`${TEST_ISSUER}api/v2/`, 'auth0-management'],
    [`${TEST_ISSUER}userinfo`, 'auth0-userinfo'],
    ['https://login.acme.org/userinfo/', 'auth0-userinfo'],
    [TEST_CLIENT, 'client-id'],
    ['NPSfOkH5eZrTy8PMDlvx', 'client-id'],
    ['6e74172b-be56-4843-9ff4-e66a39bb12e3', 'client-id'],
    ['407408718192.apps.googleusercontent.com', 'client-id'],
    ['tokens-test-123', 'client-id'],
    ['urn:example:audience', 'other'],
    ['/projects/652562776798/apps/cloud-samples-tests-php-iap', 'other'],
  ];
  it.each(rows)('%s → %s', (aud, miss) => {
    expect(audienceMiss(aud)).toBe(miss);
  });

  it('picks the nearest: a Rhythm near miss, then another API, /userinfo last', () => {
    const userinfo = `${TEST_ISSUER}userinfo`;
    expect(nearestAudience([userinfo, 'https://a.example', `${AUDIENCE}/`])).toEqual({
      value: `${AUDIENCE}/`,
      kind: 'trailing-slash',
    });
    expect(nearestAudience([userinfo, 'https://a.example'])?.value).toBe('https://a.example');
    expect(nearestAudience([userinfo, 'client-1'])?.value).toBe('client-1');
    expect(nearestAudience(['c1', 'c2'], 'c2')?.value).toBe('c2');
    expect(nearestAudience(['c1', 'c2'])?.value).toBe('c1');
    expect(nearestAudience([])).toBeNull();
  });
});
