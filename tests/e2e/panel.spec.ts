/**
 * The DevTools panel opened as a tab in test mode (SPEC §10 `?tabId=`), against the reference
 * API: every view, live updates, paste mode, redacted exports, hostile claims, and the worker
 * restarting under it. The real DevTools panel is covered by panel-devtools.spec.ts.
 */
import { readFileSync } from 'node:fs';
import {
  APP_URL,
  badgeText,
  expect,
  fetchFrom,
  runScenario,
  stopWorkers,
  tabIdOf,
  test,
} from './fixtures.js';
import { checkStatuses, openPanel, panelCauses, selectedRow } from './panel-helpers.js';

const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

test('lists the tab’s 401s live, newest first, and keeps the selection as new ones arrive', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect(panel.getByTestId('empty')).toContainText('*.api.rhythmsoftware.com');

  await runScenario(app, 'expired');
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
  const detail = panel.getByRole('main', { name: 'Diagnosis of the selected 401' });
  await expect(detail.locator('article')).toHaveAttribute(
    'data-selected-diagnosis',
    'token.expiry',
  );

  await runScenario(app, 'no-bearer-prefix');
  await expect.poll(() => panelCauses(panel)).toEqual(['header.scheme', 'token.expiry']);
  // The selection stays on the 401 being read.
  await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'token.expiry');
  await expect(detail.locator('article')).toHaveAttribute(
    'data-selected-diagnosis',
    'token.expiry',
  );
  const first = panel.getByRole('listbox').getByRole('option').first();
  await expect(first).toContainText('GET');
  await expect(first).toContainText('rolodex.api.rhythmsoftware.com');
  await expect(first).toContainText('/contacts/acme.org/current');
  await expect(first).toContainText('Token sent without Bearer');
  await expect(first.locator('code')).toHaveText('Bearer ');
});

test('the detail: verdict, grouped checklist, token, lifetime, request, and the diff with the last success', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  expect(await runScenario(app, 'valid')).toBe(200);
  expect(await runScenario(app, 'expired')).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);

  const verdict = panel.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toContainText('Token expired 1 h before this request');
  await expect(verdict).toContainText('Fix:');
  await expect(panel.getByTestId('other-failures')).toHaveText('Also failed: server challenge');

  const statuses = await checkStatuses(panel);
  expect(Object.keys(statuses)).toHaveLength(19);
  expect(statuses).toMatchObject({
    'token.expiry': 'fail',
    'header.scheme': 'pass',
    'server.challenge': 'fail',
  });
  // Seven groups of the guide, each listed (failed, warned, context) or folded (passed, skipped).
  const groups = await panel
    .locator('#detail [data-group]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-group')))]);
  expect(groups).toHaveLength(7);
  await expect(panel.locator('#detail [data-group="base-url"] [data-check-id]')).toHaveCount(3);

  const claims = panel.getByRole('table', { name: 'Token claims' });
  await expect(claims.locator('[data-rhythm="true"]')).toHaveCount(3);
  await expect(claims.locator('[data-claim="http://rhythmsoftware.com/tenant_id"]')).toContainText(
    'acme.org',
  );
  await expect(panel.getByTestId('time-exp')).toContainText('expired 1 h before this request');
  await expect(
    panel.getByRole('img', {
      name: /^Token lifetime 24 h\. The request was sent 1 h after it expired\./,
    }),
  ).toBeVisible();

  const fields = panel.getByTestId('request-fields');
  for (const text of ['rolodex.api.rhythmsoftware.com', 'contacts', 'acme.org', 'current'])
    await expect(fields).toContainText(text);
  await expect(panel.getByRole('table', { name: 'WWW-Authenticate, parsed' })).toContainText(
    'invalid_token',
  );
  await expect(panel.getByTestId('response-fields')).toContainText('GMT');

  // The valid scenario's 200 went to the same host with another token: the claims that changed.
  const diff = panel.getByRole('table', { name: 'Claims that changed since the last success' });
  await expect(diff.locator('[data-claim="exp"]')).toHaveAttribute('data-change', 'changed');
  await expect(diff.locator('[data-claim="iat"]')).toHaveAttribute('data-change', 'changed');
});

test('hostile claims are shown as inert text: markup, bidi overrides, huge values', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  const token = await api.mint({
    expired: true,
    claims: {
      name: '<img src=x onerror=alert(1)>',
      nickname: 'admin\u202Egnp.exe',
      // Within the 8 KB cap of a stored diagnosis (a larger one is kept cut: storm.spec.ts).
      blob: 'B'.repeat(3000),
    },
  });
  expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  const dialogs: string[] = [];
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);

  const claims = panel.getByRole('table', { name: 'Token claims' });
  await expect(claims.locator('[data-claim="name"]')).toContainText('<img src=x onerror=alert(1)>');
  await expect(panel.locator('img')).toHaveCount(0);
  await expect(claims.locator('[data-claim="nickname"]')).toContainText('admin\\u202egnp.exe');
  const blob = claims.locator('[data-claim="blob"]');
  await expect(blob.getByRole('button', { name: 'Show all (3,000 characters)' })).toBeVisible();
  expect((await blob.locator('.claim__value .long__text').textContent())!.length).toBeLessThan(300);
  expect(dialogs).toEqual([]);
});

