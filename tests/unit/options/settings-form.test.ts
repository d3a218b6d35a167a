import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings.js';
import {
  hostPatterns,
  normalizeHost,
  normalizeIssuer,
  toForm,
  validateSettings,
  type SettingsForm,
} from '../../../src/options/settings-form.js';

const form = (patch: Partial<SettingsForm> = {}): SettingsForm => ({
  ...toForm(DEFAULT_SETTINGS),
  ...patch,
});

describe('normalizeIssuer', () => {
  it.each([
    ['', ''],
    ['acme-org.us.auth0.com', 'https://acme-org.us.auth0.com/'],
    ['  https://acme-org.us.auth0.com  ', 'https://acme-org.us.auth0.com/'],
    ['https://acme-org.us.auth0.com/', 'https://acme-org.us.auth0.com/'],
    ['HTTPS://Login.Example.COM', 'https://login.example.com/'],
    ['https://login.example.com/tenant', 'https://login.example.com/tenant/'],
  ])('reads %j as %j', (input, value) => {
    expect(normalizeIssuer(input)).toEqual({ value });
  });

  it.each([
    ['http://acme-org.us.auth0.com', 'must be https'],
    ['ftp://acme-org.us.auth0.com', 'must be https'],
    ['https://acme-org.us.auth0.com:8443/', 'no port'],
    ['https://acme-org.us.auth0.com/?x=1', 'no port, query'],
    ['localhost', 'not a domain name'],
    ['acme org', 'Not a domain or URL'],
  ])('refuses %j', (input, error) => {
    const result = normalizeIssuer(input);
    expect('error' in result && result.error).toContain(error);
  });
});

describe('normalizeHost', () => {
  it.each([
    ['staging.example.com', 'staging.example.com'],
    ['  API.Staging.Example.com ', 'api.staging.example.com'],
    ['https://rolodex.staging.rhythmsoftware.com/contacts', 'rolodex.staging.rhythmsoftware.com'],
    ['rolodex.staging.example.com/x', 'rolodex.staging.example.com'],
  ])('reads %j as %j', (input, value) => {
    expect(normalizeHost(input)).toEqual({ value });
  });

  it.each([
    ['rolodex.api.rhythmsoftware.com', 'always watched'],
    ['api.rhythmsoftware.com', 'always watched'],
    ['*.example.com', 'not a host name'],
    ['example', 'not a host name'],
    ['-bad.example.com', 'not a host name'],
    ['exa_mple.com', 'not a host name'],
  ])('refuses %j', (input, error) => {
    const result = normalizeHost(input);
    expect('error' in result && result.error).toContain(error);
  });
});

describe('validateSettings', () => {
  it('answers the defaults for the defaults’ form', () => {
    expect(validateSettings(form())).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('normalises every field', () => {
    expect(
      validateSettings(
        form({
          expectedIssuer: 'acme-org.us.auth0.com',
          expectedClientId: ' spaAcme3Gf8Ks1Mq6Vn0Zr4Tw9Yb2Jc7X ',
          extraApiHosts: 'a.example.com, b.example.com\n\nA.example.com',
          capture403: true,
          keepPerTab: ' 25 ',
        }),
      ),
    ).toEqual({
      ok: true,
      settings: {
        expectedIssuer: 'https://acme-org.us.auth0.com/',
        expectedClientId: 'spaAcme3Gf8Ks1Mq6Vn0Zr4Tw9Yb2Jc7X',
        extraApiHosts: ['a.example.com', 'b.example.com'],
        capture403: true,
        keepPerTab: 25,
      },
    });
  });

  it.each<[Partial<SettingsForm>, keyof SettingsForm, string]>([
    [{ expectedIssuer: 'http://x.example.com' }, 'expectedIssuer', 'https'],
    [{ expectedClientId: 'has space' }, 'expectedClientId', 'letters, digits'],
    [{ expectedClientId: '"quoted"' }, 'expectedClientId', 'letters, digits'],
    [{ extraApiHosts: 'ok.example.com\nnope' }, 'extraApiHosts', '"nope" is not a host name'],
    [
      { extraApiHosts: Array.from({ length: 21 }, (_, i) => `h${i}.example.com`).join('\n') },
      'extraApiHosts',
      'At most 20',
    ],
    [{ keepPerTab: '0' }, 'keepPerTab', '1 to 100'],
    [{ keepPerTab: '101' }, 'keepPerTab', '1 to 100'],
    [{ keepPerTab: '2.5' }, 'keepPerTab', '1 to 100'],
    [{ keepPerTab: '' }, 'keepPerTab', '1 to 100'],
  ])('refuses %o with a message on %s', (patch, field, message) => {
    const result = validateSettings(form(patch));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[field]).toContain(message);
      expect(Object.keys(result.errors)).toEqual([field]);
    }
  });

  it('round-trips through the form', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      expectedIssuer: 'https://acme-org.us.auth0.com/',
      extraApiHosts: ['a.example.com', 'b.example.com'],
      keepPerTab: 7,
    };
    expect(validateSettings(toForm(settings))).toEqual({ ok: true, settings });
  });
});

describe('hostPatterns', () => {
  it('asks for each host, any scheme, any path', () => {
    expect(hostPatterns(['a.example.com'])).toEqual(['*://a.example.com/*']);
  });
});
