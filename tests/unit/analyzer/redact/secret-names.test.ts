/**
 * The one secret vocabulary (SPEC §6): the names whose values the diagnosis, every report and
 * every sanitized HAR redact.
 */
import { describe, expect, it } from 'vitest';
import { headerClass, isSecretName } from '../../../../src/analyzer/redact/secret-names.js';

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
    ['Set-Cookie', 'cookie'],
    ['WWW-Authenticate', 'plain'],
    ['Access-Control-Allow-Headers', 'plain'],
    ['Accept', 'plain'],
  ])('%s → %s', (name, kind) => {
    expect(headerClass(name)).toBe(kind);
  });
});
