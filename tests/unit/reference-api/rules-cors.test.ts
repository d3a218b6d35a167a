/**
 * rules.ts, CORS: preflights answered like a gateway (credentials never needed), the `__preflight=401`
 * misconfiguration switch, and the headers page scripts need to read a 401.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decideApiRequest } from '../../../tools/reference-api/rules.js';
import { CONTACT_CURRENT, createFixture, NOW, request } from './fixture.js';
import type { Fixture } from './fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
});

const ORIGIN = 'https://app.rhythmsoftware.com';
const preflight = (url: string, requestHeaders = 'authorization') =>
  request(url, {
    method: 'OPTIONS',
    headers: {
      Origin: ORIGIN,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': requestHeaders,
    },
  });

describe('reference API rules: CORS', () => {
  it.each([
    ['a module host', CONTACT_CURRENT],
    ['the bare api host, so its 401 reaches the page', 'https://api.rhythmsoftware.com/x/acme.org'],
    ['another module host', 'https://membership.api.rhythmsoftware.com/contacts/acme.org'],
  ])('answers a preflight to %s with 204 and no credentials needed', async (_what, url) => {
    const answer = await decideApiRequest(preflight(url), fx.rules);
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      'Access-Control-Allow-Origin': ORIGIN,
      'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    });
    expect(answer.headers['Vary']).toContain('Origin');
    expect(answer.body).toBe('');
  });

  it('allows whatever headers the preflight asks for, a misspelled Authorisation included', async () => {
    const answer = await decideApiRequest(
      preflight(CONTACT_CURRENT, 'authorisation, x-trace-id'),
      fx.rules,
    );
    expect(answer.headers['Access-Control-Allow-Headers']).toBe(
      'Authorization, Content-Type, authorisation, x-trace-id',
    );
  });

  it('answers 401 to a preflight with __preflight=401, with a challenge and no CORS allowance', async () => {
    const answer = await decideApiRequest(
      preflight(`${CONTACT_CURRENT}?__preflight=401`),
      fx.rules,
    );
    expect([answer.status, answer.rule]).toEqual([401, 'preflight-401']);
    expect(answer.headers['WWW-Authenticate']).toBe('Bearer realm="rhythm"');
    expect(Object.keys(answer.headers).filter((h) => h.startsWith('Access-Control'))).toEqual([]);
  });

  it('answers the preflight normally when __preflight has another value', async () => {
    const answer = await decideApiRequest(
      preflight(`${CONTACT_CURRENT}?__preflight=200`),
      fx.rules,
    );
    expect(answer.status).toBe(204);
  });

  it.each([
    ['a 401', {}],
    ['a 200', { authorization: 'valid' }],
  ])('exposes WWW-Authenticate and Date to the calling origin on %s', async (_what, auth) => {
    const headers: Record<string, string> = { Origin: ORIGIN };
    if ('authorization' in auth) headers['Authorization'] = `Bearer ${await fx.mint()}`;
    const answer = await decideApiRequest(request(CONTACT_CURRENT, { headers }), fx.rules);
    expect(answer.headers).toMatchObject({
      'Access-Control-Allow-Origin': ORIGIN,
      'Access-Control-Expose-Headers': 'WWW-Authenticate, Date',
      Vary: 'Origin',
      Date: new Date(NOW).toUTCString(),
    });
  });

  it('allows any origin with * when the request names none (curl, node)', async () => {
    const answer = await decideApiRequest(request(CONTACT_CURRENT), fx.rules);
    expect(answer.headers['Access-Control-Allow-Origin']).toBe('*');
  });
});
