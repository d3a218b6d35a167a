/**
 * SPEC §7 in Firefox: nothing about tokens in storage.local, storage.sync or the extension's web
 * storage; diagnoses only in storage.session, and even there never the token.
 */
import { describe, expect, it } from 'vitest';
import { NOTHING_STORED, tokenSecrets, whereStored } from '../helpers/secrets.js';
import {
  badgeText,
  fetchFrom,
  openApp,
  openExtensionPage,
  runScenario,
  storageItems,
  tabIdOf,
  useFirefox,
} from './helpers.js';

const firefox = useFirefox();
const rolodex = 'https://rolodex.api.rhythmsoftware.com';

describe('privacy in Firefox', () => {
  it('writes no token, signature or claim value to storage.local, storage.sync or web storage', async () => {
    const session = firefox();
    const app = await openApp(session);
    const page = await openExtensionPage(session, 'src/options/index.html');
    const tokens = {
      valid: await session.api.mint(),
      expired: await session.api.mint({ expired: true }),
      m2m: await session.api.mint({ kind: 'm2m' }),
    };
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    const current = `${rolodex}/contacts/acme.org/current`;
    expect(await fetchFrom(app, current, bearer(tokens.valid))).toBe(200);
    expect(await fetchFrom(app, current, bearer(tokens.expired))).toBe(401);
    expect(await fetchFrom(app, `${rolodex}/contacts/current`, bearer(tokens.m2m))).toBe(401);
    expect(await runScenario(app, 'preflight-401')).toBe(0);
    const tabId = await tabIdOf(page, app);
    await expect.poll(() => badgeText(page, tabId)).toBe('3');

    const secrets = tokenSecrets(Object.values(tokens));
    expect(await whereStored((area) => storageItems(page, area), secrets)).toEqual(NOTHING_STORED);
    expect(
      await page.evaluate(async () => ({
        localStorage: localStorage.length,
        indexedDB: (await indexedDB.databases()).length,
      })),
    ).toEqual({ localStorage: 0, indexedDB: 0 });
  });
});
