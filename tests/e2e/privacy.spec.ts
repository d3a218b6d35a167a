/**
 * SPEC §7: nothing about tokens goes to storage.local, storage.sync or any other lasting store
 * of the extension; diagnoses live only in storage.session, and even there never the token.
 */
import { NOTHING_STORED, tokenSecrets, whereStored } from '../helpers/secrets.js';
import {
  badgeText,
  expect,
  fetchFrom,
  openPopup,
  runScenario,
  scenarios,
  storageItems,
  tabIdOf,
  test,
} from './fixtures.js';

const rolodex = 'https://rolodex.api.rhythmsoftware.com';

test('no token, signature or claim value is ever written to storage.local or storage.sync', async ({
  api,
  app,
  worker,
  context,
  extensionId,
}) => {
  const tokens = {
    valid: await api.mint(),
    expired: await api.mint({ expired: true }),
    m2m: await api.mint({ kind: 'm2m' }),
    id: await api.mint({ kind: 'id' }),
  };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  expect(await fetchFrom(app, `${rolodex}/contacts/acme.org/current`, bearer(tokens.valid))).toBe(
    200,
  );
  expect(await fetchFrom(app, `${rolodex}/contacts/acme.org/current`, bearer(tokens.expired))).toBe(
    401,
  );
  expect(await fetchFrom(app, `${rolodex}/contacts/current`, bearer(tokens.m2m))).toBe(401);
  expect(await fetchFrom(app, `${rolodex}/contacts/acme.org/current`, bearer(tokens.id))).toBe(401);
  const demo = await scenarios(app);
  for (const s of demo) await runScenario(app, s.id);
  const count = 3 + demo.filter((s) => s.expectedStatus !== 200).length;
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe(String(count));

  const page = await openPopup(context, extensionId, tabId);
  const secrets = tokenSecrets(Object.values(tokens));
  expect(await whereStored((area) => storageItems(page, area), secrets)).toEqual(NOTHING_STORED);

  // Nor in the extension origin's web storage.
  expect(
    await page.evaluate(async () => ({
      localStorage: localStorage.length,
      indexedDB: (await indexedDB.databases()).length,
    })),
  ).toEqual({ localStorage: 0, indexedDB: 0 });
});
