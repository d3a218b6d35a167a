/**
 * HAR files a real browser wrote (Playwright's `recordHar` in Chromium, against the reference
 * API): `rhythm-auth diagnose --har` finds each scenario's root cause, `sanitize-har` keeps those
 * diagnoses while removing every signature and cookie, and the panel's "Import HAR" (opened as a
 * tab, SPEC §10) lists the same root causes tagged HAR, with a clear error for a broken file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, tabIdOf, test } from './fixtures.js';
import { APP_COOKIE, cli, cliCauses, ensureCli, jwtSignatures, recordHar } from './har-record.js';
import { openPanel } from './panel-helpers.js';

/** The scenarios recorded, in order, and the root cause of each one's 401 (capture.spec.ts). */
const RECORDED: ReadonlyArray<[string, string | null]> = [
  ['valid', null], // a 200: not diagnosed
  ['expired', 'token.expiry'],
  ['no-bearer-prefix', 'header.scheme'],
  ['m2m-contacts-current', 'claims.contact_id'],
  ['wrong-module-host', 'url.service'],
  ['no-audience', 'token.format'],
  ['misspelled-header', 'header.name'],
];
const CAUSES = RECORDED.flatMap(([, cause]) => (cause ? [cause] : []));

let dir: string;
let recorded: string;

test.beforeAll(async ({ api }) => {
  ensureCli();
  dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-e2e-har-'));
  recorded = join(dir, 'recorded.har');
  const statuses = await recordHar(
    api,
    RECORDED.map(([id]) => id),
    recorded,
  );
  expect(statuses).toEqual(
    Object.fromEntries(RECORDED.map(([id, cause]) => [id, cause ? 401 : 200])),
  );
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('rhythm-auth diagnose --har finds each recorded scenario’s root cause', () => {
  const found = cliCauses(recorded);
  expect(found.map((d) => d.cause)).toEqual(CAUSES);
  expect(found.find((d) => d.cause === 'url.service')?.url).toContain(
    'membership.api.rhythmsoftware.com',
  );
  // The recording holds what a sanitizer must remove: tokens with signatures, and the cookie.
  const text = readFileSync(recorded, 'utf8');
  expect(jwtSignatures(text).length).toBeGreaterThanOrEqual(5);
  expect(text).toContain(APP_COOKIE.value);
});

test('sanitize-har keeps every diagnosis and removes every signature and cookie value', () => {
  const sanitized = join(dir, 'sanitized.har');
  const run = cli(['sanitize-har', recorded, sanitized]);
  expect(run.status, run.stderr).toBe(0);
  expect(cliCauses(sanitized)).toEqual(cliCauses(recorded));

  const original = readFileSync(recorded, 'utf8');
  const text = readFileSync(sanitized, 'utf8');
  for (const signature of jwtSignatures(original)) expect(text).not.toContain(signature);
  expect(text).not.toContain(APP_COOKIE.value);
  type Header = { name: string; value: string };
  type Cookie = { name: string; value: string };
  const har = JSON.parse(text) as {
    log: {
      entries: Array<{
        request: { headers: Header[]; cookies: Cookie[] };
        response: { headers: Header[]; cookies: Cookie[] };
      }>;
    };
  };
  // Cookie names and attributes stay (SPEC §6); every value is `[redacted]`.
  for (const { request, response } of har.log.entries) {
    for (const cookie of [...request.cookies, ...response.cookies]) {
      if (cookie.value !== '') expect(cookie.value).toBe('[redacted]');
    }
    for (const h of [...request.headers, ...response.headers]) {
      if (/^(set-)?cookie$/i.test(h.name)) expect(h.value).toMatch(/^[^=;]+=(\[redacted\])?(;|$)/);
    }
  }
});

test('Import HAR in the panel lists the recorded 401s tagged HAR, and the filter keeps them apart', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect(panel.getByTestId('empty')).toBeVisible();
  await panel.getByTestId('har-input').setInputFiles(recorded);

  await expect(panel.getByTestId('har-summary')).toContainText(
    `Imported recorded.har: ${readEntries(recorded)} entries, ${CAUSES.length} Rhythm 401s diagnosed`,
  );
  const rows = panel.locator('[role="listbox"] > [role="option"]');
  await expect(rows).toHaveCount(CAUSES.length);
  // Newest first: the recording's order, reversed.
  expect(await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-diagnosis')))).toEqual(
    [...CAUSES].reverse(),
  );
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute('data-source', 'har');
    await expect(row.locator('.tag--har')).toHaveText('HAR');
  }
  await expect(panel.locator('#detail article')).toHaveAttribute('data-source', 'har');
  await expect(panel.locator('#detail article')).toHaveAttribute(
    'data-selected-diagnosis',
    'header.name',
  );

  // Never on the badge, never in the worker's store.
  const session = await panel.evaluate(() => chrome.storage.session.get(null));
  expect(JSON.stringify(session)).not.toContain('"source":"har"');
  const tabId = await tabIdOf(worker, app);
  expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');

  // Filterable: a 401 of the tab itself beside the imported ones.
  await app.evaluate(() =>
    fetch('https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current', {
      headers: { Authorization: 'Bearer' },
    }),
  );
  await expect(rows).toHaveCount(CAUSES.length + 1);
  const source = panel.getByRole('combobox', { name: 'Source' });
  await source.selectOption({ label: 'Imported from HAR' });
  await expect(rows).toHaveCount(CAUSES.length);
  await source.selectOption({ label: 'Captured in this tab' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-source', 'webRequest');
});

test('a broken HAR says where it broke, and the panel stays as it was', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const text = readFileSync(recorded);
  const cut = join(dir, 'cut.har');
  writeFileSync(cut, text.subarray(0, Math.floor(text.length * 0.6)));
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await panel.getByTestId('har-input').setInputFiles(cut);
  const error = panel.getByRole('alert');
  await expect(error).toContainText('Could not read cut.har: truncated: the file ends inside');
  await expect(error).toContainText(/at byte \d+ \(line \d+, column \d+\)\. Nothing was imported/);
  await expect(panel.getByTestId('empty')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Import HAR…' })).toBeEnabled();
});

test('a HAR dropped on the panel is imported; Export sanitized HAR says it needs DevTools', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app), {
    theme: 'dark',
  });
  const exportButton = panel.getByRole('button', { name: 'Export sanitized HAR' });
  await expect(exportButton).toBeDisabled();
  await expect(exportButton).toHaveAccessibleDescription(/^Only in DevTools/);

  const dataTransfer = await panel.evaluateHandle(
    (text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.har', { type: 'application/json' }));
      return transfer;
    },
    readFileSync(recorded, 'utf8'),
  );
  await panel.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(panel.getByTestId('har-drop')).toBeVisible();
  await panel.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(panel.getByTestId('har-drop')).toBeHidden();
  await expect(panel.getByTestId('har-summary')).toContainText('Imported dropped.har');
  await expect(panel.locator('[role="listbox"] > [role="option"][data-source="har"]')).toHaveCount(
    CAUSES.length,
  );
});

function readEntries(file: string): number {
  return (JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: unknown[] } }).log.entries
    .length;
}
