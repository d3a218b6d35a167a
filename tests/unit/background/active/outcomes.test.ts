import { describe, expect, it } from 'vitest';
import {
  contactOf,
  contactOutcome,
  retryResult,
  signatureOutcome,
  type SignatureResult,
} from '../../../../src/background/active/outcomes.js';

const URL = 'https://acme-org.us.auth0.com/.well-known/jwks.json';

describe('signatureOutcome', () => {
  it.each<[SignatureResult, string, string]>([
    [{ kind: 'verified', url: URL, kid: 'k1', alg: 'RS256' }, 'pass', 'Signature verified'],
    [{ kind: 'not-https', iss: 'http://x.us.auth0.com/' }, 'fail', 'not https'],
    [{ kind: 'unexpected-alg', alg: 'HS256' }, 'fail', 'Signed with `HS256`, not RS256'],
    [{ kind: 'unexpected-alg', alg: 'none' }, 'fail', '`none`'],
    [{ kind: 'http-error', url: URL, status: 503 }, 'fail', 'JWKS answered 503'],
    [{ kind: 'not-json', url: URL, contentType: 'text/html' }, 'fail', 'not JSON'],
    [{ kind: 'not-jwks', url: URL }, 'fail', 'no usable keys'],
    [
      { kind: 'unknown-kid', url: URL, kid: 'k9', kids: ['k1'] },
      'fail',
      'No key of the issuer matches',
    ],
    [{ kind: 'bad-signature', url: URL, kid: 'k1' }, 'fail', 'does not verify'],
    [{ kind: 'malformed', message: 'bad' }, 'fail', 'could not be read'],
    // No answer at all may be this browser's network: not a verdict on the token.
    [
      { kind: 'unreachable', url: URL, error: 'net::ERR_NAME_NOT_RESOLVED' },
      'warn',
      'could not be fetched',
    ],
  ])('%o → %s', (result, status, title) => {
    const outcome = signatureOutcome(result);
    expect(outcome.status).toBe(status);
    expect(outcome.title).toContain(title);
    expect(outcome.fix === undefined).toBe(status === 'pass');
  });

  it('names the kid the token wants and the ones the issuer publishes', () => {
    const o = signatureOutcome({ kind: 'unknown-kid', url: URL, kid: 'k9', kids: ['k1', 'k2'] });
    expect(o.detail).toContain('"k9"');
    expect(o.detail).toContain('"k1", "k2"');
  });
});

describe('contactOf', () => {
  it.each([
    ['{"id":"C-1","first_name":"Ada","last_name":"Lovelace"}', { id: 'C-1', name: 'Ada Lovelace' }],
    ['{"id":7,"name":"Grace"}', { id: '7', name: 'Grace' }],
    ['{"id":"C-1"}', { id: 'C-1', name: null }],
    ['{"name":"no id"}', null],
    ['[1,2]', null],
    ['<html>', null],
    [null, null],
  ])('reads %s', (body, want) => {
    expect(contactOf(body)).toEqual(want);
  });
});

describe('contactOutcome', () => {
  const probe = { url: 'https://rolodex.api.rhythmsoftware.com/contacts/current', challenge: null };
  it('passes on 200 with the contact', () => {
    const o = contactOutcome({
      ...probe,
      status: 200,
      body: '{"id":"C-000123","first_name":"Ada","last_name":"Lovelace"}',
    });
    expect(o).toMatchObject({ status: 'pass' });
    expect(o.title).toContain('"C-000123" (Ada Lovelace)');
  });

  it.each([401, 403])('fails on %i, quoting WWW-Authenticate', (status) => {
    const challenge = 'Bearer realm="rhythm", error="invalid_token"';
    const o = contactOutcome({ ...probe, status, challenge, body: '{}' });
    expect(o.status).toBe('fail');
    expect(o.detail).toContain(`WWW-Authenticate: ${challenge}`);
    expect(o.fix).toBeDefined();
  });

  it.each<[number, string | null, string]>([
    [200, '{}', 'warn'],
    [404, '{}', 'warn'],
    [500, 'oops', 'info'],
    [0, null, 'info'],
  ])('answers %i with %s', (status, body, want) => {
    expect(contactOutcome({ ...probe, status, body }).status).toBe(want);
  });
});

describe('retryResult', () => {
  const base = { cause: 'header.scheme' as const, change: 'added `Bearer `', url: 'u', at: 1 };
  it.each<[number, string]>([
    [200, 'confirmed'],
    [204, 'confirmed'],
    [401, 'refused'],
    [403, 'refused'],
    [404, 'inconclusive'],
    [0, 'inconclusive'],
  ])('%i → %s', (status, verdict) => {
    const r = retryResult({ ...base, status, challenge: null });
    expect(r.verdict).toBe(verdict);
    expect(r).not.toHaveProperty('error');
  });
});
