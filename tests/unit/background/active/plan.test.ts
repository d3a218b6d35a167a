import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { CapturedRequest } from '../../../../src/analyzer/types.js';
import { heldFrom } from '../../../../src/background/active/held.js';
import {
  contactUrls,
  planAction,
  planContact,
  planRetry,
  planSignature,
  type Planned,
} from '../../../../src/background/active/plan.js';
import type { ActivePlan } from '../../../../src/shared/active.js';
import { signToken, T0, TEST_TENANT } from '../../../helpers/tokens.js';

const TOKEN = await signToken();
const SENT_AT = T0 + 3_600_000;
const ROLODEX = 'https://rolodex.api.rhythmsoftware.com';
const CURRENT = `${ROLODEX}/contacts/${TEST_TENANT}/current`;

function req(auth: string | null, url = CURRENT, method = 'GET'): CapturedRequest {
  return {
    url,
    method,
    status: 401,
    sentAt: SENT_AT,
    requestHeaders: auth === null ? [] : [{ name: 'Authorization', value: auth }],
    responseHeaders: [],
  };
}

function plan(action: 'signature' | 'contact' | 'retry', request: CapturedRequest): Planned {
  return planAction(action, analyze(request), heldFrom(request));
}

function planned(p: Planned): {
  plan: ActivePlan;
  send: { url: string; authorization: string | null };
} {
  if ('refused' in p) throw new Error(`refused: ${p.refused}`);
  return p;
}

