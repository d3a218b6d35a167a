import { describe, expect, it } from 'vitest';
import { providerOfIssuer, type IdentityProvider } from '../../../src/analyzer/providers.js';

const rows: Array<[unknown, IdentityProvider | null]> = [
  ['https://acme-org.us.auth0.com/', 'auth0'],
  ['https://wptest.auth0.com/', 'auth0'],
  ['https://sts.windows.net/fa15d692-e9c7-4460-a743-29f2956fd429/', 'microsoft'],
  ['https://login.microsoftonline.com/9122040d-6c67-4c5b-b112-36a304b66dad/v2.0', 'microsoft'],
  ['https://accounts.google.com', 'google'],
  ['accounts.google.com', 'google'],
  ['https://cloud.google.com/iap', 'google'],
  ['https://auth-js-test.okta.com/oauth2/aus8aus76q8iphupD0h7', 'okta'],
  ['https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf', 'cognito'],
  ['https://sso.example.org/realms/acme', 'keycloak'],
  ['https://login.acme.org/', null],
  ['https://auth0.com.evil.example/', null],
  ['https://notauth0.com/', null],
  ['joe', null],
  [42, null],
];

describe('providerOfIssuer', () => {
  it.each(rows)('%s → %s', (iss, provider) => {
    expect(providerOfIssuer(iss)).toBe(provider);
  });
});
