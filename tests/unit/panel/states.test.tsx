// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS } from '../../../src/panel/components/UndoToast.js';
import { App } from '../../../src/panel/App.js';
import { initialState } from '../../../src/panel/state.js';
import { createPanelStore } from '../../../src/panel/store.js';
import { entry, fakeServices } from './fixtures.js';
import { renderPanel, renderWith } from './render.js';

afterEach(cleanup);

describe('every state has a view', () => {
  it('connecting', () => {
    renderWith(<App />, createPanelStore(initialState()));
    expect(screen.getByRole('main', { name: 'Connecting' }).getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Connecting…');
  });

  it('failed before the first sync', () => {
    const store = createPanelStore(initialState());
    store.dispatch({ type: 'connection-failed', message: 'no tab to watch.' });
    renderWith(<App />, store);
    expect(screen.getByRole('alert').textContent).toContain('no tab to watch.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('reconnecting keeps the list and says so', () => {
    const { store } = renderPanel([entry({ id: 'a' })]);
    act(() => store.dispatch({ type: 'connecting', attempt: 1 }));
    expect(document.querySelectorAll('[role="listbox"] > [role="option"]')).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('Reconnecting…');
  });

  it('empty: says what is watched in DevTools, and how to paste', () => {
    renderPanel([], fakeServices({ inDevtools: true }));
    const empty = screen.getByRole('main', { name: 'No 401s yet' });
    expect(empty.textContent).toContain('*.api.rhythmsoftware.com');
    expect(empty.textContent).toContain('any site');
    expect(screen.getByRole('button', { name: 'Paste a token…' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Export…' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('empty, opened as a tab: says DevTools sees more', () => {
    renderPanel([]);
    expect(screen.getByRole('main', { name: 'No 401s yet' }).textContent).toContain(
      'Open this panel in DevTools to see calls from any site.',
    );
  });

  it('has the landmarks: banner, search, navigation, main', () => {
    renderPanel([entry({ id: 'a' })]);
    // (testing-library counts <header>s inside <article> as banners too; Chromium does not)
    expect(screen.getAllByRole('banner')[0]!.classList.contains('toolbar')).toBe(true);
    expect(screen.getByRole('search', { name: 'Filter the 401s' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '401 responses' })).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Diagnosis of the selected 401' })).toBeTruthy();
    for (const b of screen.getAllByRole('button'))
      expect(b.textContent!.trim() || b.getAttribute('aria-label')).toBeTruthy();
  });

  it('Clear asks the worker to clear the tab and empties the list', async () => {
    const { services } = renderPanel([entry({ id: 'a' })]);
    screen.getByRole('button', { name: 'Clear' }).click();
    await screen.findByRole('main', { name: 'No 401s yet' });
    expect(services.cleared).toBe(1);
    // Nothing that lived only here was taken: no Undo to offer.
    expect(screen.queryByTestId('undo-toast')).toBeNull();
  });

  it('Clear offers Undo for pasted and imported entries, which only this panel had', async () => {
    const forgot: Array<readonly string[]> = [];
    const services = fakeServices({ forgetPasted: (ids) => forgot.push(ids) });
    const { store } = renderPanel([entry({ id: 'a' })], services);
    const pasted = entry({ id: 'paste:1', source: 'paste', status: 0 });
    const imported = { ...entry({ id: 'har:1:0', source: 'har' }), harFile: 'x.har' };
    act(() => {
      store.dispatch({ type: 'pasted', entry: pasted });
      store.dispatch({
        type: 'har-imported',
        entries: [imported],
        summary: {
          name: 'x.har',
          bytes: 1,
          entries: 1,
          unreadable: 0,
          diagnosed: 1,
          failed: 0,
          finding: null,
          listed: 1,
        },
      });
    });
    screen.getByRole('button', { name: 'Clear' }).click();
    const toast = await screen.findByTestId('undo-toast');
    expect(toast.textContent).toContain('Cleared 1 pasted token and 1 imported 401');
    expect(toast.textContent).toContain('1 captured 401, which stay cleared');
    expect(store.all.value).toEqual([]);
    act(() => screen.getByRole('button', { name: 'Undo' }).click());
    expect(store.all.value.map((e) => e.id).sort()).toEqual(['har:1:0', 'paste:1']);
    expect(screen.queryByTestId('undo-toast')).toBeNull();
    expect(forgot).toEqual([]);

    // Cleared again and left alone: the toast goes, and so do the pasted tokens held for Undo.
    vi.useFakeTimers();
    try {
      act(() => screen.getByRole('button', { name: 'Clear' }).click());
      await act(async () => {
        await vi.advanceTimersByTimeAsync(UNDO_MS + 100);
      });
      expect(screen.queryByTestId('undo-toast')).toBeNull();
      expect(forgot).toEqual([['paste:1']]);
      expect(store.state.value.undo).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
