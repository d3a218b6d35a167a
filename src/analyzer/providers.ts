/**
 * Which identity provider an issuer URL belongs to, from its host and path alone: the wording of
 * `token.issuer` and `token.format` names the provider instead of calling every non-Auth0 issuer
 * "a custom domain". Evidence only: an issuer none of these match is reported as unknown.
 */
import { hostOf } from './parse/url.js';

export type IdentityProvider = 'auth0' | 'microsoft' | 'google' | 'okta' | 'cognito' | 'keycloak';

export const PROVIDER_NAMES: Readonly<Record<IdentityProvider, string>> = {
  auth0: 'an Auth0 tenant',
  microsoft: "Microsoft's identity platform (Entra ID)",
  google: 'Google',
  okta: 'Okta',
  cognito: 'Amazon Cognito',
  keycloak: 'a Keycloak realm',
};

/** The provider of an `iss` value, or null when the URL does not say. */
export function providerOfIssuer(iss: unknown): IdentityProvider | null {
  if (typeof iss !== 'string') return null;
  if (iss === 'accounts.google.com') return 'google'; // Google's ID tokens may omit the scheme
  const host = hostOf(iss);
  if (!host) return null;
  if (/(^|\.)auth0\.com$/.test(host)) return 'auth0';
  if (host === 'sts.windows.net' || /(^|\.)login\.microsoftonline\.(com|us)$/.test(host)) {
    return 'microsoft';
  }
  if (host === 'accounts.google.com' || host === 'cloud.google.com') return 'google';
  if (/(^|\.)(okta|oktapreview|okta-emea)\.com$/.test(host)) return 'okta';
  if (/^cognito-idp\.[a-z0-9-]+\.amazonaws\.com$/.test(host)) return 'cognito';
  if (/\/realms\/[^/]+\/?$/.test(iss)) return 'keycloak';
  return null;
}
