/**
 * "Retry with fix" and URL credentials (issue 15): a request sent to `https://user:pass@host/…`
 * is retried without them, and neither the plan, the error text nor the summary echoes them; an
 * issuer with userinfo is shown for what it is; a verified signature does not confirm the tenant.
 */
import { describe, expect, it, vi } from 'vitest';
import { createActiveChecks } from '../../../../src/background/active/active-checks.js';
import { createHeldTokens } from '../../../../src/background/active/held-tokens.js';
import { heldFrom } from '../../../../src/background/active/held.js';
import { signatureOutcome } from '../../../../src/background/active/outcomes.js';
import { planSignature } from '../../../../src/background/active/plan.js';
import { analyze } from '../../../../src/analyzer/analyze.js';
import { isRefusal } from '../../../../src/shared/active.js';
import { createTabStore } from '../../../../src/shared/tab-store.js';
import { signToken, TEST_ISSUER, TEST_TENANT } from '../../../helpers/tokens.js';
import { capturedRequest, SENT_AT, storedEntry } from '../../shared/fixtures.js';
import { createMemoryArea } from '../../shared/memory-area.js';

const TOKEN = await signToken();
const SECRET = 's3cr3t-Pa55';
/** The token without `Bearer ` (header.scheme), to a URL with userinfo. */
const URL_WITH_PASS = `https://alice:${SECRET}@rolodex.api.rhythmsoftware.com/contacts/${TEST_TENANT}/current`;

async function retryWith(fetchImpl: (url: string) => Promise<Response>) {
  const area = createMemoryArea();
  const store = createTabStore(area);
  const held = createHeldTokens();
  const fetch = vi.fn(async (input: string | URL | Request) => fetchImpl(String(input)));
  const active = createActiveChecks({
    keyCache: area,
    store,
    held,
    settings: () => ({}),
    fetch: fetch as unknown as typeof globalThis.fetch,
    hasPermission: async () => true,
    now: () => SENT_AT + 10_000,
    onUpdated: () => {},
  });
  const entry = storedEntry({ id: 'webRequest:1', auth: TOKEN, url: URL_WITH_PASS });
  await store.add(entry);
  held.hold(1, entry.id, heldFrom(capturedRequest({ auth: TOKEN, url: URL_WITH_PASS })));
  const plans = await active.plan({ tabId: 1, entryId: entry.id });
  if (!plans.held || isRefusal(plans.plans.retry)) throw new Error('no retry plan');
  const plan = plans.plans.retry;
  const run = await active.run({ tabId: 1, entryId: entry.id, action: 'retry', url: plan.url });
  const kept = await store.entry(1, entry.id);
  return { plan, run, kept, fetch };
}

describe('Retry with fix and user:pass@', () => {
  it('sends the retry without the URL’s credentials and never shows them', async () => {
    const { plan, run, kept, fetch } = await retryWith(async () => new Response('{}'));
    expect(JSON.stringify(plan)).not.toContain(SECRET);
    expect(String(fetch.mock.calls[0]?.[0])).not.toContain('@');
    expect(JSON.stringify(run)).not.toContain(SECRET);
    expect(JSON.stringify(kept)).not.toContain(SECRET);
    expect(run.kind === 'done' && run.retry?.verdict).toBe('confirmed');
  });

  it('keeps the credentials out of the error text and summary when the retry fails', async () => {
    // What Chrome's fetch says of a URL with credentials, or a network error quoting the URL.
    const { run, kept } = await retryWith(async (url) => {
      throw new TypeError(`Failed to fetch ${URL_WITH_PASS} (${url})`);
    });
    expect(run.kind === 'done' && run.retry?.verdict).toBe('inconclusive');
    expect(JSON.stringify(run)).not.toContain(SECRET);
    expect(JSON.stringify(kept)).not.toContain(SECRET);
    expect(run.kind === 'done' && run.retry?.summary).toMatch(/No answer/);
  });
});

describe('an issuer with userinfo, and whose keys a signature pass proves', () => {
  const DISGUISED = 'https://acme-org.us.auth0.com@evil.example/';

  it('plans the JWKS fetch to the real host, without the userinfo, and warns by name', async () => {
    const token = await signToken({ claims: { iss: DISGUISED } });
    const request = capturedRequest({ auth: `Bearer ${token}` });
    const planned = planSignature(analyze(request), heldFrom(request));
    if ('refused' in planned) throw new Error(planned.refused);
    expect(planned.plan.url).toBe('https://evil.example/.well-known/jwks.json');
    expect(planned.send.url).toBe('https://evil.example/.well-known/jwks.json');
    expect(planned.plan.permission).toBe('https://evil.example/*');
    expect(planned.plan.warning).toContain('`acme-org.us.auth0.com@` is userinfo');
    expect(planned.plan.warning).toContain('Its real host is `evil.example`');
    expect(planned.plan.warning).toContain('not confirmed as your tenant');
  });

  it('never shows a password of the issuer’s userinfo', async () => {
    const token = await signToken({ claims: { iss: `https://acme:${SECRET}@evil.example/` } });
    const request = capturedRequest({ auth: `Bearer ${token}` });
    const planned = planSignature(analyze(request), heldFrom(request));
    if ('refused' in planned) throw new Error(planned.refused);
    expect(JSON.stringify(planned)).not.toContain(SECRET);
  });

  it('plans an ordinary issuer with no warning', () => {
    const request = capturedRequest({ auth: `Bearer ${TOKEN}` });
    const planned = planSignature(analyze(request), heldFrom(request));
    expect('refused' in planned || planned.plan.warning).toBeFalsy();
  });

  const verified = {
    kind: 'verified' as const,
    url: 'https://evil.example/.well-known/jwks.json',
    kid: 'k1',
    alg: 'RS256',
  };

  it('says a pass against another issuer’s keys does not confirm the user’s tenant', () => {
    const outcome = signatureOutcome(verified, {
      iss: 'https://evil.example/',
      expectedIssuer: TEST_ISSUER,
    });
    expect(outcome.status).toBe('pass');
    expect(outcome.title).toMatch(/the issuer is not confirmed as your tenant$/);
    expect(outcome.detail).toContain('it is not the issuer configured in Options');
    expect(outcome.detail).toContain(TEST_ISSUER);
  });

  it('says so too when no issuer is configured, and not for the configured one', () => {
    expect(signatureOutcome(verified, { iss: 'https://evil.example/' }).detail).toContain(
      'no expected issuer is set in Options, so it is not confirmed as your tenant',
    );
    const mine = signatureOutcome(verified, { iss: TEST_ISSUER, expectedIssuer: TEST_ISSUER });
    expect(mine.title).not.toMatch(/not confirmed/);
    expect(mine.detail).not.toMatch(/not confirmed/);
  });
});
