/**
 * Routes a request by its Host, the way DNS would have sent it to different servers: the Rhythm
 * API hosts to rules.ts, the Auth0 hosts to issuer.ts, the demo app host to its page. Transport-free,
 * so tests exercise every route without a socket.
 */
import { isRhythmApiHost } from '../../src/analyzer/rhythm.js';
import { APP_PAGE_CSP, appPageHtml } from './app-page.js';
import { createAuthorizerContext } from './authorization.js';
import { jsonResponse } from './http.js';
import type { ReferenceRequest, ReferenceResponse } from './http.js';
import { handleIssuerRequest } from './issuer.js';
import type { Mint } from './mint.js';
import { decideApiRequest } from './rules.js';
import type { IssuerKeys } from './tokens.js';
import { APP_HOST, BROKEN_ISSUERS, isStagingHost, tenantByAuth0Host } from './world.js';
import type { World } from './world.js';

export type Handler = (request: ReferenceRequest) => Promise<ReferenceResponse>;

export function createHandler(world: World, keys: IssuerKeys, mint: Mint): Handler {
  const rulesContext = createAuthorizerContext(world, keys.jwks);
  const issuerContext = { keys, mint };
  const page = appPageHtml();

  return async (request) => {
    if (isRhythmApiHost(request.host) || isStagingHost(request.host))
      return decideApiRequest(request, rulesContext);

    if (Object.hasOwn(BROKEN_ISSUERS, request.host)) return brokenIssuer(request);

    const tenant = tenantByAuth0Host(world, request.host);
    if (tenant) return handleIssuerRequest(request, tenant, issuerContext);

    if (request.host === APP_HOST) {
      if (request.method === 'GET' && request.path === '/') {
        return {
          status: 200,
          headers: {
            'Content-Type': 'text/html; charset=utf-8',
            'Content-Security-Policy': APP_PAGE_CSP,
            'Cache-Control': 'no-store',
          },
          body: page,
          rule: 'app-page',
        };
      }
      return {
        status: 404,
        headers: { 'Content-Type': 'text/plain' },
        body: 'Not Found',
        rule: 'not-found',
      };
    }

    // 421: this server fakes only the hosts above; anything else reached it by mistake.
    return jsonResponse(421, { error: `No reference host named ${request.host}` }, 'unknown-host');
  };
}

/** The broken Auth0 stand-ins of world.ts: a 503 (down) or an HTML page where the JWKS should be. */
function brokenIssuer(request: ReferenceRequest): ReferenceResponse {
  if (BROKEN_ISSUERS[request.host] === 'down')
    return jsonResponse(503, { error: 'service_unavailable' }, 'issuer-down');
  return {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: '<!doctype html><title>Welcome</title><p>Not an Auth0 tenant.</p>',
    rule: 'issuer-html',
  };
}
