// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RHYTHM_HOST_PATTERN } from '../../../src/shared/rhythm-access.js';
import { fakePermissions } from '../shared/fake-permissions.js';
import { entry, fakeServices } from './fixtures.js';
import { renderPanel } from './render.js';

afterEach(() => {
  cleanup();
  delete (globalThis as { browser?: unknown }).browser;
});

const banner = () => screen.queryByTestId('rhythm-access');
const allow = () => screen.getByRole('button', { name: 'Allow access to the Rhythm sites' });

describe('the panel when the Rhythm site access is off', () => {
  it('says nothing while the access is on', async () => {
    const permissions = fakePermissions([RHYTHM_HOST_PATTERN]);
    renderPanel([entry({ id: 'a' })], fakeServices({ permissions }));
    await waitFor(() => expect(permissions.listeners()).toBe(2));
    expect(banner()).toBeNull();
  });

  it('says the extension cannot see the Rhythm APIs, and goes away when a click grants it', async () => {
    const permissions = fakePermissions();
    renderPanel([], fakeServices({ permissions }));
    await waitFor(() => expect(banner()).not.toBeNull());
    expect(banner()!.textContent).toContain('Rhythm Auth cannot see the Rhythm APIs.');
    expect(banner()!.textContent).toContain(RHYTHM_HOST_PATTERN);
    expect(banner()!.textContent).not.toContain('DevTools');
    fireEvent.click(allow());
    expect(permissions.requested).toEqual([[RHYTHM_HOST_PATTERN]]);
    await waitFor(() => expect(banner()).toBeNull());
  });

  it('in DevTools, adds that the panel still reads the network log', async () => {
    renderPanel([], fakeServices({ permissions: fakePermissions(), inDevtools: true }));
    await waitFor(() => expect(banner()).not.toBeNull());
    expect(banner()!.textContent).toContain("this panel still reads DevTools' network log");
  });

  it('appears when the access is taken away while the panel is open', async () => {
    const permissions = fakePermissions([RHYTHM_HOST_PATTERN]);
    renderPanel([entry({ id: 'a' })], fakeServices({ permissions }));
    await waitFor(() => expect(permissions.listeners()).toBe(2));
    act(() => permissions.revoke(RHYTHM_HOST_PATTERN));
    await waitFor(() => expect(banner()).not.toBeNull());
    act(() => permissions.grant(RHYTHM_HOST_PATTERN));
    await waitFor(() => expect(banner()).toBeNull());
  });

  it.each<[string, (p: ReturnType<typeof fakePermissions>) => void, RegExp]>([
    ['the user refuses', (p) => (p.answer = 'refuse'), /^Not granted\. You can also turn it on in/],
    [
      'the browser refuses to ask',
      (p) => (p.answer = { throws: 'must be called during a user gesture' }),
      /^Not granted \(Chrome said: must be called during a user gesture\)\. You can also/,
    ],
  ])('when %s, says where to turn it on instead', async (_, setUp, text) => {
    const permissions = fakePermissions();
    setUp(permissions);
    renderPanel([], fakeServices({ permissions }));
    await waitFor(() => expect(banner()).not.toBeNull());
    fireEvent.click(allow());
    const refused = await screen.findByTestId('rhythm-access-refused');
    expect(refused.textContent).toMatch(text);
    expect(refused.textContent).toContain(
      'chrome://extensions → Rhythm Auth → Details → Site access',
    );
  });

  it('names Firefox and its add-on settings in Firefox', async () => {
    (globalThis as { browser?: unknown }).browser = {
      runtime: { getBrowserInfo: async () => ({ name: 'Firefox', version: '153.0' }) },
    };
    const permissions = fakePermissions();
    permissions.answer = 'refuse';
    renderPanel([], fakeServices({ permissions }));
    await waitFor(() => expect(banner()).not.toBeNull());
    expect(banner()!.textContent).toContain('so Firefox hides their requests from it');
    fireEvent.click(allow());
    expect((await screen.findByTestId('rhythm-access-refused')).textContent).toContain(
      'about:addons → Rhythm Auth → Permissions',
    );
  });
});