test('paste mode diagnoses a token, an Authorization line and a curl command, not counted on the badge', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  const tabId = await tabIdOf(worker, app);
  const panel = await openPanel(context, extensionId, tabId);
  const valid = await api.mint();
  const expired = await api.mint({ expired: true });
  const paste = async (text: string, url = '') => {
    await panel.getByRole('button', { name: 'Paste token…' }).click();
    await panel.getByLabel('Token, Authorization line, or curl command').fill(text);
    if (url) await panel.getByLabel('URL it was sent to (optional)').fill(url);
    await panel.getByRole('button', { name: 'Diagnose' }).click();
    await expect(panel.getByRole('dialog')).toHaveCount(0);
  };

  await paste(expired, CURRENT);
  await paste(`Authorization: ${valid}`, CURRENT);
  await paste(
    `curl '${CURRENT.replace('acme.org', 'globex.com')}' -H 'Authorization: Bearer ${valid}'`,
  );
  await expect
    .poll(() => panelCauses(panel))
    .toEqual(['url.tenant', 'header.scheme', 'token.expiry']);
  await expect(panel.locator('[role=option][data-source=paste]')).toHaveCount(3);
  await expect(panel.getByRole('main', { name: 'Diagnosis of the selected 401' })).toContainText(
    'pasted',
  );
  expect(await badgeText(worker, tabId)).toBe('');
});

test('exports are redacted: the preview shows what is shared, with no signature', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  const token = await api.mint({ expired: true });
  const [header, payload, signature] = token.split('.') as [string, string, string];
  expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);

  await panel.getByRole('button', { name: 'Export…' }).click();
  const preview = panel.getByTestId('export-preview');
  await expect(preview).toContainText('token.expiry');
  expect(await preview.textContent()).not.toContain(signature);
  await expect(
    panel.getByRole('checkbox', { name: /Include the token without its signature/ }),
  ).toBeDisabled();
  await expect(panel.getByTestId('token-option-reason')).toHaveText(
    'Only for pasted tokens: the extension never stores the tokens it captures.',
  );
  await panel.getByRole('radio', { name: 'JSON' }).click();
  const json = (await preview.textContent())!;
  expect(JSON.parse(json)).toMatchObject({ schema: 'rhythm-auth/report@1' });
  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save .json file' }).click();
  const saved = readFileSync((await (await download).path())!, 'utf8');
  expect(saved).toBe(json);
  expect(saved).not.toContain(signature);
  await panel.keyboard.press('Escape');

  // A pasted token may go in without its signature, on request.
  await panel.getByRole('button', { name: 'Paste token…' }).click();
  await panel.getByLabel('Token, Authorization line, or curl command').fill(token);
  await panel.getByRole('button', { name: 'Diagnose' }).click();
  await panel.getByRole('button', { name: 'Export…' }).click();
  await panel.getByRole('checkbox', { name: /Include the token without its signature/ }).check();
  await expect(preview).toContainText(`${header}.${payload}.[signature removed]`);
  expect(await preview.textContent()).not.toContain(signature);
});

test('filters, keyboard, Clear, and the dark theme', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  for (const id of ['expired', 'wrong-module-host', 'no-bearer-prefix']) await runScenario(app, id);
  const tabId = await tabIdOf(worker, app);
  const panel = await openPanel(context, extensionId, tabId, { theme: 'dark' });
  await expect(panel.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect
    .poll(() => panelCauses(panel))
    .toEqual(['header.scheme', 'url.service', 'token.expiry']);

  await panel
    .getByRole('combobox', { name: 'Host' })
    .selectOption('membership.api.rhythmsoftware.com');
  await expect.poll(() => panelCauses(panel)).toEqual(['url.service']);
  await panel.getByRole('combobox', { name: 'Host' }).selectOption('');
  await panel.keyboard.press('/');
  await expect(panel.getByRole('searchbox', { name: 'Search the 401s' })).toBeFocused();
  await panel.keyboard.type('token.expiry');
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
  await panel.keyboard.press('Escape');
  await expect.poll(() => panelCauses(panel)).toHaveLength(3);

  // The text filter moved the selection to its match (token.expiry, the last row).
  await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'token.expiry');
  await panel.getByRole('listbox').focus();
  await panel.keyboard.press('Home');
  await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'header.scheme');
  await panel.keyboard.press('ArrowDown');
  await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'url.service');
  await panel.keyboard.press('ArrowDown');
  await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'token.expiry');
  await panel.keyboard.press('ArrowUp');
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('main', { name: 'Diagnosis of the selected 401' })).toBeFocused();

  await panel.getByRole('button', { name: 'Clear' }).click();
  await expect(panel.getByTestId('empty')).toBeVisible();
  await expect.poll(() => badgeText(panel, tabId)).toBe('');
});

test('keeps the rows in view still when new 401s arrive at the top of a scrolled list', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  for (let i = 0; i < 24; i++) await runScenario(app, i % 2 ? 'expired' : 'no-authorization');
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await panel.setViewportSize({ width: 1000, height: 500 });
  await expect.poll(async () => (await panelCauses(panel)).length).toBe(24);
  const list = panel.getByRole('listbox');
  await list.evaluate((el) => (el.scrollTop = 200));
  const row = panel.getByRole('listbox').getByRole('option').nth(10);
  await row.click();
  const before = (await row.boundingBox())!.y;
  await runScenario(app, 'no-bearer-prefix');
  await expect.poll(async () => (await panelCauses(panel)).length).toBe(25);
  const selected = selectedRow(panel);
  expect((await selected.boundingBox())!.y).toBe(before);
});

test('reconnects after the service worker stops, and shows 401s that arrive afterwards', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  expect(APP_URL).toBe(app.url());
  const tabId = await tabIdOf(worker, app);
  await runScenario(app, 'expired');
  const panel = await openPanel(context, extensionId, tabId);
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
  await stopWorkers(panel);
  // The port dropped with the worker; connecting again wakes it, and the tab is read again.
  await expect(panel.locator('.connection--live')).toBeVisible();
  await runScenario(app, 'no-bearer-prefix');
  await expect.poll(() => panelCauses(panel)).toEqual(['header.scheme', 'token.expiry']);
  await expect.poll(() => badgeText(panel, tabId)).toBe('2');
});
