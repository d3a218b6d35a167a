/** The popup's views (SPEC §1, §10): the list, a diagnosis's checklist, the empty state. */
import {
  badgeText,
  expect,
  listedCauses,
  openPopup,
  runScenario,
  tabIdOf,
  test,
} from './fixtures.js';

/** SPEC §3, in its order: every diagnosis runs every check. */
const CHECKLIST = [
  'request.preflight',
  'header.name',
  'header.present',
  'header.scheme',
  'token.format',
  'token.kind',
  'token.audience',
  'token.expiry',
  'token.issuer',
  'claims.tenant_id',
  'claims.customer_id',
  'claims.contact_id',
  'url.service',
  'url.ids',
  'url.tenant',
  'server.challenge',
  'clock.skew',
  'token.signature',
  'contact.verified',
];

test('clicking a diagnosis opens its full checklist, and back returns to the list', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  expect(await runScenario(app, 'expired')).toBe(401);
  expect(await runScenario(app, 'wrong-audience')).toBe(401);
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe('2');
  const popup = await openPopup(context, extensionId, tabId);
  expect(await listedCauses(popup)).toEqual(['token.audience', 'token.expiry']);

  await popup.locator('li[data-diagnosis="token.expiry"] button').click();
  const detail = popup.getByRole('region', { name: 'Diagnosis' });
  await expect(detail).toHaveAttribute('data-selected-diagnosis', 'token.expiry');
  const rows = detail.locator('[data-check-id][data-status]');
  await expect(rows).toHaveCount(CHECKLIST.length);
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-check-id')))).toEqual(
    CHECKLIST,
  );
  for (const status of await rows.evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-status')),
  )) {
    expect(['pass', 'fail', 'warn', 'info', 'skip']).toContain(status);
  }
  await expect(detail.locator('[data-check-id="token.expiry"]')).toHaveAttribute(
    'data-status',
    'fail',
  );
  // The active checks wait for a click.
  await expect(detail.locator('[data-check-id="token.signature"]')).toHaveAttribute(
    'data-status',
    'skip',
  );
  await expect(popup.locator('ol.list')).toHaveCount(0);

  await popup.getByRole('button', { name: '← All 401s' }).click();
  await expect(popup.locator('[data-check-id]')).toHaveCount(0);
  await expect(popup.locator('li[data-diagnosis]')).toHaveCount(2);
});

test('the popup of a tab without 401s says which requests it watches', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  expect(await runScenario(app, 'valid')).toBe(200);
  const tabId = await tabIdOf(worker, app);
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.locator('.empty')).toContainText('No 401s from the Rhythm APIs in this tab.');
  await expect(popup.locator('.empty')).toContainText('*.api.rhythmsoftware.com');
  await expect(popup.locator('[data-diagnosis]')).toHaveCount(0);
  await expect(popup.getByTestId('count')).toHaveText('');
  await expect(popup.getByRole('button', { name: 'Clear' })).toBeDisabled();
  expect(await badgeText(popup, tabId)).toBe('');
});

test('rows show the host before the path: rolodex, membership and the bare API host differ', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  for (const id of ['expired', 'wrong-module-host', 'bare-api-host'])
    expect(await runScenario(app, id)).toBe(401);
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe('3');
  const popup = await openPopup(context, extensionId, tabId);
  const rows = popup.locator('ol.list > li[data-diagnosis] .row__where');
  await expect(rows).toHaveText([
    'api.rhythmsoftware.com/contacts/acme.org/current',
    'membership.api/contacts/acme.org/current',
    'rolodex.api/contacts/acme.org/current',
  ]);
  await expect(popup.locator('ol.list > li button').first()).toHaveAttribute(
    'title',
    'api.rhythmsoftware.com/contacts/acme.org/current',
  );

  // Narrower than Chrome's 440 px popup (Firefox shows popups in its narrower overflow panel):
  // the path gives way, never the host.
  for (const width of [440, 340, 300]) {
    await popup.evaluate((w) => (document.body.style.width = `${w}px`), width);
    const fits = await popup
      .locator('.row__host')
      .evaluateAll((hosts) =>
        hosts.map((h) => h.scrollWidth <= h.clientWidth && h.getBoundingClientRect().width > 0),
      );
    expect(fits, `every host whole at ${width} px`).toEqual([true, true, true]);
  }
  const pathCut = await popup
    .locator('.row__path')
    .first()
    .evaluate((p) => p.scrollWidth > p.clientWidth);
  expect(pathCut, 'the path is what is cut at 300 px').toBe(true);
});
