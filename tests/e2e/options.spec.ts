/**
 * The Options page against the built extension: each field validated with its own message, the
 * settings saved to storage.sync and applied by the worker to the next request (expected issuer,
 * 403s, an extra API host), and the links to it from the popup and the panel.
 */
import {
  clickWithoutUserGesture,
  expect,
  fetchFrom,
  openOptions,
  openPopup,
  runScenario,
  storageItems,
  tabIdOf,
  test,
} from './fixtures.js';
import { checkStatuses, openPanel, panelCauses } from './panel-helpers.js';

const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';
const STAGING = 'rolodex.staging.rhythmsoftware.com';

test('says what is wrong with each field, saves nothing until it is right, then normalises', async ({
  context,
  extensionId,
}) => {
  const options = await openOptions(context, extensionId);
  await options.getByLabel('Expected issuer (Auth0 domain)').fill('http://acme-org.us.auth0.com');
  await options.getByLabel('Client id').fill('not a client id');
  await options.getByLabel('Extra API hosts').fill('rolodex.api.rhythmsoftware.com\nnot a host');
  await options.getByLabel('Diagnoses kept per tab').fill('0');
  await options.getByRole('button', { name: 'Save' }).click();

  await expect(options.getByTestId('error-expectedIssuer')).toContainText('must be https');
  await expect(options.getByTestId('error-expectedClientId')).toContainText('letters, digits');
  await expect(options.getByTestId('error-extraApiHosts')).toContainText(
    'rolodex.api.rhythmsoftware.com is a Rhythm API host: it is always watched.',
  );
  await expect(options.getByTestId('error-extraApiHosts')).toContainText(
    '"not" is not a host name.',
  );
  await expect(options.getByTestId('error-keepPerTab')).toContainText('from 1 to 100');
  await expect(options.getByTestId('status')).toHaveText(
    'Not saved: correct the fields marked above.',
  );
  // The first wrong field has the focus, and says it is wrong.
  const issuer = options.getByLabel('Expected issuer (Auth0 domain)');
  await expect(issuer).toBeFocused();
  await expect(issuer).toHaveAttribute('aria-invalid', 'true');
  expect(await storageItems(options, 'sync')).toEqual({});

  await issuer.fill('globex-com.us.auth0.com');
  await options.getByLabel('Client id').fill('');
  await options.getByLabel('Extra API hosts').fill('');
  await options.getByLabel('Diagnoses kept per tab').fill('25');
  // Keyboard only: Enter in a field submits the form.
  await options.getByLabel('Diagnoses kept per tab').press('Enter');
  await expect(options.getByTestId('status')).toHaveText(
    'Saved. It applies from the next request.',
  );
  await expect(issuer).toHaveValue('https://globex-com.us.auth0.com/');
  expect(await storageItems(options, 'sync')).toEqual({
    settings: {
      expectedIssuer: 'https://globex-com.us.auth0.com/',
      expectedClientId: '',
      extraApiHosts: [],
      capture403: false,
      keepPerTab: 25,
    },
  });
});

test('the expected issuer makes token.issuer fail on the next 401', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const options = await openOptions(context, extensionId);
  await options.getByLabel('Expected issuer (Auth0 domain)').fill('globex-com.us.auth0.com');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('status')).toHaveText(
    'Saved. It applies from the next request.',
  );

  expect(await runScenario(app, 'expired')).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
  expect((await checkStatuses(panel))['token.issuer']).toBe('fail');
  await expect(panel.locator('[data-check-id="token.issuer"]')).toContainText(
    'not the expected "https://globex-com.us.auth0.com/"',
  );
});

