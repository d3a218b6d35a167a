import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { AnalyzerSettings, CheckStatus } from '../../../../src/analyzer/types.js';
import {
  TEST_CLIENT,
  TEST_ISSUER,
  noAudienceToken,
  signToken,
  type TokenOptions,
} from '../../../helpers/tokens.js';
import { check, expectFixWhenActionable, request } from '../helpers.js';

const rows: Array<{
  name: string;
  token: TokenOptions;
  settings?: AnalyzerSettings;
  status: CheckStatus;
}> = [
  { name: 'passes an Auth0 tenant issuer', token: {}, status: 'pass' },
  {
    name: 'passes an issuer in another Auth0 region',
    token: { claims: { iss: 'https://acme-org.eu.auth0.com/' } },
    status: 'pass',
  },
  {
    name: 'passes a custom domain',
    token: { claims: { iss: 'https://login.acme.org/' } },
    status: 'pass',
  },
  {
    name: 'passes the configured expected issuer',
    token: {},
    settings: { expectedIssuer: TEST_ISSUER },
    status: 'pass',
  },
  {
    name: 'passes azp equal to the expected client',
    token: {},
    settings: { expectedClientId: TEST_CLIENT },
    status: 'pass',
  },
  {
    name: 'passes a token without azp when a client is expected',
    token: { omit: ['azp'] },
    settings: { expectedClientId: 'another-client' },
    status: 'pass',
  },
  {
    name: 'warns when azp is not the expected client',
    token: {},
    settings: { expectedClientId: 'Other0Client0Id0000000000000000000' },
    status: 'warn',
  },
  { name: 'fails a missing iss', token: { omit: ['iss'] }, status: 'fail' },
  {
    name: 'fails an http issuer',
    token: { claims: { iss: 'http://acme-org.us.auth0.com/' } },
    status: 'fail',
  },
  {
    name: 'fails an issuer without the trailing slash',
    token: { claims: { iss: 'https://acme-org.us.auth0.com' } },
    status: 'fail',
  },
  {
    name: 'fails an issuer that is not a URL',
    token: { claims: { iss: 'acme-org.us.auth0.com' } },
    status: 'fail',
  },
  { name: 'fails an empty issuer', token: { claims: { iss: '' } }, status: 'fail' },
  { name: 'fails a numeric issuer', token: { claims: { iss: 42 } }, status: 'fail' },
  {
    name: 'fails an issuer other than the configured one',
    token: { claims: { iss: 'https://other-org.us.auth0.com/' } },
    settings: { expectedIssuer: TEST_ISSUER },
    status: 'fail',
  },
  {
    name: 'fails a wrong issuer before judging azp',
    token: { claims: { iss: 'https://other-org.us.auth0.com/' } },
    settings: { expectedIssuer: TEST_ISSUER, expectedClientId: 'another-client' },
    status: 'fail',
  },
];

describe('token.issuer', () => {
  it.each(rows)('$name', async ({ token, settings, status }) => {
    const jwt = await signToken({ kind: 'm2m', ...token });
    const result = check(analyze(request({ auth: `Bearer ${jwt}` }), settings), 'token.issuer');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('names both issuers when the token comes from another tenant', async () => {
    const jwt = await signToken({ claims: { iss: 'https://other-org.us.auth0.com/' } });
    const result = check(
      analyze(request({ auth: `Bearer ${jwt}` }), { expectedIssuer: TEST_ISSUER }),
      'token.issuer',
    );
    expect(result.detail).toContain('other-org.us.auth0.com');
    expect(result.detail).toContain(TEST_ISSUER);
  });

  it('tells a custom domain from an Auth0 tenant', async () => {
    const jwt = await signToken({ claims: { iss: 'https://login.acme.org/' } });
    const result = check(analyze(request({ auth: `Bearer ${jwt}` })), 'token.issuer');
    expect(result.detail).toContain('custom domain');
  });

  it("names Microsoft's issuer as Microsoft's, not as a custom domain", async () => {
    const jwt = await signToken({
      claims: { iss: 'https://sts.windows.net/fa15d692-e9c7-4460-a743-29f2956fd429/' },
    });
    const result = check(analyze(request({ auth: `Bearer ${jwt}` })), 'token.issuer');
    expect(result.detail).toContain("Microsoft's identity platform");
    expect(result.detail).not.toContain('custom domain');
  });

  it('skips when no token was sent', () => {
    expect(check(analyze(request()), 'token.issuer').status).toBe('skip');
  });

  it('skips an encrypted token whose claims cannot be read', () => {
    const result = check(analyze(request({ auth: `Bearer ${noAudienceToken()}` })), 'token.issuer');
    expect(result.status).toBe('skip');
  });
});
