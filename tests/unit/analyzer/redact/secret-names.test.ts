/**
 * The one secret vocabulary (SPEC §6): the names whose values the diagnosis, every report and
 * every sanitized HAR redact.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalName,
  headerClass,
  isSecretMember,
  isSecretName,
} from '../../../../src/analyzer/redact/secret-names.js';

describe('canonicalName: every spelling of a name is the same name', () => {
  it.each([
    ['access_token', 'access_token'],
    ['Access-Token', 'access_token'],
    ['accessToken', 'access_token'],
    ['ACCESS_TOKEN', 'access_token'],
    ['access_token[]', 'access_token'],
    ['user[password]', 'password'],
    ['APIKey', 'api_key'],
    ['CSRFDesignerToken', 'csrf_designer_token'],
    ['x-api-key', 'x_api_key'],
  ])('%s → %s', (name, canonical) => {
    expect(canonicalName(name)).toBe(canonical);
  });
});

describe('isSecretName: SPEC §6 names in any case, with -, _, camelCase or []', () => {
  it.each([
    'access_token',
    'id_token',
    'refresh_token',
    'token',
    'code',
    'client_secret',
    'secret',
    'password',
    'passwd',
    'pwd',
    'api_key',
    'apikey',
    'x-api-key',
    'sig',
    'signature',
    'assertion',
    'session',
    'private_key',
    'privateKey',
    'secretKey',
    'Authorization',
    'refreshToken',
    'Client-Secret',
    'access_token[]',
    'PASSWORD',
    'X-Amz-Signature',
    'X-Amz-Security-Token',
    'aws_secret_access_key',
    'dynamic-token',
  ])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'token_type',
    'expires_in',
    'tokens',
    'page',
    'sid',
    'keyword',
    'signatureAlgorithm',
    'cache_key',
  ])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it('counts `key` in a query (Google API keys), not as a JSON member ("key": "mit")', () => {
    expect(isSecretName('key', 'query')).toBe(true);
    expect(isSecretName('key', 'json')).toBe(false);
  });

  it("keeps an error body's code but not an OAuth code", () => {
    expect(isSecretMember('code', 'invalid_user_password', 'json')).toBe(false);
    expect(isSecretMember('code', 401, 'json')).toBe(false);
    expect(isSecretMember('code', 'ERR_BAD_REQUEST', 'json')).toBe(false);
    expect(isSecretMember('code', 'Xb2lVQ7bJ9gT4nP0qW8eR6tY', 'json')).toBe(true);
    expect(isSecretMember('code', '123456', 'json')).toBe(true);
    expect(isSecretMember('code', 'invalid_grant', 'query')).toBe(true);
  });
});

describe('isSecretName', () => {
  it.each([
    ['access_token', true],
    ['client_secret', true],
    ['clientSecret', true],
    ['X-Api-Key', true],
    ['csrf_token', true],
    ['password', true],
    ['id_token_hint', true],
    ['token_type', false],
    ['expires_in', false],
    ['page', false],
  ])('%s → %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });
});

describe('headerClass', () => {
  it.each([
    ['Authorization', 'credential'],
    ['Proxy-Authorization', 'credential'],
    ['X-Api-Key', 'credential'],
    ['X-CSRF-Token', 'credential'],
    ['Cookie', 'cookie'],
    ['Set-Cookie', 'set-cookie'],
    ['WWW-Authenticate', 'plain'],
    ['Access-Control-Allow-Headers', 'plain'],
    ['Accept', 'plain'],
    ['Authorisation', 'credential'],
    ['X-Goog-Api-Key', 'credential'],
    ['X-Amz-Security-Token', 'credential'],
    ['CSRFDesignerToken', 'credential'],
    ['X-XSRF', 'credential'],
    ['Auth0-Client', 'plain'],
    ['Sec-WebSocket-Key', 'plain'],
    ['x-slack-shared-secret-outcome', 'plain'],
    ['x-slack-edge-shared-secret-outcome', 'plain'],
    ['X-Client-Data', 'plain'],
  ])('%s → %s', (name, kind) => {
    expect(headerClass(name)).toBe(kind);
  });
});
