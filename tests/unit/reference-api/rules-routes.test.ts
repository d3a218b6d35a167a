/**
 * rules.ts, with valid credentials: which host, path, tenant and contact make the reference API
 * answer 401 (guide §4, §6), 404 or 200, and what the 200 bodies hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RHYTHM_MODULES } from '../../../src/analyzer/rhythm.js';
import type { MintOptions } from '../../../tools/reference-api/mint.js';
import { decideApiRequest } from '../../../tools/reference-api/rules.js';
import { createFixture, request } from './fixture.js';
import type { Fixture } from './fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
});

const api = (module: string, path: string) => `https://${module}.api.rhythmsoftware.com${path}`;
const M2M: MintOptions = { kind: 'm2m' };
const NEW_USER: MintOptions = { user: 'new.user@acme.org' };
const GLOBEX: MintOptions = { tenant: 'globex.com' };

async function call(url: string, token: MintOptions = {}, method = 'GET') {
  const headers = { Authorization: `Bearer ${await fx.mint(token)}` };
  return decideApiRequest(request(url, { method, headers }), fx.rules);
}

interface Case {
  spec: string;
  url: string;
  token?: MintOptions;
  method?: string;
  status: number;
  rule: string;
  /** For 401s: the error_description. */
  description?: string;
}

const denied: Case[] = [
  {
    spec: 'answers 401 on the bare api.rhythmsoftware.com: no API there',
    url: 'https://api.rhythmsoftware.com/contacts/acme.org/current',
    status: 401,
    rule: 'no-api-on-host',
    description: 'No Rhythm API at api.rhythmsoftware.com',
  },
  {
    spec: 'answers 401 on a host that is no module',
    url: api('contact', '/contacts/acme.org'),
    status: 401,
    rule: 'no-api-on-host',
    description: 'No Rhythm API at contact.api.rhythmsoftware.com',
  },
  ...[
    ['contacts', 'membership'],
    ['organizations', 'platform'],
    ['engagementScores', 'membership'],
    ['regionConfigurations', 'system'],
    ['memberships', 'rolodex'],
    ['billingNotices', 'rolodex'],
    ['chapters', 'events'],
    ['customFields', 'rolodex'],
    ['queries', 'platform'],
  ].map(([resource, module]): Case => ({
    spec: `answers 401 for ${resource} on ${module}, another module's host`,
    url: api(module ?? '', `/${resource}/acme.org`),
    token: M2M,
    status: 401,
    rule: 'wrong-module',
    description: `${resource} is not served by ${module}.api.rhythmsoftware.com`,
  })),
  {
    spec: "answers 401 when the path names another tenant than the token's",
    url: api('rolodex', '/contacts/globex.com/current'),
    status: 401,
    rule: 'tenant-mismatch',
    description: 'The tenant in the path does not match the token tenant_id',
  },
  {
    spec: "answers 401 when globex's token calls acme's paths",
    url: api('membership', '/memberships/acme.org'),
    token: GLOBEX,
    status: 401,
    rule: 'tenant-mismatch',
    description: 'The tenant in the path does not match the token tenant_id',
  },
  {
    spec: 'answers 401 when the tenant segment differs only in case (ids are compared exactly)',
    url: api('rolodex', '/organizations/ACME.org'),
    status: 401,
    rule: 'tenant-mismatch',
    description: 'The tenant in the path does not match the token tenant_id',
  },
  ...['undefined', 'null', '%7BtenantId%7D', ':tenantId', 'NaN', '%5Bobject%20Object%5D', ''].map(
    (segment): Case => ({
      spec: `answers 401 when the tenant segment is the placeholder "${decodeURIComponent(segment)}"`,
      url: api('rolodex', `/contacts/${segment}/current`),
      status: 401,
      rule: 'placeholder-tenant',
      description: 'The tenant in the path does not match the token tenant_id',
    }),
  ),
  ...['/contacts/current', '/contacts/acme.org/current', '/memberships/acme.org/current'].map(
    (path): Case => ({
      spec: `answers 401 for an M2M token on ${path}: it never has a contact`,
      url: api(path.startsWith('/memberships') ? 'membership' : 'rolodex', path),
      token: M2M,
      status: 401,
      rule: 'contact-required',
      description: 'Machine-to-machine tokens have no contact_id; this call needs a contact',
    }),
  ),
  ...[
    ['a user who never logged in', NEW_USER, '/contacts/acme.org/current'],
    ['a user who never logged in', NEW_USER, '/contacts/current'],
    ['a user token without contact_id', { omit: ['contact_id'] }, '/contacts/current'],
    ['a user token with an empty contact_id', { claims: { contact_id: '' } }, '/contacts/current'],
    ['a user who never logged in', NEW_USER, '/contacts/acme.org'],
    ['a user who never logged in', NEW_USER, '/memberships/acme.org'],
  ].map(([who, token, path]): Case => ({
    spec: `answers 401 for ${String(who)} on the contact module path ${String(path)}`,
    url: api(String(path).startsWith('/memberships') ? 'membership' : 'rolodex', String(path)),
    token: token as MintOptions,
    status: 401,
    rule: 'contact-required',
    description: 'This call needs the http://rhythmsoftware.com/contact_id claim',
  })),
];

