/**
 * The panel's layout as DevTools docked narrow or wide shows it (issue 16): at 380, 560 and 1280 px
 * wide, light and dark, nothing overflows sideways, the toolbar is one line with Search and Settings
 * on screen, rows are one line each with no check id; below 600 px the list stands over the detail.
 * Each case also takes panel-<width>-<theme>.png (docs/ with RHYTHM_SCREENSHOTS=1). Also: the detail
 * back at its verdict when another 401 is picked, the splitter remembered, the search syntax, the
 * row menu, and a list longer than its viewport (only the rows in view exist).
 */
import type { Page } from '@playwright/test';
import { expect, fetchFrom, runScenario, shotPath, tabIdOf, test } from './fixtures.js';
import { openPanel, panelCauses, selectedRow } from './panel-helpers.js';

const SCENARIOS = [
  'valid',
  'no-authorization',
  'wrong-audience',
  'wrong-module-host',
  'no-bearer-prefix',
  'expired',
];
const CAUSES = ['token.expiry', 'header.scheme', 'url.service', 'token.audience', 'header.present'];
const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';
const CHECK_ID = /\b(request|header|token|claims|url|server|clock|contact)\.[a-z_]+\b/;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/** What the layout assertions read, in one go from the page. */
function measure(panel: Page) {
  return panel.evaluate(() => {
    const box = (el: Element | null): Box | null => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return {
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
        width: r.width,
        height: r.height,
      };
    };
    const toolbar = document.querySelector('.toolbar')!;
    const shown = [
      ...toolbar.querySelectorAll<HTMLElement>('button, input, select, h1, .connection'),
    ].filter(
      (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
    );
    const rows = [...document.querySelectorAll<HTMLElement>('[role="listbox"] > [role="option"]')];
    return {
      viewport: { width: innerWidth, height: innerHeight },
      scrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
      toolbar: box(toolbar)!,
      toolbarScrollWidth: toolbar.scrollWidth,
      toolbarClientWidth: toolbar.clientWidth,
      controls: shown.map((el) => ({
        name: el.getAttribute('aria-label') ?? el.textContent ?? '',
        title: el.getAttribute('title'),
        tag: el.tagName,
        box: box(el)!,
      })),
      rows: rows.map((r) => ({
        box: box(r)!,
        text: r.textContent ?? '',
        title: r.getAttribute('title') ?? '',
        overflowsDown: r.scrollHeight > r.clientHeight + 1,
        cause: box(r.querySelector('.row__cause')),
        where: box(r.querySelector('.row__where')),
        whereText: r.querySelector('.row__where')?.textContent ?? '',
      })),
      list: box(document.querySelector('[role="listbox"]')),
      detail: box(document.querySelector('#detail')),
      splitter:
        document.querySelector('[role="separator"]')?.getAttribute('aria-orientation') ?? null,
    };
  });
}

function inside(b: Box, vw: number, vh: number): boolean {
  return b.left >= 0 && b.top >= 0 && b.right <= vw + 0.5 && b.bottom <= vh + 0.5 && b.width > 0;
}

