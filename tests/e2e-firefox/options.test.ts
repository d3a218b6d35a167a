/**
 * The Options page in Firefox: settings saved to storage.sync and applied by the background
 * script to the next request (expected issuer, 403s, an extra API host).
 */
import { describe, expect, it } from 'vitest';
import {
  clickButton,
  fetchFrom,
  openApp,
  openExtensionPage,
  openPanel,
  panelCauses,
  runScenario,
  storageItems,
  tabIdOf,
  textOf,
  useFirefox,
  fillIn,
} from './helpers.js';

const firefox = useFirefox();
const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';
const STAGING = 'rolodex.staging.rhythmsoftware.com';

describe('the Options page in Firefox', () => {
  it('saves the settings to storage.sync, and the next requests are diagnosed with them', async () => {
    const session = firefox();
    const app = await openApp(session);
    const options = await openExtensionPage(session, 'src/options/index.html');
    await options.waitForSelector('main.options[aria-busy="false"]');
    await fillIn(options, '#expectedIssuer', 'globex-com.us.auth0.com');
    await options.click('#capture403');
    await fillIn(options, '#extraApiHosts', `https://${STAGING}/`);
    await clickButton(options, 'Save');
    await expect
      .poll(() => textOf(options, '[data-testid="status"]'))
      .toBe('Saved. It applies from the next request.');
    expect(await storageItems(options, 'sync')).toEqual({
      settings: {
        expectedIssuer: 'https://globex-com.us.auth0.com/',
        expectedClientId: '',
        extraApiHosts: [STAGING],
        capture403: true,
        keepPerTab: expect.any(Number),
      },
    });

    const token = await session.api.mint();
    const bearer = { Authorization: `Bearer ${token}` };
    expect(await runScenario(app, 'expired')).toBe(401);
    expect(await fetchFrom(app, `${CURRENT}?__forbidden=1`, bearer)).toBe(403);
    expect(await fetchFrom(app, `https://${STAGING}/contacts/acme.org/current`, bearer)).toBe(401);
    const panel = await openPanel(session, await tabIdOf(options, app));
    await expect.poll(() => panelCauses(panel)).toHaveLength(3);
    const rows = await panel.$$('[role="listbox"] > [role="option"]');
    // Newest first: the staging 401, its host an API host from the settings.
    await rows[0]!.click();
    await expect
      .poll(() => textOf(panel, '#detail [data-check-id="url.service"]'))
      .toContain('(from settings)');
    await rows[1]!.click();
    await expect.poll(() => textOf(panel, '#detail article')).toContain('403');
    await rows[2]!.click();
    await expect
      .poll(() => textOf(panel, '#detail [data-check-id="token.issuer"]'))
      .toContain('not the expected "https://globex-com.us.auth0.com/"');
  });
});