test('403s are diagnosed once asked for, and an extra API host is watched once saved', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  const token = await api.mint();
  const bearer = { Authorization: `Bearer ${token}` };
  const tabId = await tabIdOf(worker, app);
  const stagingUrl = `https://${STAGING}/contacts/acme.org/current`;
  // Before: neither a 403 nor the staging host's 401 is diagnosed (the next 401 is, and is alone).
  expect(await fetchFrom(app, `${CURRENT}?__forbidden=1`, bearer)).toBe(403);
  expect(await fetchFrom(app, stagingUrl, bearer)).toBe(401);
  expect(await runScenario(app, 'no-authorization')).toBe(401);
  const panel = await openPanel(context, extensionId, tabId);
  await expect.poll(() => panelCauses(panel)).toEqual(['header.present']);

  const options = await openOptions(context, extensionId);
  await options.getByLabel('Diagnose 403 Forbidden too').check();
  await options.getByLabel('Extra API hosts').fill(`https://${STAGING}/`);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('status')).toHaveText(
    'Saved. It applies from the next request.',
  );
  await expect(options.getByLabel('Extra API hosts')).toHaveValue(STAGING);

  expect(await fetchFrom(app, `${CURRENT}?__forbidden=1`, bearer)).toBe(403);
  expect(await fetchFrom(app, stagingUrl, bearer)).toBe(401);
  await expect.poll(() => panelCauses(panel)).toHaveLength(3);
  const rows = panel.getByRole('listbox').getByRole('option');
  // The staging 401: its host counts as an API host (url.service passes, from the settings).
  await rows.first().click();
  await expect(panel.locator('[data-check-id="url.service"]')).toContainText('(from settings)');
  await rows.nth(1).click();
  await expect(panel.locator('article')).toContainText('403');
  await expect(panel.getByRole('table', { name: 'WWW-Authenticate, parsed' })).toContainText(
    'insufficient_scope',
  );
});

test('the popup and the panel open the Options page', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const tabId = await tabIdOf(worker, app);
  const optionsUrl = `chrome-extension://${extensionId}/src/options/index.html`;
  const popup = await openPopup(context, extensionId, tabId);
  let opened = context.waitForEvent('page', (p) => p.url().startsWith(optionsUrl));
  await popup.getByRole('button', { name: 'Settings' }).click();
  await (await opened).close();

  const panel = await openPanel(context, extensionId, tabId);
  opened = context.waitForEvent('page', (p) => p.url().startsWith(optionsUrl));
  await panel.getByRole('button', { name: 'Settings' }).click();
  const options = await opened;
  await expect(options.getByRole('heading', { name: 'Rhythm Auth settings' })).toBeVisible();
});

test('a host the browser does not grant is left out, and only it: the rest is saved', async ({
  context,
  extensionId,
}) => {
  const options = await openOptions(context, extensionId);
  await options.getByLabel('Expected issuer (Auth0 domain)').fill('globex-com.us.auth0.com');
  await options.getByLabel('Extra API hosts').fill(`${STAGING}\nnew-api.example.test`);
  await options.getByLabel('Diagnoses kept per tab').fill('40');
  // Without a user gesture Chrome refuses permissions.request by itself, the way a policy or a
  // closed prompt would (headless Chromium cannot answer a real prompt).
  await clickWithoutUserGesture(options, 'button[type="submit"]');

  await expect(options.getByTestId('status')).toHaveText(
    'Saved, except new-api.example.test (see Extra API hosts).',
  );
  const error = options.getByTestId('error-extraApiHosts');
  await expect(error).toContainText('Rhythm Auth may not read new-api.example.test');
  await expect(error).toContainText('the browser refused (');
  await expect(error).toContainText('user gesture');
  // Kept in the form for another try; saved without it, everything else saved.
  await expect(options.getByLabel('Extra API hosts')).toHaveValue(
    `${STAGING}\nnew-api.example.test`,
  );
  expect(await storageItems(options, 'sync')).toEqual({
    settings: {
      expectedIssuer: 'https://globex-com.us.auth0.com/',
      expectedClientId: '',
      extraApiHosts: [STAGING], // under *.rhythmsoftware.com: already granted
      capture403: false,
      keepPerTab: 40,
    },
  });
});

test('Save stays where it is, whatever the page says after a click', async ({
  context,
  extensionId,
}) => {
  const options = await openOptions(context, extensionId);
  const save = options.getByRole('button', { name: 'Save' });
  const at = async () => JSON.stringify(await save.boundingBox());
  const before = await at();
  // Wrong fields: an error under each, a status beside Save.
  await options.getByLabel('Client id').fill('not a client id');
  await options.getByLabel('Diagnoses kept per tab').fill('0');
  await save.click();
  await expect(options.getByTestId('status')).toHaveText(
    'Not saved: correct the fields marked above.',
  );
  expect(await at()).toBe(before);
  // The longest status there is: a denied host's (two lines on a narrow window).
  await options.setViewportSize({ width: 420, height: 700 });
  const narrow = await at();
  await options.getByLabel('Client id').fill('');
  await options.getByLabel('Diagnoses kept per tab').fill('10');
  await options.getByLabel('Extra API hosts').fill('a-long-host-name.example.test');
  await clickWithoutUserGesture(options, 'button[type="submit"]');
  await expect(options.getByTestId('status')).toContainText('Saved, except');
  expect(await at()).toBe(narrow);
});
