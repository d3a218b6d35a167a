/**
 * server.ts over real HTTPS on 127.0.0.1: Host-based routing, the certificate's names, headers
 * on the wire, the injectable clock, and a clean close with keep-alive sockets open.
 */
import { Agent, request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, startReferenceApi } from '../../../tools/reference-api/server.js';
import type { ReferenceApi } from '../../../tools/reference-api/server.js';
import { ACME } from '../../../tools/reference-api/world.js';
import { NOW } from './fixture.js';

let api: ReferenceApi;
let now = NOW;
// Keep-alive on purpose: close() must still end promptly.
const agent = new Agent({ keepAlive: true });

beforeAll(async () => {
  api = await startReferenceApi({ port: 0, clock: () => now });
});
afterAll(async () => {
  await api.close();
  agent.destroy();
});

interface Call {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Trust the server's certificate instead of skipping verification. */
  verify?: boolean;
}

function call(host: string, path: string, init: Call = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port: api.port,
          servername: host,
          method: init.method ?? 'GET',
          path,
          headers: { Host: host, ...init.headers },
          agent: init.verify ? undefined : agent,
          ...(init.verify ? { ca: api.certificate } : { rejectUnauthorized: false }),
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(init.body);
    },
  );
}

const ROLODEX = 'rolodex.api.rhythmsoftware.com';

describe('the reference API server', () => {
  it('listens on loopback and names the Chromium flags that map the hosts to it', () => {
    expect(api.origin).toBe(`https://127.0.0.1:${api.port}`);
    expect(api.port).toBeGreaterThan(0);
    expect(api.issuer).toBe(ACME.issuer);
    expect(chromiumArgs(api.port)[0]).toBe(
      `--host-resolver-rules=MAP *.rhythmsoftware.com 127.0.0.1:${api.port},MAP *.auth0.com 127.0.0.1:${api.port}`,
    );
  });

  it.each([ROLODEX, 'api.rhythmsoftware.com', 'app.rhythmsoftware.com', 'acme-org.us.auth0.com'])(
    'presents a certificate valid for %s',
    async (host) => {
      const answer = await call(host, '/', { verify: true });
      expect(answer.status).toBeGreaterThan(0);
    },
  );

  it('answers 401 with a challenge over the wire when no token is sent', async () => {
    const answer = await call(ROLODEX, '/contacts/acme.org/current');
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Bearer realm="rhythm"');
    expect(answer.headers['access-control-expose-headers']).toBe('WWW-Authenticate, Date');
    expect(answer.headers['date']).toBe(new Date(now).toUTCString());
  });

  it('gets a token at the issuer host (form body) and the contact at the Rolodex host', async () => {
    const form = new URLSearchParams({
      grant_type: 'password',
      username: 'ada@acme.org',
      password: 'ada-demo-password',
      client_id: ACME.spa.clientId,
      audience: 'https://api.rhythmsoftware.com',
    });
    const granted = await call('acme-org.us.auth0.com', '/oauth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(granted.status).toBe(200);
    const token = (JSON.parse(granted.body) as { access_token: string }).access_token;
    const contact = await call(ROLODEX, '/contacts/acme.org/current', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(contact.status).toBe(200);
    expect(JSON.parse(contact.body)).toMatchObject({ id: 'C-000123', email: 'ada@acme.org' });
  });

  it('serves a JWKS that verifies what mint() signs', async () => {
    const jwks = JSON.parse((await call('acme-org.us.auth0.com', '/.well-known/jwks.json')).body);
    const { payload } = await jwtVerify(await api.mint({ kind: 'm2m' }), createLocalJWKSet(jwks), {
      currentDate: new Date(now),
    });
    expect(payload.sub).toBe(`${ACME.m2m.clientId}@clients`);
    expect(jwks).toEqual(api.jwks);
  });

  it('judges expiry by its clock', async () => {
    const token = await api.mint();
    const send = () =>
      call(ROLODEX, '/contacts/current', { headers: { Authorization: `Bearer ${token}` } });
    expect((await send()).status).toBe(200);
    now += 86_400_000;
    try {
      const answer = await send();
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toContain('error_description="The token expired"');
    } finally {
      now = NOW;
    }
  });

  it('answers preflights with 204, and 401 with the __preflight=401 switch', async () => {
    const headers = {
      Origin: 'https://app.rhythmsoftware.com',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    };
    const ok = await call(ROLODEX, '/contacts/acme.org/current', { method: 'OPTIONS', headers });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.rhythmsoftware.com');
    expect(ok.headers['content-length']).toBeUndefined();
    const bad = await call(ROLODEX, '/contacts/acme.org/current?__preflight=401', {
      method: 'OPTIONS',
      headers,
    });
    expect(bad.status).toBe(401);
    expect(bad.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the demo page and refuses hosts it does not fake', async () => {
    const page = await call('app.rhythmsoftware.com', '/');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('window.rhythmDemo');
    expect((await call('example.com', '/')).status).toBe(421);
  });
});
