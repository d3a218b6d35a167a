/**
 * What the worker captures: every kind of 401 of the demo page, counted on the badge and
 * diagnosed with its root cause; what it leaves alone: 2xx answers and other hosts.
 */
import {
  APP_URL,
  badgeText,
  expect,
  fetchFrom,
  listedCauses,
  openPopup,
  runScenario,
  scenarios,
  sessionKeysOfTab,
  tabIdOf,
  test,
} from './fixtures.js';
import { FOREIGN_HOST, UNWATCHED_RHYTHM_HOST } from './other-hosts.js';
import { attachWorkerDebugger } from './worker-debugger.js';

/**
 * The root cause of each demo 401: the first failing check in SPEC §3's order. Where no check
 * can see the cause in the request (a signature by another key), the server's own
 * `WWW-Authenticate` is the first failure.
 */
const ROOT_CAUSE: Readonly<Record<string, string>> = {
  'no-authorization': 'header.present',
  'misspelled-header': 'header.name',
  'no-bearer-prefix': 'header.scheme',
  'bearer-bearer': 'header.scheme',
  'no-audience': 'token.format',
  'id-token': 'token.kind',
  'wrong-audience': 'token.audience',
  expired: 'token.expiry',
  'foreign-signature': 'server.challenge',
  'alg-none': 'token.format',
  'missing-tenant-claim': 'claims.tenant_id',
  'never-logged-in': 'claims.contact_id',
  'm2m-contacts-current': 'claims.contact_id',
  'wrong-module-host': 'url.service',
  'bare-api-host': 'url.service',
  'wrong-tenant': 'url.tenant',
  'undefined-in-url': 'url.ids',
  'preflight-401': 'request.preflight',
};
const SUCCESSES = ['valid', 'm2m-valid'];

const CURRENT_CONTACT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

test('every demo 401 is counted on the badge and listed in the popup with its own root cause', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const all = await scenarios(app);
  // A demo scenario without an expected root cause here would go untested.
  expect(all.map((s) => s.id).sort()).toEqual([...Object.keys(ROOT_CAUSE), ...SUCCESSES].sort());

  const statuses: Record<string, number> = {};
  for (const s of all) statuses[s.id] = await runScenario(app, s.id);
  expect(statuses).toEqual(Object.fromEntries(all.map((s) => [s.id, s.expectedStatus])));

  const failures = all.filter((s) => !SUCCESSES.includes(s.id));
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe(String(failures.length));

  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.getByTestId('count')).toHaveText(`${failures.length} 401s`);
  // Newest first: the scenarios ran one after the other.
  expect(await listedCauses(popup)).toEqual(failures.map((s) => ROOT_CAUSE[s.id]).reverse());
});

test('a 401 on a CORS preflight is diagnosed as a preflight problem, not a token problem', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  // The page's fetch fails: the browser hides the preflight's 401 from it, not from the worker.
  expect(await runScenario(app, 'preflight-401')).toBe(0);
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe('1');

  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.locator('[data-diagnosis]')).toHaveCount(1);
  await expect(popup.locator('li[data-diagnosis]')).toHaveAttribute(
    'data-diagnosis',
    'request.preflight',
  );
  await popup.locator('li[data-diagnosis] button').click();
  await expect(popup.locator('.detail__request')).toContainText('OPTIONS ');
  await expect(popup.locator('[data-check-id="request.preflight"]')).toHaveAttribute(
    'data-status',
    'fail',
  );
  // No credentials are expected on a preflight: the header checks do not blame their absence.
  for (const id of ['header.name', 'header.present', 'header.scheme']) {
    await expect(popup.locator(`[data-check-id="${id}"]`)).toHaveAttribute('data-status', 'skip');
  }
});

test('successful requests are not counted and leave no diagnosis', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  expect(await runScenario(app, 'valid')).toBe(200);
  expect(await runScenario(app, 'm2m-valid')).toBe(200);
  const tabId = await tabIdOf(worker, app);
  const popup = await openPopup(context, extensionId, tabId);
  // The worker handles events in order: once this later 401 is counted, the 200s were handled.
  expect(await runScenario(app, 'no-authorization')).toBe(401);
  await expect.poll(() => badgeText(worker, tabId)).toBe('1');
  await expect(popup.locator('li[data-diagnosis]')).toHaveCount(1);
  expect(await listedCauses(popup)).toEqual(['header.present']);
});

test('requests to hosts outside *.api.rhythmsoftware.com never run the worker and store nothing', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  // The filter the capture listeners are registered with is what keeps the worker out: the
  // extension may read www.rhythmsoftware.com (host permission) but must not even wake for it.
  const debug = await attachWorkerDebugger(context, worker);
  try {
    await debug.startCounting();
    expect(await fetchFrom(app, `https://${UNWATCHED_RHYTHM_HOST}/contacts/acme.org/current`)).toBe(
      401,
    );
    // A second tab, its id taken while it is on a page the extension may read.
    const other = await context.newPage();
    await other.goto(`${APP_URL}?second-tab`);
    const otherTabId = await tabIdOf(worker, other);
    expect((await other.goto(`https://${FOREIGN_HOST}/contacts/acme.org/current`))?.status()).toBe(
      401,
    );

    // A Rhythm 401 afterwards: counted, so the worker was listening all along.
    expect(await fetchFrom(app, CURRENT_CONTACT)).toBe(401);
    const tabId = await tabIdOf(worker, app);
    await expect.poll(() => badgeText(worker, tabId)).toBe('1');

    const calls = await debug.takeCallCounts();
    // Exactly one request was sent with headers the worker saw: the Rhythm one.
    expect(calls.onSendHeaders).toBe(1);
    // Chrome: onHeadersReceived is not watched (a preflight's 401 reaches onCompleted there).
    expect(calls.onHeadersReceived).toBe(0);
    expect(calls.onCompleted).toBeGreaterThan(0);
    expect(calls.onBeforeRedirect + calls.onErrorOccurred).toBe(0);

    expect(await badgeText(worker, otherTabId)).toBe('');
    const popup = await openPopup(context, extensionId, tabId);
    expect(await listedCauses(popup)).toEqual(['header.present']);
    expect(await popup.locator('li[data-diagnosis] button').getAttribute('title')).toBe(
      'rolodex.api.rhythmsoftware.com/contacts/acme.org/current',
    );
    expect(await sessionKeysOfTab(popup, otherTabId)).toEqual([]);
  } finally {
    await debug.detach();
  }
});
