/**
 * The fake Auth0 tenant: discovery, JWKS, `POST /oauth/token` (client credentials and the
 * Resource Owner Password grant for the demo users), answering errors with Auth0's own status
 * codes and bodies, plus the test-only `POST /__mint`.
 */
import { RHYTHM_AUDIENCE, RHYTHM_TOKEN_LIFETIME_S } from '../../src/analyzer/rhythm.js';
import { corsHeaders, jsonResponse, preflightResponse } from './http.js';
import type { ReferenceRequest, ReferenceResponse } from './http.js';
import { MintError, parseMintOptions } from './mint.js';
import type { Mint } from './mint.js';
import {
  idTokenClaims,
  jweLikeToken,
  m2mClaims,
  rs256Header,
  signJws,
  USER_SCOPE,
  userAccessClaims,
} from './tokens.js';
import type { IssuerKeys } from './tokens.js';
import { findUser } from './world.js';
import type { Tenant } from './world.js';

export interface IssuerContext {
  keys: IssuerKeys;
  mint: Mint;
}

/** Test-only: mints any token `mint()` can, for the demo page. Never on an API host. */
export const MINT_PATH = '/__mint';

type Params = Record<string, string>;

/** Auth0 accepts JSON and form bodies alike; non-string JSON values are ignored. */
export function readParams(request: ReferenceRequest): Params | null {
  const body = request.body ?? '';
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(body));
  }
  try {
    const value: unknown = JSON.parse(body === '' ? '{}' : body);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return null;
  }
}

export async function handleIssuerRequest(
  request: ReferenceRequest,
  tenant: Tenant,
  context: IssuerContext,
): Promise<ReferenceResponse> {
  const cors = corsHeaders(request);
  const route = `${request.method} ${request.path}`;
  switch (route) {
    case 'GET /.well-known/jwks.json':
      return jsonResponse(200, context.keys.jwks, 'jwks', cors);
    case 'GET /.well-known/openid-configuration':
      return jsonResponse(200, discovery(tenant), 'discovery', cors);
    case 'POST /oauth/token':
      return tokenEndpoint(request, tenant, context);
    case `POST ${MINT_PATH}`:
      return mintEndpoint(request, tenant, context);
  }
  if (request.method === 'OPTIONS') return preflightResponse(request);
  return jsonResponse(404, { error: 'not_found' }, 'not-found', cors);
}

