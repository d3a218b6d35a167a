/**
 * What the reference API adds for the extension's active checks and settings: broken Auth0
 * stand-ins (JWKS down, or a web page), the `__forbidden` 403 knob, a staging host served by the
 * same rules, both Rolodex probe routes, and a count of requests per host for e2e assertions.
 */
import { Agent, request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceApi, type ReferenceApi } from '../../../tools/reference-api/server.js';
import { CONTACT_CURRENT, createFixture, request, type Fixture } from './fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('reference API: support for the active checks', () => {
  it.each([
    ['down-tenant.us.auth0.com', 503, 'application/json'],
    ['garbage-tenant.us.auth0.com', 200, 'text/html'],
  ])('%s serves no usable JWKS (%i, %s)', async (host, status, type) => {
    const answer = await fx.handler(request(`https://${host}/.well-known/jwks.json`));
    expect(answer.status).toBe(status);
    expect(answer.headers['Content-Type']).toContain(type);
  });

  it('answers both Rolodex probe routes for a user token, and 401 for an M2M token', async () => {
    const user = await fx.mint();
    for (const url of [
      CONTACT_CURRENT,
      'https://rolodex.api.rhythmsoftware.com/contacts/current',
    ]) {
      const answer = await fx.handler(request(url, { headers: bearer(user) }));
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ id: 'C-000123', first_name: 'Ada' });
    }
    const m2m = await fx.mint({ kind: 'm2m' });
    const refused = await fx.handler(request(CONTACT_CURRENT, { headers: bearer(m2m) }));
    expect(refused.status).toBe(401);
    expect(refused.headers['WWW-Authenticate']).toContain(
      'Machine-to-machine tokens have no contact_id',
    );
  });

  it('answers 403 insufficient_scope with ?__forbidden=1, once the credentials pass', async () => {
    const token = await fx.mint();
    const forbidden = await fx.handler(
      request(`${CONTACT_CURRENT}?__forbidden=1`, { headers: bearer(token) }),
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['WWW-Authenticate']).toContain('error="insufficient_scope"');
    // Bad credentials still get their 401 first.
    const expired = await fx.mint({ expired: true });
    const answer = await fx.handler(
      request(`${CONTACT_CURRENT}?__forbidden=1`, { headers: bearer(expired) }),
    );
    expect(answer.status).toBe(401);
  });

  it('serves a staging host with the same rules: a valid token is refused there (no module)', async () => {
    const token = await fx.mint();
    const answer = await fx.handler(
      request('https://rolodex.staging.rhythmsoftware.com/contacts/acme.org/current', {
        headers: bearer(token),
      }),
    );
    expect(answer).toMatchObject({ status: 401, rule: 'no-api-on-host' });
  });
});

describe('reference API server: hits', () => {
  let api: ReferenceApi;
  const agent = new Agent({ keepAlive: false });
  beforeAll(async () => {
    api = await startReferenceApi();
  });
  afterAll(async () => {
    await api.close();
    agent.destroy();
  });

  const get = (host: string, path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port: api.port,
          servername: host,
          path,
          headers: { Host: host },
          agent,
          rejectUnauthorized: false,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('counts requests per host and per host and path, and nothing else', async () => {
    expect(api.hits('acme-org.us.auth0.com')).toBe(0);
    await get('acme-org.us.auth0.com', '/.well-known/jwks.json');
    await get('acme-org.us.auth0.com', '/.well-known/openid-configuration');
    expect(api.hits('acme-org.us.auth0.com')).toBe(2);
    expect(api.hits('acme-org.us.auth0.com', '/.well-known/jwks.json')).toBe(1);
    expect(api.hits('globex-com.us.auth0.com')).toBe(0);
  });
});
