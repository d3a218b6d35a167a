/**
 * The Rolodex probe (`contact.verified`, the 401 guide's §5) run from the panel against the
 * reference API: it shows the URL and the header (token by fingerprint) before sending, sends
 * nothing on Cancel, names the contact on 200 and quotes the server's challenge on 401.
 */
import { expect, openActiveCheck, runScenario, tabIdOf, test } from './fixtures.js';
import { checkStatuses, openPanel, panelCauses } from './panel-helpers.js';

const ROLODEX = 'rolodex.api.rhythmsoftware.com';

test('a user token: 200, the contact’s id and name, after showing what it sends', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  // Ada's valid token sent to the wrong module host: the probe asks Rolodex with the same token.
  expect(await runScenario(app, 'wrong-module-host')).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(['url.service']);
  const fingerprint = (await panel
    .getByTestId('credential-fields')
    .locator('dd')
    .last()
    .textContent())!.trim();
  expect(fingerprint).toMatch(/^[0-9a-f]{12}$/);

  const dialog = await openActiveCheck(panel, 'Verify with Rolodex…');
  await expect(dialog.getByTestId('will-send')).toHaveText(
    `GET https://${ROLODEX}/contacts/acme.org/current\nAuthorization: Bearer <token ${fingerprint}…>`,
  );
  // Both routes of SPEC §2: the token's tenant in the path (default), or /contacts/current.
  await expect(dialog.getByRole('radio')).toHaveCount(2);
  const before = api.hits(ROLODEX, '/contacts/acme.org/current');
  await dialog.getByRole('button', { name: 'Send to Rolodex' }).click();
  const result = dialog.getByTestId('active-result');
  await expect(result).toHaveAttribute('data-status', 'pass');
  await expect(dialog.getByTestId('answer')).toContainText('→ 200');
  await expect(result).toContainText('"C-000123" (Ada Lovelace)');
  expect(api.hits(ROLODEX, '/contacts/acme.org/current')).toBe(before + 1);
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect((await checkStatuses(panel))['contact.verified']).toBe('pass');
  await expect(panel.locator('[data-result="contact.verified"]')).toContainText('C-000123');
});

test('an M2M token: 401, with the server’s WWW-Authenticate quoted; Cancel sends nothing', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  expect(await runScenario(app, 'm2m-contacts-current')).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(['claims.contact_id']);
  const before = api.hits(ROLODEX);

  let dialog = await openActiveCheck(panel, 'Verify with Rolodex…');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('dialog')).toHaveCount(0);
  expect(api.hits(ROLODEX)).toBe(before);

  dialog = await openActiveCheck(panel, 'Verify with Rolodex…');
  await dialog.getByRole('radio', { name: '/contacts/current' }).check();
  await expect(dialog.getByTestId('will-send')).toContainText(
    `GET https://${ROLODEX}/contacts/current\n`,
  );
  await dialog.getByRole('button', { name: 'Send to Rolodex' }).click();
  const result = dialog.getByTestId('active-result');
  await expect(result).toHaveAttribute('data-status', 'fail');
  await expect(result).toContainText('Rolodex refused the token (401)');
  await expect(result).toContainText(
    'error_description="Machine-to-machine tokens have no contact_id; this call needs a contact"',
  );
  expect(api.hits(ROLODEX)).toBe(before + 1);
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect((await checkStatuses(panel))['contact.verified']).toBe('fail');
});
