/**
 * Everything the analyzer knows about the Rhythm APIs (SPEC §2), in one place.
 */

export const RHYTHM_AUDIENCE = 'https://api.rhythmsoftware.com';
export const RHYTHM_API_DOMAIN = 'api.rhythmsoftware.com';
/** Access tokens live 24 h. */
export const RHYTHM_TOKEN_LIFETIME_S = 86_400;

export const CLAIM_TENANT_ID = 'http://rhythmsoftware.com/tenant_id';
export const CLAIM_CUSTOMER_ID = 'http://rhythmsoftware.com/customer_id';
export const CLAIM_CONTACT_ID = 'http://rhythmsoftware.com/contact_id';
export const RHYTHM_CLAIMS = [CLAIM_TENANT_ID, CLAIM_CUSTOMER_ID, CLAIM_CONTACT_ID] as const;

export const RHYTHM_MODULES = [
  'rolodex',
  'membership',
  'committees',
  'events',
  'certifications',
  'careers',
  'collect',
  'commerce',
  'fundraising',
  'awards',
  'platform',
  'system',
  'accreditation',
  'sponsorship',
  'submissions',
] as const;
export type RhythmModule = (typeof RHYTHM_MODULES)[number];

/** Resources whose home module is known: a call to another module's host with one of them fails. */
export const KNOWN_RESOURCES: Readonly<Record<string, RhythmModule>> = {
  contacts: 'rolodex',
  organizations: 'rolodex',
  engagementScores: 'rolodex',
  regionConfigurations: 'rolodex',
  memberships: 'membership',
  billingNotices: 'membership',
  chapters: 'membership',
  customFields: 'platform',
  queries: 'system',
};

/** KNOWN_RESOURCES as a Map: one lookup, and only its own entries. */
const HOME_MODULES: ReadonlyMap<string, RhythmModule> = new Map(Object.entries(KNOWN_RESOURCES));

/**
 * The module that serves a resource, or null. Own properties only: a path segment is page data,
 * and `constructor` or `__proto__` must not find Object.prototype's members.
 */
export function homeModuleOf(resource: string | null | undefined): RhythmModule | null {
  return resource ? (HOME_MODULES.get(resource) ?? null) : null;
}

/** Modules whose "current contact" calls need `contact_id` (guide §3). */
export const CONTACT_MODULES: readonly RhythmModule[] = ['rolodex', 'membership'];

/** Claims that name a person, masked on request in exports (SPEC §6). */
export const PERSONAL_CLAIMS = ['email', 'name', 'nickname', 'picture'] as const;

export function moduleHost(module: RhythmModule): string {
  return `${module}.${RHYTHM_API_DOMAIN}`;
}

export function isRhythmModule(value: string): value is RhythmModule {
  return (RHYTHM_MODULES as readonly string[]).includes(value);
}

/** `.api.rhythmsoftware.com`: what a module host ends in. */
const API_SUFFIX = `.${RHYTHM_API_DOMAIN}`;

/** The module of a host like `rolodex.api.rhythmsoftware.com`, or null. */
export function moduleOfHost(host: string): RhythmModule | null {
  const lower = host.toLowerCase();
  if (!lower.endsWith(API_SUFFIX)) return null;
  const label = lower.slice(0, -API_SUFFIX.length);
  return isRhythmModule(label) ? label : null;
}

/** True for any host under `rhythmsoftware.com` that serves an API (module hosts and the bare one). */
export function isRhythmApiHost(host: string): boolean {
  const lower = host.toLowerCase();
  return lower === RHYTHM_API_DOMAIN || lower.endsWith(API_SUFFIX);
}

/** Explanations of the Rhythm claims, shown beside them. */
export const CLAIM_EXPLANATIONS: Readonly<Record<string, string>> = {
  [CLAIM_TENANT_ID]:
    'The Rhythm tenant (organization) this token acts for; it must match the tenant in the URL path.',
  [CLAIM_CUSTOMER_ID]: 'The Rhythm customer account the tenant belongs to.',
  [CLAIM_CONTACT_ID]:
    'The contact record of the signed-in user; created at the first login to the Rhythm UI. Never present in machine-to-machine tokens.',
  aud: `The API the token is for; Rhythm accepts only ${RHYTHM_AUDIENCE}.`,
  iss: 'The Auth0 tenant that issued the token.',
  sub: 'Who the token is for: a user id, or `<client id>@clients` for machine-to-machine tokens.',
  azp: 'The client (application) that requested the token.',
  gty: 'The grant type; `client-credentials` for machine-to-machine tokens.',
  exp: 'Expiry time; Rhythm tokens live 24 h.',
  iat: 'Issued-at time.',
  nbf: 'Not valid before this time.',
  scope: 'The scopes granted to the token.',
};

/** Routes that resolve "the current contact": `/contacts/current` and `/contacts/{tenantId}/current`. */
export function isContactCurrentPath(segments: readonly string[]): boolean {
  if (segments[0] !== 'contacts') return false;
  return (
    (segments.length === 2 && segments[1] === 'current') ||
    (segments.length === 3 && segments[2] === 'current')
  );
}
