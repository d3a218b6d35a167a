/**
 * `docs/first-run.png`, the picture the first-run page and the README show: the real, headed
 * Chromium (on an Xvfb of its own, whose framebuffer holds the browser's toolbar, which no page
 * screenshot has) with Rhythm Auth pinned, its badge counting three 401s, and DevTools open on the
 * Rhythm Auth panel. Numbered marks are laid over it where the badge, DevTools' » overflow and
 * the panel's tab are. Taken on every run (to
 * test-results/screenshots/); written to docs/ only with RHYTHM_SCREENSHOTS=1 (times change).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APP_URL,
  badgeText,
  configureExtension,
  expect,
  launchExtension,
  runScenario,
  shotPath,
  tabIdOf,
  test,
} from './fixtures.js';
import { devtoolsFor, panelFrame, showPanel } from './panel-devtools-cdp.js';
import { readXwd, startXvfb, xvfbPath, xvfbScreenPng } from './xvfb-screen.js';

const WIDTH = 1100;
const HEIGHT = 640;
const SHOT = shotPath('first-run.png');
/** The badge's red (src/background/badge.ts BADGE_COLOR), looked for in the toolbar. */
const BADGE_RGB = [0xd9, 0x30, 0x25] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the badge is on the screen: the box of its red pixels above the content (the toolbar). */
function findBadge(png: { width: number; rgb: Buffer }, rows: number): Box | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < png.width; x++) {
      const o = (y * png.width + x) * 3;
      const near = BADGE_RGB.every((c, i) => Math.abs(png.rgb[o + i]! - c) < 12);
      if (!near) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** In the DevTools front-end: the boxes of the Rhythm Auth tab and of the » button, on screen. */
const DEVTOOLS_BOXES = `(() => {
  const all = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    // Docked DevTools fills the window's content area; the toolbar is what the window adds on top.
    const left = window.screenX + (window.outerWidth - window.innerWidth);
    const top = window.screenY + (window.outerHeight - window.innerHeight);
    return { x: r.x + left, y: r.y + top, width: r.width, height: r.height };
  };
  const tab = all.find((e) => e.classList?.contains('tabbed-pane-header-tab') && e.textContent.trim() === 'Rhythm Auth');
  const more = all.find((e) => e.classList?.contains('tabbed-pane-header-tabs-drop-down-container') && e.getBoundingClientRect().width > 0);
  return { tab: box(tab), more: box(more), contentTop: window.screenY + window.outerHeight - window.innerHeight };
})()`;

/** A ring around each box and its number, left of it or under it. */
function marks(boxes: Array<[string, Box, 'left' | 'below']>): string {
  return boxes
    .map(([n, b, side]) => {
      const [left, top] =
        side === 'left'
          ? [b.x - 34, b.y + b.height / 2 - 11]
          : [b.x + b.width / 2 - 11, b.y + b.height + 6];
      return (
        `<div class="ring" style="left:${b.x - 4}px;top:${b.y - 4}px;width:${b.width + 8}px;height:${b.height + 8}px"></div>` +
        `<div class="mark" style="left:${left}px;top:${top}px">${n}</div>`
      );
    })
    .join('');
}

test('docs/first-run.png: the badge and the panel, in a real headed Chromium', async ({
  api,
  otherHosts,
}) => {
  test.skip(!xvfbPath(), 'needs Xvfb (apt-get install xvfb)');
  test.setTimeout(90_000);
  const fbdir = mkdtempSync(join(tmpdir(), 'rhythm-auth-fb-'));
  const x = await startXvfb(`${WIDTH}x${HEIGHT}x24`, fbdir, ['-nocursor']);
  const { context, profile } = await launchExtension(
    api,
    otherHosts,
    [
      '--auto-open-devtools-for-tabs',
      `--window-size=${WIDTH},${HEIGHT}`,
      '--window-position=0,0',
      // No "unsupported command-line flag" bar for the host mapping over the picture.
      '--test-type',
    ],
    x.display,
  );
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await expect
      .poll(() => worker.evaluate(() => chrome.webRequest.onCompleted.hasListeners()))
      .toBe(true);
    const extensionId = new URL(worker.url()).host;
    // Pinned, as the first-run page asks: what chrome://extensions' "Pin to toolbar" does.
    await configureExtension(context, extensionId, { pinnedToToolbar: true });
    // Only the app tab: the first-run tab opened on install would be the one in front.
    for (const page of context
      .pages()
      .filter((p) => !p.url().startsWith(APP_URL))
      .slice(1))
      await page.close();
    const app = context.pages()[0] ?? (await context.newPage());
    await app.goto(APP_URL);
    await app.waitForFunction(() => 'rhythmDemo' in window);
    await app.bringToFront();
    for (const id of ['no-authorization', 'wrong-audience', 'expired']) await runScenario(app, id);
    const tabId = await tabIdOf(worker, app);
    await expect.poll(() => badgeText(worker, tabId)).toBe('3');

    const cdp = await context.browser()!.newBrowserCDPSession();
    const frontEnd = await devtoolsFor(cdp, APP_URL);
    await showPanel(frontEnd, extensionId, 'Rhythm Auth');
    await expect.poll(async () => (await panelFrame(cdp, extensionId)) !== null).toBe(true);
    const panel = (await panelFrame(cdp, extensionId))!;
    await expect
      .poll(() => panel.evaluate<number>(`document.querySelectorAll('[data-diagnosis]').length`))
      .toBeGreaterThanOrEqual(3); // the rows (and, in some versions, the detail)
    await panel.evaluate(`document.querySelector('[data-diagnosis="token.expiry"]')?.click()`);
    const devtools = await frontEnd.evaluate<{
      tab: Box | null;
      more: Box | null;
      contentTop: number;
    }>(DEVTOOLS_BOXES);
    expect(devtools.tab, 'the Rhythm Auth tab in DevTools').not.toBeNull();

    // The screen once the badge is drawn (the toolbar repaints on its own schedule).
    const screen = () => readXwd(readFileSync(join(fbdir, 'Xvfb_screen0')));
    const toolbar = devtools.contentTop;
    await expect.poll(() => findBadge(screen(), toolbar) !== null, { timeout: 15_000 }).toBe(true);
    const badge = findBadge(screen(), toolbar)!;
    const png = xvfbScreenPng(fbdir).toString('base64');

    // The whole button: its 16 px icon sits up and left of the badge.
    const button = {
      x: badge.x - 16,
      y: badge.y - 14,
      width: badge.width + 18,
      height: badge.height + 16,
    };
    const boxes: Array<[string, Box, 'left' | 'below']> = [['1', button, 'left']];
    if (devtools.more) boxes.push(['2', devtools.more, 'below']);
    boxes.push(['3', devtools.tab!, 'below']);
    const page = await context.newPage();
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.setContent(`<!doctype html><style>
      body { margin: 0 } img { display: block }
      .ring { position: absolute; border: 3px solid #d93025; border-radius: 8px; box-sizing: border-box }
      .mark { position: absolute; width: 22px; height: 22px; border-radius: 50%; background: #d93025;
              color: #fff; font: 700 14px/22px system-ui, sans-serif; text-align: center }
      </style><img src="data:image/png;base64,${png}">${marks(boxes)}`);
    await page.screenshot({ path: SHOT, clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
    await cdp.detach();
    // It ships in the extension: keep it light.
    expect(statSync(SHOT).size).toBeLessThan(250_000);
  } finally {
    await context.close();
    x.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(fbdir, { recursive: true, force: true });
  }
});
