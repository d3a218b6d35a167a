/**
 * "Retry with fix" from the panel against the reference API: for header and URL causes it sends
 * the GET again with that one thing changed (shown first), and the 200 confirms the cause; other
 * methods are never replayed.
 */
import { APP_URL, expect, openActiveCheck, runScenario, tabIdOf, test } from './fixtures.js';
import { openPanel, panelCauses } from './panel-helpers.js';

const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

const CASES = [
  {
    scenario: 'no-bearer-prefix',
    cause: 'header.scheme',
    url: CURRENT,
    change: 'Added `Bearer ` in front of the token',
  },
  {
    scenario: 'bearer-bearer',
    cause: 'header.scheme',
    url: CURRENT,
    change: 'Sent `Bearer` once instead of twice',
  },
  {
    scenario: 'wrong-module-host',
    cause: 'url.service',
    url: CURRENT,
    change:
      'Sent it to rolodex.api.rhythmsoftware.com instead of membership.api.rhythmsoftware.com',
  },
  {
    scenario: 'bare-api-host',
    cause: 'url.service',
    url: CURRENT,
    change: 'Sent it to rolodex.api.rhythmsoftware.com instead of api.rhythmsoftware.com',
  },
  {
    scenario: 'wrong-tenant',
    cause: 'url.tenant',
    url: CURRENT,
    change: "Put the token's tenant acme.org in the path instead of globex.com",
  },
];

test('header and URL causes: the fixed GET succeeds, which confirms the cause', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  for (const c of CASES) expect(await runScenario(app, c.scenario)).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(CASES.map((c) => c.cause).reverse());
  const rows = panel.getByRole('listbox').getByRole('option');
  for (const [i, c] of [...CASES].reverse().entries()) {
    await rows.nth(i).click();
    const dialog = await openActiveCheck(panel, 'Retry with fix…');
    await expect(dialog.getByTestId('will-send')).toContainText(
      `GET ${c.url}\nAuthorization: Bearer <token `,
    );
    await dialog.getByRole('button', { name: 'Send it again' }).click();
    const result = dialog.getByTestId('active-result');
    await expect(result, c.scenario).toHaveAttribute('data-status', 'confirmed');
    await expect(result).toContainText(c.change.replace(/`/g, ''));
    await expect(result).toContainText(`${c.cause} was the cause`);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(panel.locator('[data-result="retry"]')).toHaveAttribute(
      'data-verdict',
      'confirmed',
    );
  }
});

test('a POST is never sent again: the button is disabled and says why', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  expect(app.url()).toBe(APP_URL);
  const token = await api.mint();
  const status = await app.evaluate(
    ([url, auth]) =>
      fetch(url, { method: 'POST', headers: { Authorization: auth }, cache: 'no-store' }).then(
        (r) => r.status,
      ),
    [CURRENT.replace('/current', ''), token] as const,
  );
  expect(status).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(['header.scheme']);
  const retry = panel.getByRole('button', { name: 'Retry with fix…' });
  await expect(retry).toBeDisabled();
  await expect(panel.getByTestId('refused-retry')).toContainText(
    'Only GET requests are sent again: a POST could change data on the server.',
  );
  // The probes that do not replay the request stay available.
  await expect(panel.getByRole('button', { name: 'Verify with Rolodex…' })).toBeEnabled();
});
