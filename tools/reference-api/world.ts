/**
 * The fixed fake world the reference Rhythm API serves: two Rhythm tenants, each with its own
 * Auth0 tenant, clients, users and contacts. Every id and secret here is made up and only ever
 * means something to this local server.
 */

export const APP_HOST = 'app.rhythmsoftware.com';

/**
 * A staging API (an "extra API host" of the Options page): served by the same rules, but not a
 * Rhythm module host, so calls to it are refused (401) unless the rules learn otherwise. Enough to
 * show that the extension watches a configured host it would otherwise ignore.
 */
export const STAGING_DOMAIN = 'staging.rhythmsoftware.com';
export const isStagingHost = (host: string) => host.endsWith(`.${STAGING_DOMAIN}`);

/**
 * Auth0-like hosts that serve no usable keys, for the signature check's failures: one answers
 * 503 (down), one answers a web page instead of JSON (not an Auth0 domain at all).
 */
export const BROKEN_ISSUERS: Readonly<Record<string, 'down' | 'html'>> = {
  'down-tenant.us.auth0.com': 'down',
  'garbage-tenant.us.auth0.com': 'html',
};

export interface DemoUser {
  email: string;
  password: string;
  /** Auth0 user id, as it appears in `sub`. */
  sub: string;
  name: string;
  givenName: string;
  familyName: string;
  /** The Rhythm contact; null for a user who never logged into the Rhythm UI (guide §4). */
  contactId: string | null;
}

export interface Contact {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
}

export interface Tenant {
  /** The Rhythm tenant id: the second path segment and the `tenant_id` claim. */
  id: string;
  customerId: string;
  /** The Auth0 tenant's host; the issuer is `https://<auth0Host>/`. */
  auth0Host: string;
  issuer: string;
  m2m: { clientId: string; clientSecret: string; scope: string };
  /**
   * A machine-to-machine application of the tenant's Auth0 that was never authorized for any API
   * (no client grant): its credentials are right, and Auth0 still refuses it a token.
   */
  ungrantedM2m?: { clientId: string; clientSecret: string };
  /** The single-page app: the `azp` of user tokens and the `aud` of ID tokens. */
  spa: { clientId: string };
  users: readonly DemoUser[];
  contacts: readonly Contact[];
}

export interface World {
  tenants: readonly Tenant[];
}

export const ACME: Tenant = {
  id: 'acme.org',
  customerId: 'cust_8f2a',
  auth0Host: 'acme-org.us.auth0.com',
  issuer: 'https://acme-org.us.auth0.com/',
  m2m: {
    clientId: 'm2mAcme0PzJ4kQ9vT2sLx7RbN1cWy5Hd',
    clientSecret: 'acme-m2m-secret-for-the-local-reference-api-only',
    scope: 'read:contacts read:memberships',
  },
  ungrantedM2m: {
    clientId: 'm2mAcmeNoGrant6Rw1Tz8Yq3Vb5Nc0Lk',
    clientSecret: 'acme-ungranted-secret-for-the-local-reference-api-only',
  },
  spa: { clientId: 'spaAcme3Gf8Ks1Mq6Vn0Zr4Tw9Yb2Jc7X' },
  users: [
    {
      email: 'ada@acme.org',
      password: 'ada-demo-password',
      sub: 'auth0|64f1c0ffee00000000000123',
      name: 'Ada Lovelace',
      givenName: 'Ada',
      familyName: 'Lovelace',
      contactId: 'C-000123',
    },
    {
      email: 'new.user@acme.org',
      password: 'new-user-demo-password',
      sub: 'auth0|64f1c0ffee00000000000999',
      name: 'New User',
      givenName: 'New',
      familyName: 'User',
      contactId: null,
    },
  ],
  contacts: [
    { id: 'C-000123', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@acme.org' },
    { id: 'C-000124', first_name: 'Grace', last_name: 'Hopper', email: 'grace@acme.org' },
  ],
};

/** A second tenant, so that a valid token can be sent to the wrong tenant's paths. */
export const GLOBEX: Tenant = {
  id: 'globex.com',
  customerId: 'cust_3c71',
  auth0Host: 'globex-com.us.auth0.com',
  issuer: 'https://globex-com.us.auth0.com/',
  m2m: {
    clientId: 'm2mGlobex5Lm2Nq8Rt0Vw3Xy6Za9Bc1D',
    clientSecret: 'globex-m2m-secret-for-the-local-reference-api-only',
    scope: 'read:contacts',
  },
  spa: { clientId: 'spaGlobex7Hj4Kl0Mn3Pq6Rs9Tu2Vw5Y' },
  users: [
    {
      email: 'hank@globex.com',
      password: 'hank-demo-password',
      sub: 'auth0|64f1c0ffee00000000000777',
      name: 'Hank Scorpio',
      givenName: 'Hank',
      familyName: 'Scorpio',
      contactId: 'C-000900',
    },
  ],
  contacts: [
    { id: 'C-000900', first_name: 'Hank', last_name: 'Scorpio', email: 'hank@globex.com' },
  ],
};

export const WORLD: World = { tenants: [ACME, GLOBEX] };

export function tenantById(world: World, id: string): Tenant | undefined {
  return world.tenants.find((t) => t.id === id);
}

export function tenantByAuth0Host(world: World, host: string): Tenant | undefined {
  const lower = host.toLowerCase();
  return world.tenants.find((t) => t.auth0Host === lower);
}

export function isKnownIssuer(world: World, iss: unknown): boolean {
  return world.tenants.some((t) => t.issuer === iss);
}

export function findUser(tenant: Tenant, email: string): DemoUser | undefined {
  const lower = email.toLowerCase();
  return tenant.users.find((u) => u.email === lower);
}
