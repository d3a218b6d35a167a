// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withRun } from '../../../../src/panel/active/with-run.js';
import { parsePortEvent } from '../../../../src/panel/connection.js';
import type { ActiveServices } from '../../../../src/panel/services.js';
import { initialState, reduce } from '../../../../src/panel/state.js';
import type { ActivePlan, ActivePlans, ActiveRun } from '../../../../src/shared/active.js';
import { signToken } from '../../../helpers/tokens.js';
import { entry, fakeServices } from '../fixtures.js';
import { renderPanel } from '../render.js';

afterEach(cleanup);

const TOKEN = await signToken();
const JWKS = 'https://acme-org.us.auth0.com/.well-known/jwks.json';
const SIGNATURE: ActivePlan = {
  action: 'signature',
  method: 'GET',
  url: JWKS,
  alternatives: [],
  headers: [],
  permission: 'https://acme-org.us.auth0.com/*',
  purpose: 'Fetches the keys.',
};
const CONTACT: ActivePlan = {
  action: 'contact',
  method: 'GET',
  url: 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current',
  alternatives: ['https://rolodex.api.rhythmsoftware.com/contacts/current'],
  headers: [{ name: 'Authorization', value: 'Bearer <token 0123456789ab…>' }],
  permission: null,
  purpose: 'Asks Rolodex.',
};
const PLANS: ActivePlans = {
  held: true,
  plans: {
    signature: SIGNATURE,
    contact: CONTACT,
    retry: {
      action: 'retry',
      refused: 'Only GET requests are sent again: a POST could change data.',
    },
  },
};
const PASSED: ActiveRun = {
  kind: 'done',
  action: 'signature',
  outcome: {
    id: 'token.signature',
    result: { status: 'pass', title: 'Signature verified with the issuer’s key', detail: 'd' },
  },
};

function activeServices(overrides: Partial<ActiveServices> = {}) {
  const calls: string[] = [];
  const active: ActiveServices = {
    plan: vi.fn(async () => PLANS),
    run: vi.fn(async (_e, action, url) => {
      calls.push(`run ${action} ${url}`);
      return PASSED;
    }),
    requestPermission: vi.fn((pattern: string) => {
      calls.push(`permission ${pattern}`);
      return Promise.resolve(true);
    }),
    holdRequest: vi.fn(),
    ...overrides,
  };
  return { active, calls };
}

const render = (active: ActiveServices) =>
  renderPanel([entry({ id: 'webRequest:1', auth: `Bearer ${TOKEN}` })], fakeServices({ active }));