function discovery(tenant: Tenant) {
  const base = tenant.issuer;
  return {
    issuer: base,
    authorization_endpoint: `${base}authorize`,
    token_endpoint: `${base}oauth/token`,
    userinfo_endpoint: `${base}userinfo`,
    jwks_uri: `${base}.well-known/jwks.json`,
    response_types_supported: ['code', 'token', 'id_token', 'code id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['HS256', 'RS256', 'PS256'],
    grant_types_supported: ['authorization_code', 'client_credentials', 'password'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
  };
}

async function tokenEndpoint(
  request: ReferenceRequest,
  tenant: Tenant,
  context: IssuerContext,
): Promise<ReferenceResponse> {
  const headers = { ...corsHeaders(request), 'Cache-Control': 'no-store', Pragma: 'no-cache' };
  const fail = (status: number, error: string, description: string) =>
    jsonResponse(status, { error, error_description: description }, `token-${error}`, headers);
  const params = readParams(request);
  if (params === null) return fail(400, 'invalid_request', 'Invalid request body');

  const iat = Math.floor(request.now / 1000);
  const audience = params['audience'];
  const knownApis = [RHYTHM_AUDIENCE, `${tenant.issuer}api/v2/`];
  if (audience !== undefined && !knownApis.includes(audience)) {
    return fail(403, 'access_denied', `Service not enabled within domain: ${audience}`);
  }
  const sign = (claims: Record<string, unknown>) =>
    signJws(claims, rs256Header(context.keys.kid), context.keys.privateKey);
  const granted = (body: Record<string, unknown>) =>
    jsonResponse(
      200,
      { ...body, expires_in: RHYTHM_TOKEN_LIFETIME_S, token_type: 'Bearer' },
      'token',
      headers,
    );

  switch (params['grant_type']) {
    case 'client_credentials': {
      const judged = judgeClientCredentials(params, tenant);
      if ('refusal' in judged) return fail(...judged.refusal);
      const claims = m2mClaims(tenant, judged.audience, iat);
      return granted({ access_token: await sign(claims), scope: tenant.m2m.scope });
    }
    case 'password': {
      if (params['client_id'] !== tenant.spa.clientId) {
        return fail(401, 'access_denied', 'Unauthorized');
      }
      const user = findUser(tenant, params['username'] ?? '');
      if (!user || params['password'] !== user.password) {
        return fail(403, 'invalid_grant', 'Wrong email or password.');
      }
      const scope = params['scope'] ?? USER_SCOPE;
      // No audience: Auth0 hands out a token only its /userinfo can read (SPEC §2).
      const accessToken =
        audience === undefined
          ? jweLikeToken(tenant.issuer)
          : await sign(userAccessClaims(tenant, user, audience, scope, iat));
      const openid = scope.split(' ').includes('openid');
      const idToken = openid
        ? await sign(idTokenClaims(tenant, user, iat, { accessToken, nonce: params['nonce'] }))
        : undefined;
      return granted({
        access_token: accessToken,
        ...(idToken ? { id_token: idToken } : {}),
        scope,
      });
    }
    case undefined:
      return fail(400, 'invalid_request', 'Missing required parameter: grant_type');
    default:
      return fail(400, 'unsupported_grant_type', 'Unsupported grant type');
  }
}

type Refusal = [status: number, error: string, description: string];

/**
 * Why Auth0 refuses a client-credentials request from these clients, with its own status, code
 * and wording (seen in auth0/node-auth0#682 and auth0/auth0.js#317: 401 "Unauthorized" for an
 * unknown client and a wrong secret alike; auth0/ruby-auth0#190: a client without the grant type;
 * auth0/auth0-python#173 and auth0/ruby-auth0#610: a client not authorized for the API). The
 * client is judged first, then the audience (missing; then no grant for it).
 */
function judgeClientCredentials(
  params: Params,
  tenant: Tenant,
): { refusal: Refusal } | { audience: string } {
  const clientId = params['client_id'];
  const secret = params['client_secret'];
  if (clientId === tenant.spa.clientId) {
    const description = "Grant type 'client_credentials' not allowed for the client.";
    return { refusal: [403, 'unauthorized_client', description] };
  }
  const ungranted = tenant.ungrantedM2m;
  const isUngranted = ungranted?.clientId === clientId && ungranted?.clientSecret === secret;
  if (!isUngranted && (clientId !== tenant.m2m.clientId || secret !== tenant.m2m.clientSecret)) {
    return { refusal: [401, 'access_denied', 'Unauthorized'] };
  }
  const audience = params['audience'];
  // Auth0 refuses client credentials without an audience unless the tenant has a default one.
  if (audience === undefined) {
    return {
      refusal: [
        403,
        'access_denied',
        'No audience parameter was provided, and no default audience has been configured',
      ],
    };
  }
  if (isUngranted) {
    return {
      refusal: [
        403,
        'access_denied',
        `Client is not authorized to access "${audience}". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants`,
      ],
    };
  }
  return { audience };
}

async function mintEndpoint(
  request: ReferenceRequest,
  tenant: Tenant,
  context: IssuerContext,
): Promise<ReferenceResponse> {
  const cors = corsHeaders(request);
  try {
    const options = parseMintOptions(JSON.parse(request.body ?? ''));
    const token = await context.mint({ tenant: tenant.id, ...options }, request.now);
    return jsonResponse(200, { token }, 'mint', { ...cors, 'Cache-Control': 'no-store' });
  } catch (error) {
    let message = 'could not mint this token';
    if (error instanceof MintError) message = error.message;
    if (error instanceof SyntaxError) message = 'expected a JSON body';
    return jsonResponse(400, { error: message }, 'mint-error', cors);
  }
}