const answered: Case[] = [
  {
    spec: 'answers 404 for the root path',
    url: api('rolodex', '/'),
    status: 404,
    rule: 'not-found',
  },
  {
    spec: 'answers 404 for a resource without a tenant segment',
    url: api('rolodex', '/contacts'),
    status: 404,
    rule: 'not-found',
  },
  {
    spec: 'answers 404 for a placeholder id after the tenant',
    url: api('rolodex', '/contacts/acme.org/undefined'),
    status: 404,
    rule: 'not-found',
  },
  {
    spec: 'answers 404 for a contact the tenant does not have',
    url: api('rolodex', '/contacts/acme.org/C-999999'),
    status: 404,
    rule: 'not-found',
  },
  {
    spec: 'answers 404 on /contacts/current when contact_id names no contact',
    url: api('rolodex', '/contacts/current'),
    token: { claims: { contact_id: 'C-404' } },
    status: 404,
    rule: 'not-found',
  },
  ...RHYTHM_MODULES.map((module): Case => ({
    spec: `answers 200 for an M2M token on the ${module} module host`,
    url: api(module, '/things/acme.org'),
    token: M2M,
    status: 200,
    rule: 'ok',
  })),
  ...[
    ['organizations', 'rolodex'],
    ['memberships', 'membership'],
    ['customFields', 'platform'],
    ['queries', 'system'],
  ].map(([resource, module]): Case => ({
    spec: `answers 200 for ${resource} on its own host ${module}`,
    url: api(module ?? '', `/${resource}/acme.org`),
    status: 200,
    rule: 'ok',
  })),
  {
    spec: 'answers 200 to a user who never logged in outside Rolodex and Membership',
    url: api('events', '/events/acme.org'),
    token: NEW_USER,
    status: 200,
    rule: 'ok',
  },
  {
    spec: 'answers 200 to an M2M token listing contacts (no contact needed)',
    url: api('rolodex', '/contacts/acme.org'),
    token: M2M,
    status: 200,
    rule: 'ok',
  },
  {
    spec: 'answers 200 to a POST that passes every rule',
    url: api('membership', '/memberships/acme.org'),
    method: 'POST',
    status: 200,
    rule: 'ok',
  },
  {
    spec: 'ignores the __preflight knob on a request that is not a preflight',
    url: api('rolodex', '/contacts/acme.org/current?__preflight=401'),
    status: 200,
    rule: 'ok',
  },
];

describe('reference API rules: hosts, paths, tenants, contacts', () => {
  it.each([...denied, ...answered])('$spec', async (c) => {
    const answer = await call(c.url, c.token, c.method);
    expect([answer.status, answer.rule]).toEqual([c.status, c.rule]);
    const challenge = answer.headers['WWW-Authenticate'];
    if (c.status === 401) {
      expect(challenge).toBe(
        `Bearer realm="rhythm", error="invalid_token", error_description="${c.description}"`,
      );
    } else {
      expect(challenge).toBeUndefined();
    }
  });

  const ada = { id: 'C-000123', tenant_id: 'acme.org', first_name: 'Ada', last_name: 'Lovelace' };
  it.each([
    ['/contacts/current', {}, ada],
    ['/contacts/acme.org/current', {}, ada],
    ['/contacts/acme.org/current/', {}, ada],
    // Reading another contact is allowed: Rhythm staff read contacts other than their own.
    ['/contacts/acme.org/C-000124', {}, { id: 'C-000124', first_name: 'Grace' }],
    ['/contacts/globex.com/current', GLOBEX, { id: 'C-000900', tenant_id: 'globex.com' }],
  ] as const)('answers 200 with the contact for %s', async (path, token, expected) => {
    const answer = await call(api('rolodex', path), token);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject(expected);
  });

  it('answers 200 with every contact of the tenant and nothing of another tenant', async () => {
    const answer = await call(api('rolodex', '/contacts/acme.org'), M2M);
    const ids = (JSON.parse(answer.body) as Array<{ id: string }>).map((c) => c.id);
    expect(ids).toEqual(['C-000123', 'C-000124']);
  });

  it("answers the current contact's memberships on Membership", async () => {
    const answer = await call(api('membership', '/memberships/acme.org/current'));
    expect(JSON.parse(answer.body)).toEqual([
      { id: 'MEM-0001', tenant_id: 'acme.org', contact_id: 'C-000123' },
    ]);
  });
});