for (const width of [380, 560, 1280]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`at ${width} px, ${theme}: one-line toolbar and rows, nothing off-screen`, async ({
      app,
      worker,
      context,
      extensionId,
    }) => {
      for (const id of SCENARIOS) await runScenario(app, id);
      const panel = await openPanel(context, extensionId, await tabIdOf(worker, app), { theme });
      await panel.setViewportSize({ width, height: 720 });
      await expect.poll(() => panelCauses(panel)).toEqual(CAUSES);
      await expect(panel.locator('html')).toHaveAttribute('data-theme', theme);
      // The layout follows the new width on its next render: measure once it has (a measure
      // taken just before once read the side-by-side splitter at 380 px).
      await expect(panel.getByRole('separator')).toHaveAttribute(
        'aria-orientation',
        width < 600 ? 'horizontal' : 'vertical',
      );
      const m = await measure(panel);
      const { width: vw, height: vh } = m.viewport;

      // Nothing sideways: the page, and the toolbar, hold their content.
      expect(m.scrollWidth).toBeLessThanOrEqual(vw);
      expect(m.bodyScrollWidth).toBeLessThanOrEqual(vw);
      expect(m.toolbarScrollWidth).toBeLessThanOrEqual(m.toolbarClientWidth);

      // Search and Settings on screen.
      const search = panel.getByRole('searchbox', { name: 'Search the 401s' });
      const settings = panel.getByRole('button', { name: 'Settings' });
      await expect(search).toBeVisible();
      await expect(settings).toBeVisible();
      for (const el of [search, settings]) expect(inside(await box(el), vw, vh)).toBe(true);
      expect((await box(search)).width).toBeGreaterThanOrEqual(60);

      // One line: every control the toolbar shows sits in the same band, and the bar is one row high.
      expect(m.toolbar.height).toBeLessThan(40);
      for (const c of m.controls) {
        expect(c.box.top, c.name).toBeGreaterThanOrEqual(m.toolbar.top);
        expect(c.box.bottom, c.name).toBeLessThanOrEqual(m.toolbar.bottom + 0.5);
        expect(c.box.right, c.name).toBeLessThanOrEqual(vw + 0.5);
      }
      // Every button: a name and a tooltip.
      for (const c of m.controls.filter((c) => c.tag === 'BUTTON')) {
        expect(c.name.trim(), 'accessible name').not.toBe('');
        expect(c.title ?? '', `title of ${c.name}`).not.toBe('');
      }

      // Rows: one line of 22–24 px each; the cause on the row, the check id only in the tooltip.
      expect(m.rows).toHaveLength(CAUSES.length);
      for (const [i, row] of m.rows.entries()) {
        expect(row.box.height).toBeGreaterThanOrEqual(22);
        expect(row.box.height).toBeLessThanOrEqual(24);
        expect(row.overflowsDown).toBe(false);
        expect(row.text).not.toMatch(CHECK_ID);
        // Host and path, whole: no lone ":" where a host went missing.
        expect(row.whereText).toMatch(/^[a-z]+\.api(\.rhythmsoftware\.com)?\/contacts\//);
        expect(row.title).toContain(`Root cause: ${CAUSES[i]}`);
        expect(row.where!.width).toBeGreaterThan(40);
        expect(row.cause!.width).toBeGreaterThan(20);
        expect(row.cause!.top).toBeCloseTo(row.where!.top, -1);
      }
      await expect(rowsOf(panel).first()).toContainText('rolodex.api');

      // Below 600 px the list over the detail; wider, side by side.
      if (width < 600) {
        expect(m.splitter).toBe('horizontal');
        expect(m.list!.bottom).toBeLessThanOrEqual(m.detail!.top);
        expect(m.detail!.width).toBeGreaterThan(vw - 20);
      } else {
        expect(m.splitter).toBe('vertical');
        expect(m.list!.right).toBeLessThanOrEqual(m.detail!.left);
        expect(m.detail!.width).toBeGreaterThan(vw / 2);
      }
      await expect(panel.getByRole('region', { name: 'Verdict' })).toBeInViewport();

      await panel.screenshot({ path: shotPath(`panel-${width}-${theme}.png`) });
    });
  }
}

/** The list's rows (the filters' <option>s have the option role too). */
function rowsOf(panel: Page) {
  return panel.getByRole('listbox').getByRole('option');
}

async function box(locator: ReturnType<Page['locator']>): Promise<Box> {
  const b = (await locator.boundingBox())!;
  return {
    left: b.x,
    top: b.y,
    right: b.x + b.width,
    bottom: b.y + b.height,
    width: b.width,
    height: b.height,
  };
}

