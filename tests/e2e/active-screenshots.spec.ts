/**
 * Screenshots of the active checks and the Options page for docs/, each showing its result:
 * `docs/active-signature.png`, `docs/active-contact.png`, `docs/active-retry.png`,
 * `docs/options.png`. Taken on every run (to
 * test-results/screenshots/); written to docs/ only with RHYTHM_SCREENSHOTS=1 (times change).
 */
import type { Page } from '@playwright/test';
import {
  expect,
  fetchFrom,
  grantHostPermission,
  ISSUER_PATTERN,
  openActiveCheck,
  openOptions,
  runScenario,
  shotPath,
  tabIdOf,
  test,
} from './fixtures.js';
import { openPanel, panelCauses } from './panel-helpers.js';

const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

async function shoot(panel: Page, button: string, send: string, path: string) {
  const dialog = await openActiveCheck(panel, button);
  await dialog.getByRole('button', { name: send }).click();
  await expect(dialog.getByTestId('active-result')).toBeVisible();
  await panel.screenshot({ path });
}

test('docs/active-signature.png', async ({ app, api, worker, context, extensionId }) => {
  const token = await api.mint({ signer: 'foreign-same-kid' });
  expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
  await grantHostPermission(context, extensionId, ISSUER_PATTERN);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await panel.setViewportSize({ width: 1440, height: 900 });
  await expect.poll(() => panelCauses(panel)).toHaveLength(1);
  await shoot(
    panel,
    'Verify signature…',
    'Fetch the keys and verify',
    shotPath('active-signature.png'),
  );
});

test('docs/active-contact.png', async ({ app, worker, context, extensionId }) => {
  expect(await runScenario(app, 'wrong-module-host')).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await panel.setViewportSize({ width: 1440, height: 900 });
  await expect.poll(() => panelCauses(panel)).toEqual(['url.service']);
  await shoot(panel, 'Verify with Rolodex…', 'Send to Rolodex', shotPath('active-contact.png'));
});

test('docs/active-retry.png', async ({ app, worker, context, extensionId }) => {
  expect(await runScenario(app, 'no-bearer-prefix')).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app), {
    theme: 'dark',
  });
  await panel.setViewportSize({ width: 1440, height: 900 });
  await expect.poll(() => panelCauses(panel)).toEqual(['header.scheme']);
  await shoot(panel, 'Retry with fix…', 'Send it again', shotPath('active-retry.png'));
});

test('docs/options.png', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await options.setViewportSize({ width: 900, height: 860 });
  await options.getByLabel('Expected issuer (Auth0 domain)').fill('acme-org.us.auth0.com');
  await options.getByLabel('Client id').fill('spaAcme3Gf8Ks1Mq6Vn0Zr4Tw9Yb2Jc7X');
  await options.getByLabel('Extra API hosts').fill('rolodex.staging.rhythmsoftware.com');
  await options.getByLabel('Diagnose 403 Forbidden too').check();
  await options.getByLabel('Diagnoses kept per tab').fill('50');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('status')).toHaveText(
    'Saved. It applies from the next request.',
  );
  await options.screenshot({ path: shotPath('options.png') });
});
