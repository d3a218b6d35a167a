/**
 * The `token.signature` active check in the panel (opened as a tab, SPEC §10) against the reference
 * API's Auth0 stand-in: what it says it will fetch, the issuer's host permission asked at the
 * click, pass for a real token, fail for foreign signatures and broken issuers, nothing sent when
 * the permission is not granted, and the token gone after a worker restart (then pasted).
 */
import {
  clickWithoutUserGesture,
  expect,
  fetchFrom,
  grantHostPermission,
  ISSUER_ORIGIN,
  ISSUER_PATTERN,
  openActiveCheck,
  openPopup,
  stopWorkers,
  tabIdOf,
  test,
} from './fixtures.js';
import { checkStatuses, openPanel, panelCauses } from './panel-helpers.js';

const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';
const JWKS_PATH = '/.well-known/jwks.json';

test('verifies a real token against the issuer’s JWKS, and the popup sees the result', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  const token = await api.mint({ expired: true });
  expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
  const tabId = await tabIdOf(worker, app);
  await grantHostPermission(context, extensionId, ISSUER_PATTERN);
  const panel = await openPanel(context, extensionId, tabId);
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
  expect((await checkStatuses(panel))['token.signature']).toBe('skip');

  const dialog = await openActiveCheck(panel, 'Verify signature…');
  await expect(dialog.getByTestId('will-send')).toHaveText(`GET ${ISSUER_ORIGIN}${JWKS_PATH}`);
  await expect(dialog).toContainText('No credentials: no token, no cookies.');
  await expect(dialog.getByTestId('permission-note')).toContainText(ISSUER_ORIGIN);
  const before = api.hits('acme-org.us.auth0.com', JWKS_PATH);
  await dialog.getByRole('button', { name: 'Fetch the keys and verify' }).click();
  const result = dialog.getByTestId('active-result');
  await expect(result).toHaveAttribute('data-status', 'pass');
  await expect(result).toContainText('Signature verified with the issuer');
  expect(api.hits('acme-org.us.auth0.com', JWKS_PATH)).toBe(before + 1);
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect((await checkStatuses(panel))['token.signature']).toBe('pass');

  // Written back through the worker: the popup reads the same diagnosis from storage.session.
  const popup = await openPopup(context, extensionId, tabId);
  await popup.locator('ol.list button.row').first().click();
  await expect(popup.locator('[data-check-id="token.signature"]')).toHaveAttribute(
    'data-status',
    'pass',
  );
});

test('fails a token signed by another key under the issuer’s kid, and one with an unknown kid', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  for (const signer of ['foreign-same-kid', 'foreign-unknown-kid'] as const) {
    const token = await api.mint({ signer });
    expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
  }
  await grantHostPermission(context, extensionId, ISSUER_PATTERN);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  const rows = panel.getByRole('listbox').getByRole('option');
  await expect(rows).toHaveCount(2);

  const expected = [
    // Newest first: the unknown kid, then the forged signature.
    { title: 'No key of the issuer matches', detail: 'publishes' },
    { title: 'Signature does not verify with the issuer', detail: 'changed after it was signed' },
  ];
  for (const [i, want] of expected.entries()) {
    await rows.nth(i).click();
    const dialog = await openActiveCheck(panel, 'Verify signature…');
    await dialog.getByRole('button', { name: 'Fetch the keys and verify' }).click();
    const result = dialog.getByTestId('active-result');
    await expect(result).toHaveAttribute('data-status', 'fail');
    await expect(result).toContainText(want.title);
    await expect(result).toContainText(want.detail);
    await dialog.getByRole('button', { name: 'Done' }).click();
    expect((await checkStatuses(panel))['token.signature']).toBe('fail');
  }
});

test('an issuer whose JWKS answers 503, or a web page, fails with the reason', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  const issuers = {
    'down-tenant.us.auth0.com': 'JWKS answered 503',
    'garbage-tenant.us.auth0.com': "Issuer's JWKS is not JSON",
  };
  for (const host of Object.keys(issuers)) {
    const token = await api.mint({ claims: { iss: `https://${host}/` } });
    expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
    await grantHostPermission(context, extensionId, `https://${host}/*`);
  }
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  const rows = panel.getByRole('listbox').getByRole('option');
  await expect(rows).toHaveCount(2);
  for (const [i, title] of Object.values(issuers).reverse().entries()) {
    await rows.nth(i).click();
    const dialog = await openActiveCheck(panel, 'Verify signature…');
    await dialog.getByRole('button', { name: 'Fetch the keys and verify' }).click();
    const result = dialog.getByTestId('active-result');
    await expect(result).toHaveAttribute('data-status', 'fail');
    await expect(result).toContainText(title);
    await dialog.getByRole('button', { name: 'Done' }).click();
  }
});

test('without the issuer’s permission nothing is fetched and the check stays not run', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  const token = await api.mint({ expired: true });
  expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
  const dialog = await openActiveCheck(panel, 'Verify signature…');
  const before = api.hits('acme-org.us.auth0.com');
  // Send, without a user gesture: Chrome refuses the permission request, as a denied prompt does.
  await clickWithoutUserGesture(panel, '[role="dialog"] button.primary');
  const result = dialog.getByTestId('active-result');
  await expect(result).toHaveAttribute('data-status', 'denied');
  await expect(result).toContainText(`Permission to read ${ISSUER_ORIGIN} was not granted`);
  expect(api.hits('acme-org.us.auth0.com')).toBe(before);
  expect((await checkStatuses(panel))['token.signature']).toBe('skip');
});

test('after a worker restart the token is gone: the panel says so, and a pasted token works', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  const token = await api.mint({ expired: true });
  expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
  await grantHostPermission(context, extensionId, ISSUER_PATTERN);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
  await expect(panel.getByTestId('active-checks').getByRole('button').first()).toBeEnabled();

  await stopWorkers(panel);
  await expect(panel.locator('.connection--live')).toBeVisible();
  // A fresh look at the entry asks the restarted worker, which lost its memory.
  await panel.reload();
  await expect(panel.getByTestId('token-unavailable')).toContainText('Token no longer available');
  // The true reason: this worker started after the 401 was kept.
  await expect(panel.getByTestId('token-unavailable')).toHaveAttribute('data-why', 'restarted');
  await expect(panel.getByTestId('token-unavailable')).toContainText('service worker restarted');
  for (const name of ['Verify signature…', 'Verify with Rolodex…', 'Retry with fix…'])
    await expect(panel.getByRole('button', { name })).toBeDisabled();

  await panel.getByRole('button', { name: 'Paste token…' }).click();
  await panel.getByLabel('Token, Authorization line, or curl command').fill(token);
  await panel.getByLabel('URL it was sent to (optional)').fill(CURRENT);
  await panel.getByRole('button', { name: 'Diagnose' }).click();
  const dialog = await openActiveCheck(panel, 'Verify signature…');
  await dialog.getByRole('button', { name: 'Fetch the keys and verify' }).click();
  await expect(dialog.getByTestId('active-result')).toHaveAttribute('data-status', 'pass');
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect((await checkStatuses(panel))['token.signature']).toBe('pass');
});