test('another 401 picked, by mouse or ↓/↑, shows its diagnosis from the top: the verdict in view', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  for (const id of ['expired', 'wrong-audience', 'no-bearer-prefix']) await runScenario(app, id);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await panel.setViewportSize({ width: 900, height: 500 });
  await expect
    .poll(() => panelCauses(panel))
    .toEqual(['header.scheme', 'token.audience', 'token.expiry']);
  const detail = panel.locator('#detail');
  const verdict = panel.getByRole('region', { name: 'Verdict' });
  const scrollDown = async () => {
    await detail.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => detail.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
    await expect(verdict).not.toBeInViewport();
  };

  await scrollDown();
  await rowsOf(panel).nth(2).click();
  await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'token.expiry');
  await expect.poll(() => detail.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(verdict).toBeInViewport();
  await expect(verdict).toContainText('expired');

  await scrollDown();
  await panel.getByRole('listbox').focus();
  await panel.keyboard.press('ArrowUp');
  await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'token.audience');
  await expect.poll(() => detail.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(verdict).toBeInViewport();

  await scrollDown();
  await panel.keyboard.press('ArrowDown');
  await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'token.expiry');
  await expect.poll(() => detail.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(verdict).toBeInViewport();
});

test('the splitter: dragged or moved with the keys, it keeps its place after a reload', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  await runScenario(app, 'expired');
  const tabId = await tabIdOf(worker, app);
  const panel = await openPanel(context, extensionId, tabId);
  await panel.setViewportSize({ width: 1280, height: 720 });
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry']);
  const splitter = panel.getByRole('separator', { name: 'Width of the list' });
  const list = panel.getByRole('navigation', { name: '401 responses' });
  const s = (await splitter.boundingBox())!;
  await panel.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
  await panel.mouse.down();
  await panel.mouse.move(620, s.y + s.height / 2, { steps: 5 });
  await panel.mouse.up();
  await expect.poll(async () => Math.round((await list.boundingBox())!.width)).toBe(620);

  await splitter.focus();
  await panel.keyboard.press('ArrowLeft');
  await expect.poll(async () => Math.round((await list.boundingBox())!.width)).toBe(604);
  await expect(splitter).toHaveAttribute('aria-valuenow', '604');

  await panel.reload();
  await panel.locator('.connection--live').waitFor();
  await expect.poll(async () => Math.round((await list.boundingBox())!.width)).toBe(604);
  // Only a width is kept, under the panel page's own origin.
  const kept = await panel.evaluate(() => ({ ...localStorage }));
  expect(kept).toEqual({ 'rhythm-auth.panel.list-width': '604' });

  // Stacked (narrow), the splitter sets the list's height, kept apart from the width.
  await panel.setViewportSize({ width: 420, height: 720 });
  await expect(panel.getByRole('separator', { name: 'Height of the list' })).toBeVisible();
  await panel.getByRole('separator').focus();
  await panel.keyboard.press('Home');
  await expect.poll(async () => Math.round((await list.boundingBox())!.height)).toBe(48);
  await panel.setViewportSize({ width: 1280, height: 720 });
  await expect.poll(async () => Math.round((await list.boundingBox())!.width)).toBe(604);
});

test('the search box takes status:, host: and check:, and - to leave out', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  for (const id of SCENARIOS) await runScenario(app, id);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(CAUSES);
  const search = panel.getByRole('searchbox', { name: 'Search the 401s' });
  await expect(search).toHaveAttribute('title', /status:fail.*host:rolodex.*check:token\.expiry/);
  const cases: Array<[string, string[]]> = [
    ['host:membership', ['url.service']],
    ['-host:rolodex', ['url.service']],
    ['check:token.expiry', ['token.expiry']],
    ['check:token', ['token.expiry', 'token.audience']],
    ['status:401 host:rolodex -check:header', ['token.expiry', 'token.audience']],
    ['host:', CAUSES],
    ['status:pass', []],
  ];
  for (const [text, causes] of cases) {
    await search.fill(text);
    await expect.poll(() => panelCauses(panel), text).toEqual(causes);
  }
  await expect(panel.getByText('No 401 matches the filters.')).toBeVisible();
  await panel.getByRole('button', { name: 'Clear the filters' }).click();
  await expect.poll(() => panelCauses(panel)).toEqual(CAUSES);
});