describe('ActiveChecks', () => {
  it('offers the three checks, and says why one can’t run', async () => {
    const { active } = activeServices();
    render(active);
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Verify signature…' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    expect(
      (screen.getByRole('button', { name: 'Verify with Rolodex…' }) as HTMLButtonElement).disabled,
    ).toBe(false);
    const retry = screen.getByRole('button', { name: 'Retry with fix…' });
    expect((retry as HTMLButtonElement).disabled).toBe(true);
    expect(retry.getAttribute('aria-describedby')).toBe('why-retry');
    expect(screen.getByTestId('refused-retry').textContent).toContain('Only GET requests');
  });

  it('says a request without a token has none, not that the worker lost it', async () => {
    const { active } = activeServices({
      plan: vi.fn(async () => ({ held: false, why: 'none-sent' }) as const),
    });
    render(active);
    const note = await screen.findByTestId('token-unavailable');
    expect(note.textContent).toContain('carried no token');
    expect(note.textContent).not.toContain('no longer available');
    expect(note.textContent).not.toContain('restart');
  });

  it('says a preflight never carries a token', async () => {
    const { active } = activeServices({
      plan: vi.fn(async () => ({ held: false, why: 'preflight' }) as const),
    });
    render(active);
    const note = await screen.findByTestId('token-unavailable');
    expect(note.textContent).toContain('CORS preflight (OPTIONS) never carries a token');
    expect(note.textContent).not.toContain('restart');
  });

  it('says the token is gone when the worker no longer holds it', async () => {
    const { active } = activeServices({ plan: vi.fn(async () => ({ held: false }) as const) });
    render(active);
    expect((await screen.findByTestId('token-unavailable')).textContent).toContain(
      'Token no longer available',
    );
    for (const name of ['Verify signature…', 'Verify with Rolodex…', 'Retry with fix…'])
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows what it will send, asks the permission in the click itself, then runs', async () => {
    const { active, calls } = activeServices();
    const { store } = render(active);
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Verify signature…' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Verify signature…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Verify the signature' });
    expect(screen.getByTestId('will-send').textContent).toBe(`GET ${JWKS}`);
    expect(screen.getByTestId('permission-note').textContent).toContain(
      'https://acme-org.us.auth0.com',
    );
    expect(active.run).not.toHaveBeenCalled();
    // The confirming button has the focus: Enter confirms, Esc cancels.
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe('Fetch the keys and verify'),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Fetch the keys and verify' }));
    // Synchronously, inside the click: the prompt needs the user gesture.
    expect(calls).toEqual(['permission https://acme-org.us.auth0.com/*']);
    await waitFor(() => expect(screen.getByTestId('active-result').dataset.status).toBe('pass'));
    expect(calls).toEqual(['permission https://acme-org.us.auth0.com/*', `run signature ${JWKS}`]);
    expect(dialog.textContent).toContain('Signature verified');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Done'));
    // The result is in the entry: the checklist row shows it.
    const row = document.querySelector('#detail [data-check-id="token.signature"]')!;
    expect(row.getAttribute('data-status')).toBe('pass');
    expect(
      store.selected.value?.diagnosis.checks.find((c) => c.id === 'token.signature')?.status,
    ).toBe('pass');
  });

  it('sends nothing when the permission is refused', async () => {
    const { active } = activeServices({
      requestPermission: vi.fn(() =>
        Promise.reject(new Error('must be called during a user gesture')),
      ),
    });
    render(active);
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Verify signature…' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Verify signature…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Fetch the keys and verify' }));
    await waitFor(() => expect(screen.getByTestId('active-result').dataset.status).toBe('denied'));
    expect(active.run).not.toHaveBeenCalled();
  });

  it('sends the route the user picked for the Rolodex probe, without asking a permission', async () => {
    const { active, calls } = activeServices();
    render(active);
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Verify with Rolodex…' }) as HTMLButtonElement)
          .disabled,
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Verify with Rolodex…' }));
    fireEvent.click(await screen.findByRole('radio', { name: '/contacts/current' }));
    expect(screen.getByTestId('will-send').textContent).toBe(
      `GET ${CONTACT.alternatives[0]}\nAuthorization: Bearer <token 0123456789ab…>`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send to Rolodex' }));
    await waitFor(() => expect(calls).toEqual([`run contact ${CONTACT.alternatives[0]}`]));
  });

  it('is absent where the panel has no worker behind it', () => {
    renderPanel([entry({ id: 'webRequest:1', auth: `Bearer ${TOKEN}` })], fakeServices());
    expect(screen.queryByTestId('active-checks')).toBeNull();
  });
});

describe('an entry with a result in it', () => {
  const e = entry({ id: 'paste:1', auth: `Bearer ${TOKEN}`, source: 'paste', token: TOKEN });

  it('withRun writes the result and keeps the pasted token', () => {
    const updated = withRun(e, PASSED)!;
    expect(updated.token).toBe(TOKEN);
    expect(updated.diagnosis.checks.find((c) => c.id === 'token.signature')?.status).toBe('pass');
    expect(withRun(e, { kind: 'no-token' })).toBeNull();
  });

  it('entry-updated replaces it where it is listed, and nothing else', () => {
    let state = reduce(initialState(), { type: 'synced', entries: [] });
    state = reduce(state, { type: 'pasted', entry: e });
    const updated = withRun(e, PASSED)!;
    const next = reduce(state, { type: 'entry-updated', entry: updated });
    expect(next.pasted).toEqual([updated]);
    expect(reduce(next, { type: 'entry-updated', entry: { ...updated, id: 'other' } })).toEqual(
      next,
    );
  });

  it('the port’s diagnosis-updated event is validated like request-diagnosed', () => {
    const stored = entry({ id: 'webRequest:1', auth: `Bearer ${TOKEN}` });
    expect(parsePortEvent({ type: 'diagnosis-updated', entry: stored })).toEqual({
      type: 'diagnosis-updated',
      entry: stored,
    });
    expect(parsePortEvent({ type: 'diagnosis-updated', entry: { id: 1 } })).toBeNull();
  });
});