describe('planSignature', () => {
  it("fetches <iss>.well-known/jwks.json with no credentials, asking for the issuer's origin", () => {
    const { plan: p, send } = planned(plan('signature', req(`Bearer ${TOKEN}`)));
    expect(p).toMatchObject({
      method: 'GET',
      url: 'https://acme-org.us.auth0.com/.well-known/jwks.json',
      headers: [],
      permission: 'https://acme-org.us.auth0.com/*',
    });
    expect(p.noSend).toBeUndefined();
    expect(send).toEqual({ url: p.url, authorization: null });
  });

  it('decides an http issuer without sending anything', async () => {
    const token = await signToken({ claims: { iss: 'http://acme-org.us.auth0.com/' } });
    const { plan: p } = planned(plan('signature', req(`Bearer ${token}`)));
    expect(p.noSend).toContain('not https');
  });

  it('decides an HS256 token without sending anything', async () => {
    const token = await new SignJWT({ iss: 'https://acme-org.us.auth0.com/' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a shared secret of thirty-two bytes!'));
    const { plan: p } = planned(plan('signature', req(`Bearer ${token}`)));
    expect(p.noSend).toContain('`alg: HS256`');
  });

  it.each([
    ['no token', req(null), 'No token'],
    ['an opaque token', req('Bearer abc123'), 'not one'],
  ])('refuses for %s', (_, request, text) => {
    const p = plan('signature', request);
    expect('refused' in p && p.refused).toContain(text);
  });

  it('refuses a token without iss', async () => {
    const token = await signToken({ omit: ['iss'] });
    const p = planSignature(analyze(req(`Bearer ${token}`)), heldFrom(req(`Bearer ${token}`)));
    expect('refused' in p && p.refused).toContain('no issuer');
  });
});

describe('planContact', () => {
  it("probes the token's tenant route first, /contacts/current as the alternative, token by fingerprint", () => {
    const d = analyze(req(`Bearer ${TOKEN}`));
    const { plan: p, send } = planned(planContact(d, heldFrom(req(`Bearer ${TOKEN}`))));
    expect(p.url).toBe(CURRENT);
    expect(p.alternatives).toEqual([`${ROLODEX}/contacts/current`]);
    expect(p.headers).toEqual([
      { name: 'Authorization', value: `Bearer <token ${d.token.fingerprint}…>` },
    ]);
    expect(JSON.stringify(p)).not.toContain(TOKEN);
    expect(send).toEqual({ url: CURRENT, authorization: `Bearer ${TOKEN}` });
  });

  it('uses /contacts/current alone for a token without tenant_id, and encodes odd tenants', async () => {
    const none = await signToken({ omit: ['http://rhythmsoftware.com/tenant_id'] });
    expect(contactUrls(analyze(req(`Bearer ${none}`)))).toEqual([`${ROLODEX}/contacts/current`]);
    const odd = await signToken({ claims: { 'http://rhythmsoftware.com/tenant_id': 'a/b c' } });
    expect(contactUrls(analyze(req(`Bearer ${odd}`)))[0]).toBe(
      `${ROLODEX}/contacts/a%2Fb%20c/current`,
    );
  });

  it('sends the repaired token even when the header was wrong', () => {
    const { send } = planned(plan('contact', req(`Bearer Bearer ${TOKEN}`)));
    expect(send.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('planRetry', () => {
  const token = TOKEN;
  it.each<[string, CapturedRequest, string, string, string]>([
    ['no Bearer prefix', req(token), 'header.scheme', CURRENT, `Bearer ${token}`],
    ['Bearer twice', req(`Bearer Bearer ${token}`), 'header.scheme', CURRENT, `Bearer ${token}`],
    ['no space after Bearer', req(`Bearer${token}`), 'header.scheme', CURRENT, `Bearer ${token}`],
    ['a quoted token', req(`Bearer "${token}"`), 'header.scheme', CURRENT, `Bearer ${token}`],
    [
      'the wrong module host',
      req(`Bearer ${token}`, CURRENT.replace('rolodex', 'membership')),
      'url.service',
      CURRENT,
      `Bearer ${token}`,
    ],
    [
      'the bare api host, keeping the query',
      req(`Bearer ${token}`, `https://api.rhythmsoftware.com/contacts/${TEST_TENANT}?page=2`),
      'url.service',
      `${ROLODEX}/contacts/${TEST_TENANT}?page=2`,
      `Bearer ${token}`,
    ],
    [
      'the wrong tenant in the path',
      req(`Bearer ${token}`, `${ROLODEX}/contacts/globex.com/current`),
      'url.tenant',
      CURRENT,
      `Bearer ${token}`,
    ],
  ])('fixes %s and only that', (_, request, cause, url, authorization) => {
    const d = analyze(request);
    expect(d.rootCause?.id).toBe(cause);
    const { plan: p, send } = planned(planRetry(d, heldFrom(request)));
    expect(p.fix?.cause).toBe(cause);
    expect(send).toEqual({ url, authorization });
    expect(p.url).toBe(url);
    expect(p.headers[0]?.value).toBe(`Bearer <token ${d.token.fingerprint}…>`);
  });

  it('keeps a header that was not the cause exactly as sent', () => {
    const request = req(`bearer ${token}`, `${ROLODEX}/contacts/globex.com/current`);
    const { send, plan: p } = planned(plan('retry', request));
    expect(send.authorization).toBe(`bearer ${token}`);
    expect(p.headers[0]?.value).toMatch(/^bearer <token [0-9a-f]{12}…>$/);
  });

  it('shows a redacted URL but sends the one that was sent', () => {
    const url = `https://membership.api.rhythmsoftware.com/contacts/${TEST_TENANT}?access_token=secret-value`;
    const { plan: p, send } = planned(plan('retry', req(`Bearer ${token}`, url)));
    expect(p.url).not.toContain('secret-value');
    expect(send.url).toContain('access_token=secret-value');
  });

  it.each<[string, CapturedRequest, string]>([
    ['a POST', req(token, CURRENT, 'POST'), 'Only GET requests are sent again: a POST'],
    ['a DELETE', req(token, CURRENT, 'DELETE'), 'a DELETE could change data'],
    ['a passing request', req(`Bearer ${token}`), 'No check failed'],
    ['another cause', req(null), 'the root cause here is `header.present`'],
    ['Basic credentials', req('Basic dXNlcjpwYXNz'), 'needs a change in your code'],
    [
      'an unknown resource on the bare host',
      req(`Bearer ${token}`, `https://api.rhythmsoftware.com/widgets/${TEST_TENANT}`),
      'Which module serves `widgets` is not known',
    ],
  ])('refuses %s, saying why', (_, request, text) => {
    const p = plan('retry', request);
    expect('refused' in p && p.refused).toContain(text);
  });
});
