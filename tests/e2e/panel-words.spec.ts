/**
 * Issue 16, the panel's words: what the active checks say when no token is at hand (a preflight,
 * a request without one), pasted tokens that do not pose as captured 401s, the verdict naming the
 * other failures, the checklist with its passed checks folded, the export preview rendered as a
 * ticket shows it, and SPEC §10's `data-selected-diagnosis`. The built extension, real tokens
 * from the reference API, real Chromium. It also takes (to docs/ with RHYTHM_SCREENSHOTS=1)
 * docs/panel-checklist.png and docs/export-preview.png.
 */
import { badgeText, expect, runScenario, shotPath, tabIdOf, test } from './fixtures.js';
import { checkStatuses, openPanel, panelCauses, selectedRow } from './panel-helpers.js';

const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

test('a preflight and a request without a token say so, not that the worker restarted; only rows carry data-diagnosis', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  expect(await runScenario(app, 'preflight-401')).toBe(0);
  expect(await runScenario(app, 'no-authorization')).toBe(401);
  const tabId = await tabIdOf(worker, app);
  // Both stored before the panel opens (the worker writes in batches), so it selects the newest.
  await expect.poll(() => badgeText(worker, tabId)).toBe('2');
  const panel = await openPanel(context, extensionId, tabId);
  await expect.poll(() => panelCauses(panel)).toEqual(['header.present', 'request.preflight']);
  // SPEC §10: the list's rows carry data-diagnosis, the detail data-selected-diagnosis.
  await expect(panel.locator('[data-diagnosis]')).toHaveCount(2);
  const detail = panel.locator('#detail article');
  await expect(detail).toHaveAttribute('data-selected-diagnosis', 'header.present');
  await expect(detail).not.toHaveAttribute('data-diagnosis', /.*/);

  const note = panel.getByTestId('token-unavailable');
  await expect(note).toHaveAttribute('data-why', 'none-sent');
  await expect(note).toContainText('This request carried no token');
  await expect(note).not.toContainText('restart');

  await panel.getByRole('listbox').getByRole('option').nth(1).click();
  await expect(detail).toHaveAttribute('data-selected-diagnosis', 'request.preflight');
  await expect(note).toHaveAttribute('data-why', 'preflight');
  await expect(note).toContainText('A CORS preflight (OPTIONS) never carries a token');
  await expect(note).not.toContainText('no longer available');
});

