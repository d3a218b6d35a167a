import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { AUDIENCE, TEST_CLIENT, noAudienceToken, signToken } from '../../../helpers/tokens.js';
import { check, expectFixWhenActionable, request } from '../helpers.js';

const rows: Array<{ name: string; token: string | null; status: CheckStatus }> = [
  {
    name: 'fails an ID token (aud = client id, nonce, at_hash, email)',
    token: await signToken({ kind: 'id' }),
    status: 'fail',
  },
  {
    name: 'fails an ID token with only a nonce',
    token: await signToken({ kind: 'id', omit: ['at_hash', 'email', 'name'] }),
    status: 'fail',
  },
  {
    name: 'fails an ID token with only at_hash',
    token: await signToken({ kind: 'id', omit: ['nonce', 'email', 'name'] }),
    status: 'fail',
  },
  {
    name: 'fails an ID token without nonce or at_hash, by its client-id audience and email',
    token: await signToken({ kind: 'id', omit: ['nonce', 'at_hash', 'name'] }),
    status: 'fail',
  },
  {
    name: 'fails an ID token whose aud is an array holding the client id',
    token: await signToken({ kind: 'id', claims: { aud: [TEST_CLIENT] } }),
    status: 'fail',
  },
  {
    name: 'fails an ID token carrying auth_time',
    token: await signToken({
      kind: 'id',
      omit: ['nonce', 'at_hash'],
      claims: { auth_time: 1, aud: 'https://app.acme.org' },
    }),
    status: 'fail',
  },
  { name: 'passes a user access token', token: await signToken({ kind: 'user' }), status: 'pass' },
  {
    name: 'passes a user access token that also carries an email claim',
    token: await signToken({ kind: 'user', claims: { email: 'ada@acme.org' } }),
    status: 'pass',
  },
  {
    name: 'passes a machine-to-machine access token',
    token: await signToken({ kind: 'm2m' }),
    status: 'pass',
  },
  {
    name: 'passes a token for the Rhythm API even with ID-token claims (the audience decides)',
    token: await signToken({ kind: 'id', claims: { aud: AUDIENCE } }),
    status: 'pass',
  },
  { name: 'skips when no token was sent', token: null, status: 'skip' },
  { name: 'skips a token that cannot be decoded', token: noAudienceToken(), status: 'skip' },
];

describe('token.kind', () => {
  it.each(rows)('$name', ({ token, status }) => {
    const result = check(analyze(request(token ? { auth: `Bearer ${token}` } : {})), 'token.kind');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('names the ID-token claims it found and points to the access_token', async () => {
    const result = check(
      analyze(request({ auth: `Bearer ${await signToken({ kind: 'id' })}` })),
      'token.kind',
    );
    expect(result.detail).toContain('`nonce`');
    expect(result.detail).toContain('`at_hash`');
    expect(result.fix).toContain('access_token');
  });

  it('reports the subject of user and machine-to-machine tokens', async () => {
    const m2m = analyze(request({ auth: `Bearer ${await signToken({ kind: 'm2m' })}` }));
    const user = analyze(request({ auth: `Bearer ${await signToken({ kind: 'user' })}` }));
    expect(m2m.token.subject).toBe('m2m');
    expect(user.token.subject).toBe('user');
  });
});
