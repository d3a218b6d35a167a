// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from '../../../helpers/tokens.js';
import { CURRENT_URL, entry } from '../fixtures.js';
import { renderPanel } from '../render.js';

afterEach(cleanup);

const preview = () => screen.getByTestId('export-preview').textContent ?? '';
const openExport = async () => {
  fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
  // The dialog's code loads on first open.
  await screen.findByTestId('export-preview');
};

describe('export', () => {
  it('previews exactly the text that is copied and saved: redacted Markdown of the selected 401', async () => {
    const token = await signToken({ kind: 'id' });
    const { services } = renderPanel([
      entry({ id: 'a', auth: `Bearer ${token}` }),
      entry({ id: 'b' }),
    ]);
    await openExport();
    const text = preview();
    expect(text).toMatch(/^# /);
    expect(text).toContain('token.kind');
    expect(text).not.toContain(token.split('.')[2]!);
    fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    await screen.findByText('Copied to the clipboard.');
    fireEvent.click(screen.getByRole('button', { name: 'Save .md file' }));
    expect(services.copied).toEqual([text]);
    expect(services.saved).toEqual([{ text, format: 'markdown' }]);
  });

  it('renders the Markdown as the ticket shows it, with the source a click away', async () => {
    const hostile = `<img src=x onerror="alert(1)">**bold**`;
    renderPanel([
      entry({ id: 'a', auth: 'Bearer x', url: `${CURRENT_URL}?q=${encodeURIComponent(hostile)}` }),
    ]);
    await openExport();
    const rendered = screen.getByTestId('export-rendered');
    expect(screen.getByTestId('export-preview').hidden).toBe(true);
    // Tables, headings and code spans are elements; the escapes are gone from the text.
    expect(rendered.querySelector('h3')!.textContent).toMatch(/^Rhythm Auth report: /);
    const cells = [...rendered.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toContain('server.challenge');
    expect(rendered.querySelector('code')).not.toBeNull();
    expect(rendered.textContent).not.toMatch(/\\[`_*]/);
    // Untrusted text stays text: no element from the page's URL.
    expect(rendered.querySelector('img')).toBeNull();
    expect(rendered.querySelectorAll('strong').length).toBeGreaterThan(0);
    expect([...rendered.querySelectorAll('strong')].some((b) => b.textContent === 'bold')).toBe(
      false,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Source' }));
    expect(screen.queryByTestId('export-rendered')).toBeNull();
    expect(screen.getByTestId('export-preview').hidden).toBe(false);
    expect(preview()).toMatch(/^# Rhythm Auth report/);
    expect(screen.getByRole('button', { name: 'Rendered' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('exports all of them as JSON', async () => {
    const { services } = renderPanel([entry({ id: 'a' }), entry({ id: 'b', auth: 'Basic x' })]);
    await openExport();
    fireEvent.click(screen.getByRole('radio', { name: /All listed \(2 diagnoses\)/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'JSON' }));
    const report = JSON.parse(preview()) as { diagnoses: unknown[] };
    expect(report.diagnoses).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Save .json file' }));
    expect(services.saved[0]?.format).toBe('json');
  });

  it('masks personal claims when asked', async () => {
    const token = await signToken({ kind: 'id' });
    renderPanel([entry({ id: 'a', auth: `Bearer ${token}` })]);
    await openExport();
    expect(preview()).toContain('Ada Lovelace');
    fireEvent.click(screen.getByRole('checkbox', { name: /Mask personal claims/ }));
    expect(preview()).not.toContain('Ada Lovelace');
    expect(preview()).not.toContain('ada@acme.org');
  });

  it('disables "include the token" for captured 401s, and says why', async () => {
    renderPanel([entry({ id: 'a' })]);
    await openExport();
    const box = screen.getByRole('checkbox', {
      name: /Include the token without its signature/,
    }) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(screen.getByTestId('token-option-reason').textContent).toBe(
      'Only for pasted tokens: the extension never stores the tokens it captures.',
    );
  });

  it('includes a pasted token without its signature on request', async () => {
    const token = await signToken();
    renderPanel([]);
    fireEvent.click(screen.getByRole('button', { name: 'Paste a token…' }));
    fireEvent.input(await screen.findByLabelText('Token, Authorization line, or curl command'), {
      target: { value: token },
    });
    fireEvent.input(screen.getByLabelText('URL it was sent to (optional)'), {
      target: { value: CURRENT_URL },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Diagnose' }));
    await openExport();
    const [header, payload, signature] = token.split('.');
    expect(preview()).not.toContain(payload!);
    const box = screen.getByRole('checkbox', {
      name: /Include the token without its signature/,
    }) as HTMLInputElement;
    expect(box.disabled).toBe(false);
    fireEvent.click(box);
    expect(preview()).toContain(`${header}.${payload}.[signature removed]`);
    expect(preview()).not.toContain(signature!);
  });
});
