/**
 * The DevTools panel page opened as a tab (SPEC §10 `?tabId=`) in Firefox: every view renders,
 * hostile claims stay inert text, and exports are redacted. The panel inside Firefox's DevTools
 * cannot be opened over WebDriver BiDi (docs/e2e.md): its `devtools.network` code is covered by
 * this tab mode and by the unit tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  clickButton,
  clickText,
  fetchFrom,
  openApp,
  openExtensionPage,
  openPanel,
  panelCauses,
  runScenario,
  tabIdOf,
  textOf,
  useFirefox,
  fillIn,
} from './helpers.js';

// The active check's host permission prompt, answered Allow without a doorhanger (site-access.test.ts).
const firefox = useFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

async function appAndPanel(): Promise<{ app: Page; panel: Page }> {
  const session = firefox();
  const app = await openApp(session);
  const page = await openExtensionPage(session, 'src/options/index.html');
  const panel = await openPanel(session, await tabIdOf(page, app));
  await page.close();
  return { app, panel };
}

const count = (page: Page, selector: string) => page.$$eval(selector, (els) => els.length);

describe('the panel page in Firefox', () => {
  it('renders the empty state, then the list and every part of the detail, live', async () => {
    const { app, panel } = await appAndPanel();
    expect(await textOf(panel, '[data-testid="empty"]')).toContain('*.api.rhythmsoftware.com');

    expect(await runScenario(app, 'valid')).toBe(200);
    expect(await runScenario(app, 'expired')).toBe(401);
    await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);

    const detail = '[aria-label="Diagnosis of the selected 401"]';
    expect(await panel.$eval(`${detail} article`, (el) => el.dataset.selectedDiagnosis)).toBe(
      'token.expiry',
    );
    expect(await textOf(panel, '[aria-label="Verdict"]')).toContain(
      'Token expired 1 h before this request',
    );
    expect(await count(panel, '#detail [data-check-id]')).toBe(19);
    // Seven groups of the guide, each listed (failed, warned, context) or folded (passed, skipped):
    // a group can stand twice, once in the list and once in the fold.
    expect(
      await panel.$$eval(
        '#detail [data-group]',
        (els) => [...new Set(els.map((e) => e.getAttribute('data-group')))].length,
      ),
    ).toBe(7);
    expect(await textOf(panel, '[data-claim="http://rhythmsoftware.com/tenant_id"]')).toContain(
      'acme.org',
    );
    expect(
      await panel.$eval('.lifetime__track[role="img"]', (el) => el.getAttribute('aria-label')),
    ).toMatch(/^Token lifetime 24 h\. The request was sent 1 h after it expired\./);
    expect(await textOf(panel, '[data-testid="request-fields"]')).toContain(
      'rolodex.api.rhythmsoftware.com',
    );
    expect(await textOf(panel, '[aria-label="WWW-Authenticate, parsed"]')).toContain(
      'invalid_token',
    );
    // The valid scenario's 200 went to the same host with another token (asked of the worker).
    const diffExp = '[aria-label="Claims that changed since the last success"] [data-claim="exp"]';
    await expect
      .poll(() => panel.$eval(diffExp, (el) => el.getAttribute('data-change')).catch(() => null))
      .toBe('changed');
  });

  it('shows hostile claims as inert text: markup, bidi overrides, huge values', async () => {
    const session = firefox();
    const { app, panel } = await appAndPanel();
    const token = await session.api.mint({
      expired: true,
      claims: {
        name: '<img src=x onerror=alert(1)>',
        nickname: 'admin\u202Egnp.exe',
        // Within the 8 KB cap of a stored diagnosis (a larger one is kept cut).
        blob: 'B'.repeat(3000),
      },
    });
    const dialogs: string[] = [];
    panel.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
    await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);

    expect(await textOf(panel, '[data-claim="name"]')).toContain('<img src=x onerror=alert(1)>');
    expect(await count(panel, 'img')).toBe(0);
    expect(await textOf(panel, '[data-claim="nickname"]')).toContain('admin\\u202egnp.exe');
    expect(await textOf(panel, '[data-claim="blob"] button')).toBe('Show all (3,000 characters)');
    expect((await textOf(panel, '[data-claim="blob"] .long__text'))!.length).toBeLessThan(300);
    expect(dialogs).toEqual([]);
  });

  it('exports a redacted report: no signature in the preview or the saved file, Firefox named', async () => {
    const session = firefox();
    const { app, panel } = await appAndPanel();
    const token = await session.api.mint({ expired: true });
    const signature = token.split('.')[2]!;
    expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
    await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);

    await clickButton(panel, 'Export…');
    await panel.waitForSelector('[data-testid="export-preview"]');
    expect(await textOf(panel, '[data-testid="export-preview"]')).toContain('token.expiry');
    expect(await textOf(panel, '[data-testid="export-preview"]')).not.toContain(signature);
    await clickText(panel, 'label', 'JSON');
    await expect
      .poll(async () => (await textOf(panel, '[data-testid="export-preview"]'))?.trimStart()[0])
      .toBe('{');
    const json = (await textOf(panel, '[data-testid="export-preview"]'))!;
    const report = JSON.parse(json) as { schema: string };
    expect(report.schema).toBe('rhythm-auth/report@1');
    expect(json).toMatch(/"Firefox \d+/);

    await clickButton(panel, 'Save .json file');
    // Firefox makes the file empty first and fills it when the download completes.
    const saved = () => {
      const files = readdirSync(session.downloads).filter((f) => f.endsWith('.json'));
      return files.map((f) => readFileSync(join(session.downloads, f), 'utf8'));
    };
    await expect.poll(saved).toEqual([json]);
    const [file] = saved();
    expect(file).not.toContain(signature);
  });

  it('pastes a token and diagnoses it, not counted on the badge', async () => {
    const session = firefox();
    const { app, panel } = await appAndPanel();
    const expired = await session.api.mint({ expired: true });
    await clickButton(panel, 'Paste token…');
    await fillIn(panel, '#paste-text', `curl '${CURRENT}' -H 'Authorization: Bearer ${expired}'`);
    await clickButton(panel, 'Diagnose');
    await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
    expect(await count(panel, '[role=option][data-source=paste]')).toBe(1);
    await expect.poll(() => textOf(panel, '#detail')).toContain('pasted');
    const page = await openExtensionPage(session, 'src/options/index.html');
    expect(
      await page.evaluate(
        (id) => chrome.action.getBadgeText({ tabId: id }),
        await tabIdOf(page, app),
      ),
    ).toBe('');
  });

  it('verifies the signature with the issuer, the host permission asked at the click', async () => {
    const session = firefox();
    const { app, panel } = await appAndPanel();
    const token = await session.api.mint({ expired: true });
    expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
    await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
    const jwks = () => session.api.hits('acme-org.us.auth0.com', '/.well-known/jwks.json');
    const before = jwks();

    await panel.waitForSelector('[data-testid="active-checks"] button');
    await clickButton(panel, 'Verify signature…');
    await panel.waitForSelector('[role="dialog"] [data-testid="will-send"]');
    await clickButton(panel, 'Fetch the keys and verify');
    await expect
      .poll(() =>
        panel
          .$eval('[data-testid="active-result"]', (el) => el.getAttribute('data-status'))
          .catch(() => null),
      )
      .toBe('pass');
    expect(jwks()).toBe(before + 1);
  });
});
