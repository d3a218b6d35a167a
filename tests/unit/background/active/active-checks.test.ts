import { exportJWK } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { createActiveChecks } from '../../../../src/background/active/active-checks.js';
import { createHeldTokens } from '../../../../src/background/active/held-tokens.js';
import { heldFrom } from '../../../../src/background/active/held.js';
import { isRefusal, type ActivePlan } from '../../../../src/shared/active.js';
import type { StoredDiagnosis } from '../../../../src/shared/stored.js';
import { createTabStore } from '../../../../src/shared/tab-store.js';
import { signToken, testKeys, TEST_TENANT } from '../../../helpers/tokens.js';
import { capturedRequest, SENT_AT, storedEntry } from '../../shared/fixtures.js';
import { createMemoryArea } from '../../shared/memory-area.js';

const TOKEN = await signToken();
const ROLODEX = 'https://rolodex.api.rhythmsoftware.com';
const CURRENT = `${ROLODEX}/contacts/${TEST_TENANT}/current`;
const JWKS = 'https://acme-org.us.auth0.com/.well-known/jwks.json';
const jwk = { ...(await exportJWK((await testKeys()).publicKey)), kid: 'test-key-1' };

type Route = (url: string, init: RequestInit) => Response;

async function setup(options: { route?: Route; granted?: boolean; startedAt?: number } = {}) {
  const area = createMemoryArea();
  const store = createTabStore(area);
  const held = createHeldTokens();
  const updated: StoredDiagnosis[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) =>
    (options.route ?? (() => new Response('{}')))(String(input), init ?? {}),
  );
  const hasPermission = vi.fn(async () => options.granted ?? true);
  const active = createActiveChecks({
    keyCache: area,
    store,
    held,
    settings: () => ({}),
    fetch: fetch as unknown as typeof globalThis.fetch,
    hasPermission,
    now: () => SENT_AT + 10_000,
    startedAt: options.startedAt ?? SENT_AT - 60_000,
    onUpdated: (e) => updated.push(e),
  });
  /** Keeps a diagnosis of `auth` sent to `url`, with its token held as the worker would. */
  const keep = async (id: string, auth: string, url = CURRENT, method = 'GET') => {
    const entry = storedEntry({ id, auth, url, method });
    await store.add(entry);
    held.hold(entry.tabId, id, heldFrom(capturedRequest({ auth, url, method })));
    return entry;
  };
  return { area, store, held, updated, fetch, hasPermission, active, keep };
}

const planOf = (
  p: Awaited<ReturnType<ReturnType<typeof createActiveChecks>['plan']>>,
  action: 'signature' | 'contact' | 'retry',
): ActivePlan => {
  if (!p.held) throw new Error('not held');
  const plan = p.plans[action];
  if (isRefusal(plan)) throw new Error(plan.refused);
  return plan;
};