test('a pasted token is counted apart, says "Pasted token" and is marked pasted in the report', async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  expect(await runScenario(app, 'expired')).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
  await expect(panel.getByTestId('count')).toHaveText('1 401');

  const token = await api.mint({ claims: { aud: 'https://api.rhythmsoftware.com/' } });
  await panel.getByRole('button', { name: 'Paste token…' }).click();
  await panel.getByLabel('Token, Authorization line, or curl command').fill(token);
  await panel.getByLabel('URL it was sent to (optional)').fill(CURRENT);
  await panel.getByRole('button', { name: 'Diagnose' }).click();
  await expect(selectedRow(panel)).toHaveAttribute('data-source', 'paste');
  await expect(panel.getByTestId('count')).toHaveText('1 401 · 1 pasted');

  const meta = panel.getByTestId('entry-meta');
  await expect(meta).toContainText('Pasted token');
  await expect(meta).not.toContainText('Status');
  const detail = panel.locator('#detail');
  await expect(detail).not.toContainText('401 response carried no');
  expect((await checkStatuses(panel))['server.challenge']).toBe('skip');
  await expect(panel.getByTestId('request-fields')).toContainText('none: not sent from here');

  await panel.getByRole('button', { name: 'Export…' }).click();
  await panel.getByTestId('preview-source').click();
  const source = panel.getByTestId('export-preview');
  await expect(source).toBeVisible();
  await expect(source).toContainText('## ✗ Pasted token, GET');
  await expect(source).toContainText(
    '| **Status** | none: pasted into the panel, not a captured response |',
  );
  expect(await source.textContent()).not.toContain('| **Status** | 401 |');
  expect(await source.textContent()).not.toContain(token.split('.')[2]!);
  await panel.getByRole('radio', { name: 'JSON' }).click();
  const json = JSON.parse((await source.textContent())!) as {
    diagnoses: Array<{ pasted?: boolean; request: { status: number } }>;
  };
  expect(json.diagnoses).toHaveLength(1);
  expect(json.diagnoses[0]).toMatchObject({ pasted: true, request: { status: 0 } });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the verdict names the other failures, passed checks fold, the export preview renders (${theme})`, async ({
    app,
    worker,
    context,
    extensionId,
  }) => {
    expect(await runScenario(app, 'valid')).toBe(200);
    expect(await runScenario(app, 'expired')).toBe(401);
    const panel = await openPanel(context, extensionId, await tabIdOf(worker, app), { theme });
    await panel.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);

    // The other failure by name, not "1 other check failed too".
    await expect(panel.getByTestId('other-failures')).toHaveText('Also failed: server challenge');

    // Passed and not-applicable checks fold into one closed line; all 19 rows are still there.
    const statuses = await checkStatuses(panel);
    expect(Object.keys(statuses)).toHaveLength(19);
    const passed = Object.values(statuses).filter((s) => s === 'pass').length;
    const skipped = Object.values(statuses).filter((s) => s === 'skip').length;
    const folded = panel.getByTestId('folded-checks');
    const summary = folded.locator('summary');
    await expect(summary).toHaveText(`✓ ${passed} passed · ○ ${skipped} not applicable or not run`);
    await expect(folded).not.toHaveAttribute('open', '');
    await expect(panel.locator('#detail [data-check-id="header.scheme"]')).toBeHidden();
    await expect(panel.locator('#detail [data-check-id="token.expiry"]')).toBeVisible();
    // Ids on hover, not in the text.
    const expiry = panel.locator('#detail [data-check-id="token.expiry"] .check__title');
    await expect(expiry).toHaveAttribute('title', 'token.expiry');
    await expect(panel.locator('#detail .checklist').first()).not.toContainText('token.expiry');
    // Keyboard: the summary takes the focus and Enter opens it.
    await summary.focus();
    await panel.keyboard.press('Enter');
    await expect(folded).toHaveAttribute('open', '');
    await expect(panel.locator('#detail [data-check-id="header.scheme"]')).toBeVisible();
    await panel.keyboard.press('Enter');
    await expect(folded).not.toHaveAttribute('open', '');
    await panel
      .locator('#detail .entry__columns > section')
      .first()
      .screenshot({ path: shotPath(`panel-checklist-${theme}.png`) });

    // The export preview, rendered as the ticket shows it: tables and code, not Markdown source.
    await panel.getByRole('button', { name: 'Export…' }).click();
    const rendered = panel.getByTestId('export-rendered');
    await expect(rendered).toBeVisible();
    await expect(panel.getByTestId('export-preview')).toBeHidden();
    await expect(rendered.locator('table').first()).toBeVisible();
    await expect(rendered.locator('td', { hasText: /^token\.expiry$/ })).toHaveCount(1);
    expect(await rendered.textContent()).not.toMatch(/\\[`_*]/);
    // No element comes from the page's data: only the report's own markup.
    expect(
      await rendered.evaluate(
        (el) =>
          el.querySelectorAll(':not(h3,h4,h5,p,div,table,thead,tbody,tr,th,td,pre,code,strong)')
            .length,
      ),
    ).toBe(0);
    await panel.getByRole('dialog').screenshot({ path: shotPath(`export-preview-${theme}.png`) });
    await panel.getByTestId('preview-source').click();
    await expect(panel.getByTestId('export-preview')).toBeVisible();
    await expect(panel.getByTestId('export-preview')).toContainText('| `token.expiry` |');
    await expect(rendered).toHaveCount(0);
  });
}
