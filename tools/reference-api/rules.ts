/**
 * When the reference API answers 401, and what it answers otherwise: a pure function of the
 * request (its `now` included) and the world's keys. The order is a gateway's: CORS preflight,
 * then the credentials (authorization.ts), then the host, the route, the tenant and the contact.
 *
 * Decisions the real API leaves open, made here and relied on by tests:
 * - A placeholder (`undefined`, `null`, `{tenantId}`, `:id`, empty…) as the tenant segment is a
 *   tenant mismatch: 401. In a later segment it is an id nothing has: 404.
 * - A user token without contact_id gets 401 on every Rolodex/Membership call ("most calls need
 *   it", guide §3); an M2M token only on "current contact" routes, the only ones that need a contact.
 * - `/contacts/{tenant}/{id}` answers 200 for any contact of the tenant, whoever the token's
 *   contact is: Rhythm lets staff read other contacts.
 * - Unknown hosts under `api.rhythmsoftware.com`, the bare one included, answer 401: no API there.
 */
import {
  CLAIM_CONTACT_ID,
  CLAIM_TENANT_ID,
  CONTACT_MODULES,
  KNOWN_RESOURCES,
  isContactCurrentPath,
  moduleHost,
  moduleOfHost,
} from '../../src/analyzer/rhythm.js';
import type { RhythmModule } from '../../src/analyzer/rhythm.js';
import { authorize, challenge, isNonEmpty } from './authorization.js';
import type { AuthorizerContext, Rejection } from './authorization.js';
import { corsHeaders, jsonResponse, pathSegments, preflightResponse } from './http.js';
import type { ReferenceRequest, ReferenceResponse } from './http.js';
import { answerResource } from './resources.js';

export type RulesContext = AuthorizerContext;

/** Test-only: an `OPTIONS` with this query answers 401, like a gateway that guards preflights. */
export const PREFLIGHT_401_KNOB = '__preflight';
/**
 * Test-only: with `?__forbidden=1`, a request whose credentials pass answers 403
 * `insufficient_scope` (RFC 6750 §3.1): the token is fine, the permission is missing.
 */
export const FORBIDDEN_KNOB = '__forbidden';

const PLACEHOLDERS = new Set(['', 'undefined', 'null', 'nan', '[object object]']);
export function isPlaceholder(segment: string): boolean {
  return PLACEHOLDERS.has(segment.toLowerCase()) || /^\{.*\}$|^:\w+$/.test(segment);
}

function unauthorized(request: ReferenceRequest, rejection: Rejection): ReferenceResponse {
  return jsonResponse(401, { message: 'Unauthorized' }, rejection.rule, {
    ...corsHeaders(request),
    'WWW-Authenticate': challenge(rejection),
    Date: new Date(request.now).toUTCString(),
  });
}

const denied = (rule: string, description: string): Rejection => ({
  ok: false,
  rule,
  error: 'invalid_token',
  description,
});

function homeOf(resource: string): RhythmModule | undefined {
  return Object.hasOwn(KNOWN_RESOURCES, resource) ? KNOWN_RESOURCES[resource] : undefined;
}

export async function decideApiRequest(
  request: ReferenceRequest,
  context: RulesContext,
): Promise<ReferenceResponse> {
  if (request.method === 'OPTIONS') {
    if (request.query[PREFLIGHT_401_KNOB] === '401') {
      // The misconfiguration being simulated: the authorizer runs before CORS, so no allow headers.
      return jsonResponse(401, { message: 'Unauthorized' }, 'preflight-401', {
        'WWW-Authenticate': 'Bearer realm="rhythm"',
        Date: new Date(request.now).toUTCString(),
      });
    }
    return preflightResponse(request);
  }

  const auth = await authorize(request.headers, request.now, context);
  if (!auth.ok) return unauthorized(request, auth);
  const claims = auth.claims;
  if (request.query[FORBIDDEN_KNOB] === '1') {
    return jsonResponse(403, { message: 'Forbidden' }, 'insufficient-scope', {
      ...corsHeaders(request),
      'WWW-Authenticate':
        'Bearer realm="rhythm", error="insufficient_scope", error_description="The token lacks the scope this call needs"',
      Date: new Date(request.now).toUTCString(),
    });
  }
  const reply = (status: number, value: unknown, rule: string) =>
    jsonResponse(status, value, rule, {
      ...corsHeaders(request),
      Date: new Date(request.now).toUTCString(),
    });

  const module = moduleOfHost(request.host);
  if (module === null) {
    return unauthorized(request, denied('no-api-on-host', `No Rhythm API at ${request.host}`));
  }

  const segments = pathSegments(request.path);
  const resource = segments[0];
  if (resource === undefined) return reply(404, { message: 'Not Found' }, 'not-found');
  const home = homeOf(resource);
  if (home !== undefined && home !== module) {
    const description = `${resource} is not served by ${moduleHost(module)}`;
    return unauthorized(request, denied('wrong-module', description));
  }

  // `/contacts/current` is the one route without a tenant segment: the token's tenant is meant.
  const tokenTenant = String(claims[CLAIM_TENANT_ID]);
  const noTenantSegment = segments.length === 2 && isContactCurrentPath(segments);
  const tenant = noTenantSegment ? tokenTenant : segments[1];
  if (tenant === undefined) return reply(404, { message: 'Not Found' }, 'not-found');
  if (tenant !== tokenTenant) {
    const rule = isPlaceholder(tenant) ? 'placeholder-tenant' : 'tenant-mismatch';
    const description = `The tenant in the path does not match the token tenant_id`;
    return unauthorized(request, denied(rule, description));
  }

  const contactId = claims[CLAIM_CONTACT_ID];
  const hasContact = isNonEmpty(contactId);
  const isM2M = claims['gty'] === 'client-credentials' || String(claims.sub).endsWith('@clients');
  const isContactModule = CONTACT_MODULES.includes(module);
  const currentRoute =
    isContactCurrentPath(segments) ||
    (isContactModule && segments.length === 3 && segments[2] === 'current');
  if (!hasContact && (currentRoute || (isContactModule && !isM2M))) {
    const description = isM2M
      ? 'Machine-to-machine tokens have no contact_id; this call needs a contact'
      : `This call needs the ${CLAIM_CONTACT_ID} claim`;
    return unauthorized(request, denied('contact-required', description));
  }

  if (segments.slice(2).some(isPlaceholder))
    return reply(404, { message: 'Not Found' }, 'not-found');
  const answer = answerResource({
    method: request.method,
    segments,
    tenantId: tenant,
    contactId: hasContact ? String(contactId) : null,
    currentRoute,
    world: context.world,
  });
  return reply(answer.status, answer.value, answer.status === 200 ? 'ok' : 'not-found');
}
