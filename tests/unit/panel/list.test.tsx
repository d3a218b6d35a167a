// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { entry, SENT_AT } from './fixtures.js';
import { renderPanel } from './render.js';

afterEach(cleanup);

const older = entry({ id: 'webRequest:1', sentAt: SENT_AT, auth: 'Basic x' });
const newer = entry({
  id: 'webRequest:2',
  sentAt: SENT_AT + 1000,
  url: 'https://membership.api.rhythmsoftware.com/memberships/acme.org',
});
const pasted = {
  ...entry({ id: 'paste:1', sentAt: SENT_AT + 2000, source: 'paste' }),
  token: 'abc',
};

/** The list's rows (the filters' <option>s have the option role too). */
const options = () => [
  ...document.querySelectorAll<HTMLElement>('[role="listbox"] > [role="option"]'),
];

describe('the list', () => {
  it('draws a line above the first 401 after the page navigated', () => {
    const { store } = renderPanel([newer, older]);
    expect(document.querySelector('[data-navigated]')).toBeNull();
    act(() =>
      store.dispatch({
        type: 'navigated',
        url: 'https://app.example/members',
        at: older.capturedAt + 500,
      }),
    );
    const marked = [...document.querySelectorAll<HTMLElement>('[data-navigated]')];
    expect(marked).toHaveLength(1);
    expect(marked[0]!.getAttribute('data-diagnosis')).toBe(newer.diagnosis.rootCause?.id ?? 'none');
    expect(marked[0]!.title).toContain('The page navigated to app.example/members before this 401');
  });

  it('lists the 401s newest first with time, method, host and path, and root cause', () => {
    renderPanel([newer, older]);
    const list = screen.getByRole('listbox', { name: '401 responses, newest first' });
    const rows = within(list).getAllByRole('option');
    expect(rows.map((r) => r.getAttribute('data-diagnosis'))).toEqual([
      'header.present',
      'header.scheme',
    ]);
    expect(rows[0]!.textContent).toContain('GET');
    expect(rows[0]!.textContent).toContain('membership.api.rhythmsoftware.com');
    expect(rows[0]!.textContent).toContain('/memberships/acme.org');
    expect(rows[1]!.textContent).toMatch(/Basic/);
    expect(rows[0]!.querySelector('.row__time')!.textContent).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('marks the selected row with aria-selected and points the listbox at it', () => {
    renderPanel([newer, older]);
    expect(options().map((o) => o.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    fireEvent.click(options()[1]!);
    expect(options().map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(screen.getByRole('listbox').getAttribute('aria-activedescendant')).toBe(
      options()[1]!.id,
    );
  });

  it('marks pasted entries', () => {
    const { store } = renderPanel([newer, older]);
    act(() => store.dispatch({ type: 'pasted', entry: pasted }));
    expect(options()[0]!.getAttribute('data-source')).toBe('paste');
    expect(options()[0]!.textContent).toContain('pasted');
  });

  it('keeps the selection when a new 401 arrives at the top', () => {
    const { store } = renderPanel([newer, older]);
    fireEvent.click(options()[1]!);
    act(() =>
      store.dispatch({
        type: 'request-diagnosed',
        entry: entry({ id: 'webRequest:3', sentAt: SENT_AT + 5000 }),
      }),
    );
    expect(options()).toHaveLength(3);
    expect(options()[2]!.getAttribute('aria-selected')).toBe('true');
    expect(
      screen.getByRole('main', { name: 'Diagnosis of the selected 401' }).textContent,
    ).toContain('Basic');
  });
});

describe('filters', () => {
  it('filter by host, status and text, and say when nothing matches', () => {
    renderPanel([newer, older]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Host' }), {
      target: { value: 'membership.api.rhythmsoftware.com' },
    });
    expect(options()).toHaveLength(1);
    fireEvent.change(screen.getByRole('combobox', { name: 'Host' }), { target: { value: '' } });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search the 401s' }), {
      target: { value: 'basic' },
    });
    expect(options().map((o) => o.getAttribute('data-diagnosis'))).toEqual(['header.scheme']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), {
      target: { value: 'pass' },
    });
    expect(options()).toHaveLength(0);
    expect(screen.getByText('No 401 matches the filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(options()).toHaveLength(2);
    expect(screen.getByTestId('count').textContent).toBe('2 401s');
  });
});

describe('a long list', () => {
  const many = Array.from({ length: 500 }, (_, i) =>
    entry({ id: `webRequest:${i}`, sentAt: SENT_AT + (500 - i) * 1000 }),
  );

  it('renders only the rows around the view, each at its place, and counts all of them', () => {
    renderPanel(many);
    const rows = options();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('500');
    expect(rows[3]!.style.top).toBe('72px');
    expect(screen.getByRole('listbox').style.getPropertyValue('--rows-height')).toBe('12000px');
  });

  it('End selects the last entry and renders it; Home the first', () => {
    renderPanel(many);
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'End' });
    const selected = () => options().find((o) => o.getAttribute('aria-selected') === 'true');
    expect(selected()?.getAttribute('aria-posinset')).toBe('500');
    expect(list.getAttribute('aria-activedescendant')).toBe(selected()?.id);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(selected()?.getAttribute('aria-posinset')).toBe('1');
  });

  it('a right-click opens the row menu; Esc closes it and the list has the focus again', () => {
    renderPanel([newer, older]);
    fireEvent.contextMenu(options()[1]!, { clientX: 20, clientY: 30 });
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    const menu = screen.getByRole('menu', { name: 'This 401' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((b) => b.textContent),
    ).toEqual(['Copy as cURL', 'Copy the fix', 'Export this one…']);
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('listbox'));
  });
});

describe('keyboard', () => {
  it('↑/↓ move the selection, Enter focuses the detail', () => {
    renderPanel([entry({ id: 'c', sentAt: SENT_AT + 2 }), newer, older]);
    const list = screen.getByRole('listbox');
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(options()[2]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(document.activeElement?.id).toBe('detail');
  });

  it('/ focuses the search, Esc clears it', () => {
    renderPanel([newer, older]);
    fireEvent.keyDown(document.body, { key: '/' });
    const search = screen.getByRole('searchbox', { name: 'Search the 401s' }) as HTMLInputElement;
    expect(document.activeElement).toBe(search);
    fireEvent.input(search, { target: { value: 'membership' } });
    expect(options()).toHaveLength(1);
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(search.value).toBe('');
    expect(options()).toHaveLength(2);
  });

  it('Esc closes a dialog and gives the focus back', async () => {
    renderPanel([newer, older]);
    const button = screen.getByRole('button', { name: 'Paste token…' });
    button.focus();
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Diagnose a pasted token' });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
