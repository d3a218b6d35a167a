// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPANDED_CHARS } from '../../../src/panel/view/display.js';
import { signToken } from '../../helpers/tokens.js';
import { entry } from './fixtures.js';
import { renderPanel } from './render.js';

afterEach(cleanup);

const IMG = '<img src=x onerror=alert(1)>';
const BIG = 'A'.repeat(100 * 1024);

async function hostile() {
  const claims = JSON.parse('{"__proto__": {"isAdmin": true}}') as Record<string, unknown>;
  Object.assign(claims, {
    name: IMG,
    nickname: 'admin\u202Egnp.exe',
    blob: BIG,
    'http://rhythmsoftware.com/tenant_id': '<b>acme.org</b>',
  });
  const token = await signToken({ claims });
  return entry({
    id: 'hostile',
    auth: `Bearer ${token}`,
    url: 'https://rolodex.api.rhythmsoftware.com/contacts/<script>alert(1)<%2Fscript>/current',
    responseBody: '<html><body><img src=y onerror=alert(2)><script>alert(3)</script></body></html>',
    source: 'devtools',
  });
}

const claimRow = (name: string) =>
  screen
    .getByRole('table', { name: 'Token claims' })
    .querySelector<HTMLElement>(`[data-claim="${name}"]`)!;

describe('hostile page data', () => {
  it('renders markup in claims, URLs and bodies as inert text', async () => {
    const { container } = renderPanel([await hostile()]);
    expect(container.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(claimRow('name').textContent).toContain(IMG);
    expect(screen.getByTestId('response-body').textContent).toContain(
      '<img src=y onerror=alert(2)>',
    );
    expect(document.querySelector('[role="listbox"] > [role="option"]')!.textContent).toContain(
      '<script>',
    );
  });

  it('shows a __proto__ claim as a row, and pollutes nothing', async () => {
    renderPanel([await hostile()]);
    expect(claimRow('__proto__').textContent).toContain('{"isAdmin":true}');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('renders a 100 KB claim truncated, with a way to see more, never all 100 KB at once', async () => {
    renderPanel([await hostile()]);
    const cell = within(claimRow('blob'));
    expect(claimRow('blob').textContent!.length).toBeLessThan(400);
    fireEvent.click(cell.getByRole('button', { name: 'Show all (102,400 characters)' }));
    const shown = claimRow('blob').querySelector('.claim__value .long__text')!.textContent!;
    expect(shown.length).toBeGreaterThan(10_000);
    expect(shown.length).toBeLessThanOrEqual(EXPANDED_CHARS + 1);
    expect(cell.getByRole('button', { name: 'Copy the whole value' })).toBeTruthy();
    fireEvent.click(cell.getByRole('button', { name: 'Show less' }));
    expect(claimRow('blob').textContent!.length).toBeLessThan(400);
  });

  it('makes a right-to-left override visible as an escape', async () => {
    renderPanel([await hostile()]);
    const text = claimRow('nickname').textContent!;
    expect(text).toContain('admin\\u202egnp.exe');
    expect(text).not.toContain('\u202E');
  });
});