test("a row's menu (right-click, Shift+F10): copy as cURL without the token, copy the fix, export this one", async ({
  app,
  api,
  worker,
  context,
  extensionId,
}) => {
  const token = await api.mint({ expired: true });
  await runScenario(app, 'no-bearer-prefix');
  expect(await fetchFrom(app, CURRENT, { Authorization: `Bearer ${token}` })).toBe(401);
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry', 'header.scheme']);
  // What the panel hands to the clipboard, read where it hands it over.
  await panel.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (text: string) => {
      w.copied.push(text);
    };
  });
  const copied = () => panel.evaluate(() => (window as unknown as { copied: string[] }).copied);

  await rowsOf(panel).nth(0).click({ button: 'right' });
  const menu = panel.getByRole('menu', { name: 'This 401' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Copy as cURL',
    'Copy the fix',
    'Export this one…',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Copy as cURL' })).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect.poll(copied).toHaveLength(1);
  const [curl] = await copied();
  expect(curl).toBe(`curl '${CURRENT}' -H "Authorization: Bearer $RHYTHM_TOKEN"`);
  for (const part of token.split('.')) expect(curl).not.toContain(part);
  await expect(panel.getByText('Copied the request as cURL')).toBeVisible();
  await expect(panel.getByRole('listbox')).toBeFocused();

  // The keyboard: Shift+F10 on the list opens the selected row's menu; ↓ to the fix.
  await panel.keyboard.press('ArrowDown');
  await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'header.scheme');
  await panel.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await panel.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Copy the fix' })).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect.poll(async () => (await copied()).length).toBe(2);
  expect((await copied())[1]).toMatch(/Bearer/);

  await panel.keyboard.press('Shift+F10');
  await panel.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(panel.getByRole('listbox')).toBeFocused();

  // Export this one: the export dialog, about the row picked.
  await rowsOf(panel).nth(0).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Export this one…' }).click();
  await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'token.expiry');
  const preview = panel.getByTestId('export-preview');
  await expect(preview).toContainText('token.expiry');
  expect(await preview.textContent()).not.toContain(token.split('.')[2]!);
});

test('a list longer than its view: only the rows in view exist; keys, selection and scroll still work', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const COUNT = 60;
  for (let i = 0; i < COUNT; i++) await runScenario(app, i % 2 ? 'expired' : 'no-authorization');
  const panel = await openPanel(context, extensionId, await tabIdOf(worker, app));
  await panel.setViewportSize({ width: 1000, height: 400 });
  await expect(panel.getByTestId('count')).toHaveText(`${COUNT} 401s`);
  const list = panel.getByRole('listbox');
  const rendered = async () => (await panelCauses(panel)).length;
  expect(await rendered()).toBeLessThan(COUNT);
  expect(await rendered()).toBeGreaterThan(5);
  await expect(rowsOf(panel).first()).toHaveAttribute('aria-setsize', String(COUNT));

  const inView = async () => {
    const row = (await selectedRow(panel).boundingBox())!;
    const view = (await list.boundingBox())!;
    return row.y >= view.y - 0.5 && row.y + row.height <= view.y + view.height + 0.5;
  };
  await list.focus();
  await panel.keyboard.press('End');
  await expect(selectedRow(panel)).toHaveAttribute('aria-posinset', String(COUNT));
  expect(await inView()).toBe(true);
  await panel.keyboard.press('PageUp');
  const afterPageUp = Number(await selectedRow(panel).getAttribute('aria-posinset'));
  expect(afterPageUp).toBeLessThan(COUNT - 5);
  expect(await inView()).toBe(true);
  await panel.keyboard.press('Home');
  await expect(selectedRow(panel)).toHaveAttribute('aria-posinset', '1');
  expect(await inView()).toBe(true);
  await panel.keyboard.press('PageDown');
  await expect(selectedRow(panel)).toHaveAttribute(
    'aria-posinset',
    String(1 + (COUNT - afterPageUp)),
  );
  expect(await inView()).toBe(true);

  // Scrolled to the end with the wheel of the list: the last rows are rendered, and clickable.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(rowsOf(panel).last()).toHaveAttribute('aria-posinset', String(COUNT));
  await panel.locator(`[role="option"][aria-posinset="${COUNT - 1}"]`).click();
  await expect(selectedRow(panel)).toHaveAttribute('aria-posinset', String(COUNT - 1));
});
