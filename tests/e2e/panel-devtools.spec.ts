/**
 * The panel inside real DevTools (headless Chromium with `--auto-open-devtools-for-tabs`): 401s
 * appear live, DevTools' network log adds what the worker cannot see (another site's calls,
 * requests made before the panel was first shown), with their bodies, counted once on the badge.
 * Uses DevTools internals (panel-devtools-cdp.ts): kept to these tests; the rest of the panel is
 * tested opened as a tab (panel.spec.ts).
 */
import type { CDPSession, Page } from '@playwright/test';
import { badgeText, devtoolsTest, expect, fetchFrom, runScenario, tabIdOf } from './fixtures.js';
import { FOREIGN_HOST } from './other-hosts.js';
import { devtoolsFor, panelFrame, showPanel, type NonFlatTarget } from './panel-devtools-cdp.js';

const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

/** The fixtures' browser, with DevTools opened for every tab (one more flag than fixtures.ts). */
const test = devtoolsTest;

/** Shows the "Rhythm Auth" panel in the DevTools of `page`, and returns the panel page's target. */
async function openRealPanel(
  cdp: CDPSession,
  page: Page,
  extensionId: string,
): Promise<NonFlatTarget> {
  const frontEnd = await devtoolsFor(cdp, page.url());
  let panel: NonFlatTarget | null = null;
  // The extension's DevTools page registers the panel a moment after DevTools opens: until then
  // showPanel() finds no such panel and does nothing, so ask again until its page exists.
  await expect
    .poll(async () => {
      await showPanel(frontEnd, extensionId, 'Rhythm Auth');
      panel = await panelFrame(cdp, extensionId);
      return panel !== null;
    })
    .toBe(true);
  return panel!;
}

const rows = (panel: NonFlatTarget) =>
  panel.evaluate<Array<{ cause: string; source: string }>>(
    `[...document.querySelectorAll('[role=listbox] > [role=option]')].map((r) => ({ cause: r.dataset.diagnosis, source: r.dataset.source }))`,
  );

test('a 401 appears live in the real DevTools panel, with its body, in the DevTools theme', async ({
  cdp,
  app,
  worker,
  extensionId,
}) => {
  const panel = await openRealPanel(cdp, app, extensionId);
  await expect
    .poll(() =>
      panel.evaluate<string>(`document.querySelector('[data-testid=empty]')?.textContent ?? ''`),
    )
    .toContain('any site');
  expect(await panel.evaluate<string>('document.documentElement.dataset.theme')).toBe('light');

  expect(await runScenario(app, 'expired')).toBe(401);
  await expect.poll(() => rows(panel)).toEqual([{ cause: 'token.expiry', source: 'webRequest' }]);
  // DevTools saw the same request: its body is shown, and the badge does not count it twice.
  await expect
    .poll(() =>
      panel.evaluate<string>(
        `document.querySelector('[data-testid=response-body]')?.textContent ?? ''`,
      ),
    )
    .toContain('Unauthorized');
  expect(
    await panel.evaluate<string>(
      `document.querySelector('#detail [data-check-id="token.expiry"]').dataset.status`,
    ),
  ).toBe('fail');
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe('1');
  expect(await rows(panel)).toHaveLength(1);
});

test("401s from another site, before and after the panel was shown, come from DevTools' network log and count on the badge once", async ({
  cdp,
  context,
  api,
  worker,
  extensionId,
}) => {
  const site = await context.newPage();
  await site.goto(`https://${FOREIGN_HOST}/`);
  await devtoolsFor(cdp, site.url()); // DevTools records from here on
  const expired = await api.mint({ expired: true });
  const valid = await api.mint();
  // The worker never sees these (Chrome hides requests from sites it may not read: SPEC §7).
  expect(await fetchFrom(site, CURRENT, { Authorization: `Bearer ${expired}` })).toBe(401);

  const panel = await openRealPanel(cdp, site, extensionId);
  await expect.poll(() => rows(panel)).toEqual([{ cause: 'token.expiry', source: 'devtools' }]);
  expect(await fetchFrom(site, CURRENT, { Authorization: valid })).toBe(401);
  await expect
    .poll(() => rows(panel))
    .toEqual([
      { cause: 'header.scheme', source: 'devtools' },
      { cause: 'token.expiry', source: 'devtools' },
    ]);
  expect(
    await panel.evaluate<string>(
      `document.querySelector('[data-testid=response-body]')?.textContent ?? ''`,
    ),
  ).toContain('Unauthorized');
  // tabs.query hides the URL of a site the extension may not read: ask DevTools for the tab.
  const tabId = await panel.evaluate<number>('chrome.devtools.inspectedWindow.tabId');
  await expect.poll(() => badgeText(worker, tabId)).toBe('2');
});
