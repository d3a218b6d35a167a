// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/options/App.js';
import type { OptionsStore } from '../../../src/options/store.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings.js';

afterEach(cleanup);

/** `granted` false: the user declines the prompt; a string: the browser refuses, in those words. */
function fakeStore(initial: Settings = DEFAULT_SETTINGS, granted: boolean | string = true) {
  const calls: string[] = [];
  let stored = initial;
  const store: OptionsStore & { calls: string[]; stored: () => Settings } = {
    calls,
    stored: () => stored,
    load: vi.fn(async () => stored),
    save: vi.fn(async (s: Settings) => {
      calls.push('save');
      stored = s;
    }),
    requestHosts: vi.fn((patterns: string[]) => {
      calls.push(`request ${patterns.join(' ')}`);
      if (granted === true) return Promise.resolve({ denied: [] });
      // Already covered hosts (the Rhythm ones) stay granted, as permissions.contains says.
      const denied = patterns.filter((p) => !p.includes('rhythmsoftware.com'));
      return Promise.resolve(granted === false ? { denied } : { denied, reason: granted });
    }),
    releaseHosts: vi.fn(async (patterns: string[]) => {
      if (patterns.length) calls.push(`release ${patterns.join(' ')}`);
    }),
  };
  return store;
}

const input = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
const status = () => screen.getByTestId('status').textContent;

async function open(store: ReturnType<typeof fakeStore>) {
  render(<App store={store} />);
  await waitFor(() =>
    expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false'),
  );
}

describe('the Options page', () => {
  it('shows the stored settings', async () => {
    const store = fakeStore({
      ...DEFAULT_SETTINGS,
      extraApiHosts: ['a.example.com', 'b.example.com'],
      keepPerTab: 7,
    });
    await open(store);
    expect((screen.getByLabelText('Extra API hosts') as HTMLTextAreaElement).value).toBe(
      'a.example.com\nb.example.com',
    );
    expect((screen.getByLabelText('Diagnoses kept per tab') as HTMLInputElement).value).toBe('7');
  });

  it('marks each wrong field, focuses the first, and saves nothing', async () => {
    const store = fakeStore();
    await open(store);
    input('Client id', 'has spaces');
    input('Diagnoses kept per tab', '500');
    save();
    await waitFor(() => expect(status()).toBe('Not saved: correct the fields marked above.'));
    const clientId = screen.getByLabelText('Client id');
    expect(document.activeElement).toBe(clientId);
    expect(clientId.getAttribute('aria-invalid')).toBe('true');
    expect(clientId.getAttribute('aria-describedby')).toBe(
      'expectedClientId-hint expectedClientId-error',
    );
    expect(screen.getByTestId('error-keepPerTab').textContent).toContain('from 1 to 100');
    expect(store.calls).toEqual([]);
  });

  it('asks for new hosts in the click itself, then saves the normalised settings', async () => {
    const store = fakeStore({ ...DEFAULT_SETTINGS, extraApiHosts: ['old.example.com'] });
    await open(store);
    input('Expected issuer (Auth0 domain)', 'acme-org.us.auth0.com');
    input('Extra API hosts', 'https://new.example.com/');
    fireEvent.click(screen.getByLabelText('Diagnose 403 Forbidden too'));
    save();
    // Synchronously, before anything was awaited: the prompt needs the user gesture.
    expect(store.calls).toEqual(['request *://new.example.com/*']);
    await waitFor(() => expect(status()).toBe('Saved. It applies from the next request.'));
    expect(store.calls).toEqual([
      'request *://new.example.com/*',
      'save',
      'release *://old.example.com/*',
    ]);
    expect(store.stored()).toEqual({
      ...DEFAULT_SETTINGS,
      expectedIssuer: 'https://acme-org.us.auth0.com/',
      extraApiHosts: ['new.example.com'],
      capture403: true,
    });
    expect(
      (screen.getByLabelText('Expected issuer (Auth0 domain)') as HTMLInputElement).value,
    ).toBe('https://acme-org.us.auth0.com/');
  });

  it('saves every other field when a host’s permission is declined, and names that host', async () => {
    const store = fakeStore({ ...DEFAULT_SETTINGS, extraApiHosts: ['old.example.com'] }, false);
    await open(store);
    input('Expected issuer (Auth0 domain)', 'acme-org.us.auth0.com');
    input(
      'Extra API hosts',
      'old.example.com\nnew.example.com\nrolodex.staging.rhythmsoftware.com',
    );
    input('Diagnoses kept per tab', '30');
    save();
    await waitFor(() =>
      expect(status()).toBe('Saved, except new.example.com (see Extra API hosts).'),
    );
    expect(store.calls).toEqual([
      'request *://new.example.com/* *://rolodex.staging.rhythmsoftware.com/*',
      'save',
    ]);
    // Saved: everything but the host that was not granted.
    expect(store.stored()).toEqual({
      ...DEFAULT_SETTINGS,
      expectedIssuer: 'https://acme-org.us.auth0.com/',
      extraApiHosts: ['old.example.com', 'rolodex.staging.rhythmsoftware.com'],
      keepPerTab: 30,
    });
    const error = screen.getByTestId('error-extraApiHosts').textContent;
    expect(error).toContain('Rhythm Auth may not read new.example.com');
    expect(error).toContain('the permission prompt was declined or closed');
    // The form keeps it, for another try.
    expect((screen.getByLabelText('Extra API hosts') as HTMLTextAreaElement).value).toBe(
      'old.example.com\nnew.example.com\nrolodex.staging.rhythmsoftware.com',
    );
    expect(screen.getByLabelText('Extra API hosts').getAttribute('aria-invalid')).toBe('true');
  });

  it('says the browser’s own reason when it refused by itself', async () => {
    const store = fakeStore(DEFAULT_SETTINGS, 'This function must be called during a user gesture');
    await open(store);
    input('Extra API hosts', 'a.example.com b.example.com');
    save();
    await waitFor(() =>
      expect(status()).toBe('Saved, except a.example.com, b.example.com (see Extra API hosts).'),
    );
    expect(screen.getByTestId('error-extraApiHosts').textContent).toContain(
      'so they are not watched: the browser refused (This function must be called during a user gesture)',
    );
    expect(store.stored().extraApiHosts).toEqual([]);
  });

  it('asks again on the next Save, and then saves the host', async () => {
    const store = fakeStore(DEFAULT_SETTINGS, false);
    await open(store);
    input('Extra API hosts', 'new.example.com');
    save();
    await waitFor(() => expect(status()).toContain('Saved, except new.example.com'));
    (store.requestHosts as ReturnType<typeof vi.fn>).mockImplementation((patterns: string[]) => {
      store.calls.push(`request ${patterns.join(' ')}`);
      return Promise.resolve({ denied: [] });
    });
    save();
    await waitFor(() => expect(status()).toBe('Saved. It applies from the next request.'));
    expect(store.stored().extraApiHosts).toEqual(['new.example.com']);
    expect(screen.queryByTestId('error-extraApiHosts')).toBeNull();
  });
});
