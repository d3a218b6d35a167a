/**
 * The life of a tab's diagnoses (SPEC §7): they survive the worker's death, stay bounded under a
 * burst, and go when the tab closes or on Clear. In-flight headers live only while in flight.
 */
import {
  badgeText,
  expect,
  fetchFrom,
  listedCauses,
  openPopup,
  runScenario,
  sessionKeysOfTab,
  stopWorkers,
  tabIdOf,
  test,
} from './fixtures.js';
import { HELD_API_HOST } from './other-hosts.js';
import { attachWorkerDebugger } from './worker-debugger.js';

const CURRENT_CONTACT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

test('a worker stopped mid-session loses no diagnosis and counts the 401 that wakes it', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  expect(await runScenario(app, 'expired')).toBe(401);
  expect(await runScenario(app, 'wrong-tenant')).toBe(401);
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe('2');

  // A mark in the worker's global scope: gone once the worker has really been restarted.
  await worker.evaluate(() => Object.assign(globalThis, { e2eMark: true }));

  // From here on, state is read through the popup tab: never evaluate() in a stopped worker.
  const popup = await openPopup(context, extensionId, tabId);
  await stopWorkers(popup);
  expect(await badgeText(popup, tabId)).toBe('2');
  expect(await listedCauses(popup)).toEqual(['url.tenant', 'token.expiry']);

  // The next 401 wakes the worker, which counts on from what storage.session kept.
  expect(await runScenario(app, 'no-bearer-prefix')).toBe(401);
  await expect.poll(() => badgeText(popup, tabId)).toBe('3');
  await expect(popup.locator('li[data-diagnosis]')).toHaveCount(3);
  expect(await listedCauses(popup)).toEqual(['header.scheme', 'url.tenant', 'token.expiry']);

  // It is running again (it just counted), as a new instance with its listeners registered.
  const fresh = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  expect(await fresh.evaluate(() => 'e2eMark' in globalThis)).toBe(false);
  expect(await fresh.evaluate(() => chrome.webRequest.onCompleted.hasListeners())).toBe(true);
  expect(await badgeText(fresh, tabId)).toBe('3');
});

test('the worker holds a request’s headers only while it is in flight', async ({
  app,
  worker,
  context,
  otherHosts,
}) => {
  const debug = await attachWorkerDebugger(context, worker);
  try {
    expect(await debug.inFlightRequests()).toEqual([]);
    const url = `https://${HELD_API_HOST}/contacts/acme.org/current`;
    const status = fetchFrom(app, url, { Authorization: 'Bearer not-a-real-token' });
    await expect.poll(() => otherHosts.heldCount()).toBe(1);
    const held = await debug.inFlightRequests();
    expect(held).toEqual([
      {
        url,
        requestHeaders: expect.arrayContaining(['Authorization: Bearer not-a-real-token']),
      },
    ]);

    otherHosts.releaseHeld();
    expect(await status).toBe(401);
    const tabId = await tabIdOf(worker, app);
    await expect.poll(() => badgeText(worker, tabId)).toBe('1');
    expect(await debug.inFlightRequests()).toEqual([]);
  } finally {
    await debug.detach();
  }
});

test('a burst of 300 401s shows 99+, keeps the newest 100 and leaves nothing in flight', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const BURST = 300;
  const KEPT = 100;
  const tabId = await tabIdOf(worker, app);
  const debug = await attachWorkerDebugger(context, worker);
  try {
    await debug.startCounting();
    const statuses = await app.evaluate(
      ([url, n]) =>
        Promise.all(
          Array.from({ length: n }, () => fetch(url, { cache: 'no-store' }).then((r) => r.status)),
        ),
      [CURRENT_CONTACT, BURST] as const,
    );
    expect(statuses).toEqual(Array(BURST).fill(401));

    // Every one of them reached the worker (each request's headers were seen once)…
    let seen = 0;
    await expect
      .poll(async () => (seen += (await debug.takeCallCounts()).onSendHeaders))
      .toBe(BURST);
    // …and was handled: nothing is left in flight.
    await expect.poll(() => debug.inFlightRequests()).toEqual([]);
  } finally {
    await debug.detach();
  }

  await expect.poll(() => badgeText(worker, tabId)).toBe('99+');
  const popup = await openPopup(context, extensionId, tabId);
  // Exactly the cap is stored (index + one record each), and listed.
  await expect
    .poll(async () => (await sessionKeysOfTab(popup, tabId)).filter((k) => k.startsWith('d:')))
    .toHaveLength(KEPT);
  await expect(popup.locator('li[data-diagnosis]')).toHaveCount(KEPT);
  await expect(popup.getByTestId('count')).toHaveText(`${KEPT} 401s`);

  // One more 401 pushes out the oldest, not the newest.
  expect(await runScenario(app, 'expired')).toBe(401);
  await expect.poll(async () => (await listedCauses(popup))[0]).toBe('token.expiry');
  expect(await listedCauses(popup)).toEqual([
    'token.expiry',
    ...Array<string>(KEPT - 1).fill('header.present'),
  ]);
});

test('closing a tab drops everything kept for it', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  expect(await runScenario(app, 'valid')).toBe(200);
  expect(await runScenario(app, 'expired')).toBe(401);
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe('1');
  const popup = await openPopup(context, extensionId, tabId);
  const before = await sessionKeysOfTab(popup, tabId);
  expect(before).toEqual(expect.arrayContaining([`tab:${tabId}`, `ok:${tabId}`]));
  expect(before.filter((k) => k.startsWith(`d:${tabId}:`))).toHaveLength(1);

  await app.close();
  await expect.poll(() => sessionKeysOfTab(popup, tabId)).toEqual([]);
});

test('Clear empties the list and the badge of the tab', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  expect(await runScenario(app, 'no-authorization')).toBe(401);
  expect(await runScenario(app, 'bearer-bearer')).toBe(401);
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe('2');
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.locator('li[data-diagnosis]')).toHaveCount(2);

  await popup.getByRole('button', { name: 'Clear' }).click();
  await expect(popup.locator('li[data-diagnosis]')).toHaveCount(0);
  await expect(popup.getByText('No 401s from the Rhythm APIs in this tab.')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Clear' })).toBeDisabled();
  await expect.poll(() => badgeText(worker, tabId)).toBe('');
  expect(await sessionKeysOfTab(popup, tabId)).toEqual([]);

  // Counting starts over.
  expect(await runScenario(app, 'expired')).toBe(401);
  await expect.poll(() => badgeText(worker, tabId)).toBe('1');
  await expect(popup.locator('li[data-diagnosis]')).toHaveCount(1);
});