describe('createActiveChecks', () => {
  it('plans the three checks for a held token, without the token in the answer', async () => {
    const { active, keep } = await setup();
    await keep('webRequest:1', `Bearer ${TOKEN}`);
    const plans = await active.plan({ tabId: 1, entryId: 'webRequest:1' });
    expect(JSON.stringify(plans)).not.toContain(TOKEN);
    expect(planOf(plans, 'signature').url).toBe(JWKS);
    expect(planOf(plans, 'contact').url).toBe(CURRENT);
    expect(plans.held && isRefusal(plans.plans.retry)).toBe(true); // nothing failed: no fix to try
  });

  it('says the token is not held once the worker lost it, and why', async () => {
    const { active, store } = await setup();
    await store.add(storedEntry({ id: 'webRequest:1', auth: `Bearer ${TOKEN}` }));
    // This worker ran when the 401 came: newer ones pushed its token out.
    expect(await active.plan({ tabId: 1, entryId: 'webRequest:1' })).toEqual({
      held: false,
      why: 'pushed-out',
    });
    const restarted = await setup({ startedAt: SENT_AT + 5_000 });
    await restarted.store.add(storedEntry({ id: 'webRequest:1', auth: `Bearer ${TOKEN}` }));
    expect(await restarted.active.plan({ tabId: 1, entryId: 'webRequest:1' })).toEqual({
      held: false,
      why: 'restarted',
    });
    expect(
      await active.run({ tabId: 1, entryId: 'webRequest:1', action: 'contact', url: CURRENT }),
    ).toEqual({ kind: 'no-token' });
  });

  it('says a request that carried no token, or a preflight, has none to send: not a restart', async () => {
    // Even from a worker that started after them: these 401s never had a token to lose.
    const { active, store } = await setup({ startedAt: SENT_AT + 5_000 });
    await store.add(storedEntry({ id: 'webRequest:1' }));
    await store.add(storedEntry({ id: 'webRequest:2', method: 'OPTIONS' }));
    expect(await active.plan({ tabId: 1, entryId: 'webRequest:1' })).toEqual({
      held: false,
      why: 'none-sent',
    });
    expect(await active.plan({ tabId: 1, entryId: 'webRequest:2' })).toEqual({
      held: false,
      why: 'preflight',
    });
  });

  it('uses the panel’s copy of the request only when it is the diagnosis’ very token', async () => {
    const { active, store } = await setup();
    await store.add(storedEntry({ id: 'webRequest:1', auth: `Bearer ${TOKEN}` }));
    const same = capturedRequest({ auth: `Bearer ${TOKEN}`, url: CURRENT });
    expect((await active.plan({ tabId: 1, entryId: 'webRequest:1', request: same })).held).toBe(
      true,
    );
    const other = capturedRequest({ auth: `Bearer ${await signToken({ claims: { x: 1 } })}` });
    expect((await active.plan({ tabId: 1, entryId: 'webRequest:1', request: other })).held).toBe(
      false,
    );
  });

  it('probes Rolodex, writes contact.verified into the kept diagnosis and reports it', async () => {
    const { active, keep, fetch, area, updated } = await setup({
      route: () =>
        new Response('{"id":"C-000123","first_name":"Ada","last_name":"Lovelace"}', {
          status: 200,
        }),
    });
    await keep('webRequest:1', TOKEN, CURRENT.replace('rolodex', 'membership'));
    const run = await active.run({
      tabId: 1,
      entryId: 'webRequest:1',
      action: 'contact',
      url: CURRENT,
    });
    expect(run).toMatchObject({
      kind: 'done',
      outcome: { id: 'contact.verified', result: { status: 'pass' } },
      exchange: { method: 'GET', url: CURRENT, status: 200 },
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(CURRENT);
    expect(init).toMatchObject({
      method: 'GET',
      headers: { Authorization: `Bearer ${TOKEN}` },
      credentials: 'omit',
      redirect: 'manual',
    });
    const kept = await createTabStore(area).entry(1, 'webRequest:1');
    expect(kept?.diagnosis.checks.find((c) => c.id === 'contact.verified')?.status).toBe('pass');
    expect(updated.map((e) => e.id)).toEqual(['webRequest:1']);
    expect(JSON.stringify(area.snapshot())).not.toContain(TOKEN);
  });

  it('sends the alternative route the user picked, and nothing the plan did not show', async () => {
    const { active, keep, fetch } = await setup();
    await keep('webRequest:1', TOKEN);
    await active.run({
      tabId: 1,
      entryId: 'webRequest:1',
      action: 'contact',
      url: `${ROLODEX}/contacts/current`,
    });
    expect(fetch.mock.calls[0]![0]).toBe(`${ROLODEX}/contacts/current`);
    const refused = await active.run({
      tabId: 1,
      entryId: 'webRequest:1',
      action: 'contact',
      url: 'https://evil.example/contacts/current',
    });
    expect(refused).toMatchObject({ kind: 'refused' });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('retries with the fix and keeps the result with the diagnosis', async () => {
    const { active, keep, fetch, area } = await setup({
      route: () => new Response('{}', { status: 200 }),
    });
    await keep('webRequest:1', TOKEN); // no Bearer prefix
    const plan = planOf(await active.plan({ tabId: 1, entryId: 'webRequest:1' }), 'retry');
    const run = await active.run({
      tabId: 1,
      entryId: 'webRequest:1',
      action: 'retry',
      url: plan.url,
    });
    expect(run).toMatchObject({
      kind: 'done',
      retry: { verdict: 'confirmed', cause: 'header.scheme', status: 200 },
    });
    expect(fetch.mock.calls[0]![1]).toMatchObject({
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect((await createTabStore(area).entry(1, 'webRequest:1'))?.retry?.verdict).toBe('confirmed');
  });

  it('never replays a POST', async () => {
    const { active, keep, fetch } = await setup();
    await keep('webRequest:1', TOKEN, CURRENT, 'POST');
    const run = await active.run({
      tabId: 1,
      entryId: 'webRequest:1',
      action: 'retry',
      url: CURRENT,
    });
    expect(run).toMatchObject({ kind: 'refused' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('verifies the signature only with the issuer’s permission', async () => {
    const denied = await setup({ granted: false, route: () => Response.json({ keys: [jwk] }) });
    await denied.keep('webRequest:1', `Bearer ${TOKEN}`);
    expect(
      await denied.active.run({
        tabId: 1,
        entryId: 'webRequest:1',
        action: 'signature',
        url: JWKS,
      }),
    ).toEqual({ kind: 'not-granted', permission: 'https://acme-org.us.auth0.com/*' });
    expect(denied.fetch).not.toHaveBeenCalled();

    const granted = await setup({ route: () => Response.json({ keys: [jwk] }) });
    await granted.keep('webRequest:1', `Bearer ${TOKEN}`);
    const run = await granted.active.run({
      tabId: 1,
      entryId: 'webRequest:1',
      action: 'signature',
      url: JWKS,
    });
    expect(run).toMatchObject({ outcome: { id: 'token.signature', result: { status: 'pass' } } });
    expect(granted.hasPermission).toHaveBeenCalledWith('https://acme-org.us.auth0.com/*');
  });

  it('runs a pasted token’s check with the panel’s request, and stores nothing', async () => {
    const { active, fetch, area, updated } = await setup({
      route: () => new Response('{}', { status: 401 }),
    });
    const request = capturedRequest({ auth: `Bearer ${TOKEN}`, url: CURRENT });
    const run = await active.run({
      tabId: 1,
      entryId: 'paste:1',
      action: 'contact',
      url: CURRENT,
      request,
    });
    expect(run).toMatchObject({ kind: 'done', outcome: { result: { status: 'fail' } } });
    expect(fetch).toHaveBeenCalledOnce();
    expect(area.keys()).toEqual([]);
    expect(updated).toEqual([]);
    expect(await active.plan({ tabId: 1, entryId: 'paste:1' })).toEqual({
      held: false,
      why: 'restarted',
    });
  });

  it('answers a diagnosis no longer kept, and does not bring it back', async () => {
    const { active, keep, store, area } = await setup();
    await keep('webRequest:1', TOKEN);
    await store.clear(1);
    expect(
      await active.run({ tabId: 1, entryId: 'webRequest:1', action: 'contact', url: CURRENT }),
    ).toMatchObject({ kind: 'refused' });
    expect(area.keys()).toEqual([]);
  });
});
