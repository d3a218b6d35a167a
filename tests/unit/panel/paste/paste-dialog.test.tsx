// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from '../../../helpers/tokens.js';
import { CURRENT_URL, SENT_AT } from '../fixtures.js';
import { renderPanel } from '../render.js';

afterEach(cleanup);

async function paste(text: string, url = '') {
  fireEvent.click(screen.getByRole('button', { name: 'Paste token…' }));
  // The dialog's code loads on first open.
  await screen.findByLabelText('Token, Authorization line, or curl command');
  fireEvent.input(screen.getByLabelText('Token, Authorization line, or curl command'), {
    target: { value: text },
  });
  if (url)
    fireEvent.input(screen.getByLabelText('URL it was sent to (optional)'), {
      target: { value: url },
    });
  fireEvent.click(screen.getByRole('button', { name: 'Diagnose' }));
}

const selected = () =>
  document.querySelector<HTMLElement>('[role="option"][aria-selected="true"]')!;

describe('paste mode', () => {
  it('explains itself in the empty state, and diagnoses a pasted token there', async () => {
    const { store } = renderPanel([]);
    expect(screen.getByTestId('empty').textContent).toMatch(/paste a token|Paste it/i);
    const token = await signToken();
    await paste(token, CURRENT_URL);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(selected().getAttribute('data-source')).toBe('paste');
    expect(selected().textContent).toContain('pasted');
    const e = store.selected.value!;
    // Never sent, no response seen: status 0, and nothing in the detail poses as a 401.
    expect(e.diagnosis.request).toMatchObject({ url: CURRENT_URL, sentAt: SENT_AT, status: 0 });
    expect(e.token).toBe(token);
    const detail = screen.getByRole('main', { name: 'Diagnosis of the selected 401' });
    expect(screen.getByTestId('entry-meta').textContent).toContain('Pasted token');
    expect(detail.textContent).toContain('not counted on the badge');
    expect(screen.getByTestId('entry-meta').textContent).not.toContain('Status');
    expect(detail.textContent).not.toContain('401 response');
    expect(
      detail.querySelector('[data-check-id="server.challenge"]')?.getAttribute('data-status'),
    ).toBe('skip');
    expect(screen.getByTestId('count').textContent).toBe('1 pasted');
  });

  it('says what it read: a token, an Authorization line, a curl command', async () => {
    renderPanel([]);
    fireEvent.click(screen.getByRole('button', { name: 'Paste a token…' }));
    const area = await screen.findByLabelText('Token, Authorization line, or curl command');
    const token = await signToken();
    for (const [text, words] of [
      [token, 'Read as a token.'],
      [`Authorization: Bearer ${token}`, 'Read as an Authorization header.'],
      [`curl '${CURRENT_URL}' -H 'Authorization: Bearer ${token}'`, 'Read as a curl command.'],
    ]) {
      fireEvent.input(area, { target: { value: text } });
      expect(screen.getByTestId('paste-kind').textContent).toBe(words);
    }
  });

  it('diagnoses an Authorization line without Bearer as header.scheme', async () => {
    renderPanel([]);
    await paste(`Authorization: ${await signToken()}`, CURRENT_URL);
    expect(selected().getAttribute('data-diagnosis')).toBe('header.scheme');
  });

  it('diagnoses a curl command with its URL and method', async () => {
    const { store } = renderPanel([]);
    const token = await signToken({ claims: { exp: 1 } });
    await paste(
      `curl -X DELETE 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/C-1' -H 'Authorization: Bearer ${token}'`,
    );
    expect(selected().getAttribute('data-diagnosis')).toBe('token.expiry');
    expect(store.selected.value!.diagnosis.request.method).toBe('DELETE');
    expect(screen.getByTestId('request-fields').textContent).toContain('C-1');
  });

  it('asks again for an empty paste', async () => {
    renderPanel([]);
    await paste('   ');
    expect(screen.getByRole('alert').textContent).toBe(
      'Paste a token, an Authorization line or a curl command.',
    );
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
