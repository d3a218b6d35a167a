/**
 * "Export sanitized HAR" from the real DevTools panel (headless Chromium with
 * `--auto-open-devtools-for-tabs`, driven as in panel-devtools.spec.ts): the file is made from
 * DevTools' own network log, holds only the tab's requests to the Rhythm APIs, none of the
 * tokens' signatures, no cookie, and `rhythm-auth diagnose --har` still finds each root cause.
 */
import type { CDPSession } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRhythmApiHost } from '../../src/analyzer/rhythm.js';
import { devtoolsTest, expect, runScenario } from './fixtures.js';
import { cliCauses, ensureCli, jwtSignatures } from './har-record.js';
import { devtoolsFor, panelFrame, showPanel, type NonFlatTarget } from './panel-devtools-cdp.js';

/** The fixtures' browser with DevTools opened for every tab (as in panel-devtools.spec.ts). */
const test = devtoolsTest;

const SCENARIOS: ReadonlyArray<[string, string | null]> = [
  ['valid', null],
  ['expired', 'token.expiry'],
  ['no-bearer-prefix', 'header.scheme'],
  ['m2m-contacts-current', 'claims.contact_id'],
  ['wrong-module-host', 'url.service'],
];
const CAUSES = SCENARIOS.flatMap(([, cause]) => (cause ? [cause] : []));

interface Download {
  guid: string;
  suggestedFilename: string;
}

/** Downloads of the whole browser go to `dir`, named by their guid; resolves at the first one done. */
async function catchDownload(cdp: CDPSession, dir: string): Promise<() => Promise<Download>> {
  let begun: Download | null = null;
  const done = new Promise<Download>((resolve) => {
    cdp.on('Browser.downloadWillBegin', (event: Download) => (begun = event));
    cdp.on('Browser.downloadProgress', (event: { guid: string; state: string }) => {
      if (event.state === 'completed' && begun?.guid === event.guid) resolve(begun);
    });
  });
  await cdp.send('Browser.setDownloadBehavior', {
    behavior: 'allowAndName',
    downloadPath: dir,
    eventsEnabled: true,
  });
  return () => done;
}

interface HarLog {
  entries: Array<{
    request: { url: string; headers: Array<{ name: string }> };
    response: { status: number };
  }>;
}

/** The 401s to Rhythm API hosts in a HAR log that carry an Authorization header. */
function rhythm401sWithToken(logText: string): number {
  return (JSON.parse(logText) as HarLog).entries.filter(
    (e) =>
      e.response.status === 401 &&
      isRhythmApiHost(new URL(e.request.url).hostname) &&
      e.request.headers.some((h) => h.name.toLowerCase() === 'authorization'),
  ).length;
}

async function openRealPanel(cdp: CDPSession, url: string, extensionId: string) {
  const frontEnd = await devtoolsFor(cdp, url);
  let panel: NonFlatTarget | null = null;
  await expect
    .poll(async () => {
      await showPanel(frontEnd, extensionId, 'Rhythm Auth');
      panel = await panelFrame(cdp, extensionId);
      return panel !== null;
    })
    .toBe(true);
  return panel!;
}

test("Export sanitized HAR saves DevTools' log of the Rhythm requests: no signature, no cookie value, same diagnoses", async ({
  cdp,
  app,
  extensionId,
}) => {
  ensureCli();
  const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-har-download-'));
  try {
    const download = await catchDownload(cdp, dir);
    // DevTools records from the moment its front-end is up: open the panel first.
    const panel = await openRealPanel(cdp, app.url(), extensionId);
    for (const [id, cause] of SCENARIOS) expect(await runScenario(app, id)).toBe(cause ? 401 : 200);
    await expect
      .poll(() =>
        panel.evaluate<number>(`document.querySelectorAll('[role=option][data-diagnosis]').length`),
      )
      .toBe(CAUSES.length);
    // What DevTools itself holds: the tokens (ada's, one per login, the expired one, the M2M one)
    // with their signatures, each request's a moment after it was sent: wait for them.
    const devtoolsLog = () =>
      panel.evaluate<string>(
        `new Promise((resolve) => chrome.devtools.network.getHAR((log) => resolve(JSON.stringify(log))))`,
      );
    await expect.poll(async () => rhythm401sWithToken(await devtoolsLog())).toBe(CAUSES.length);
    const signatures = jwtSignatures(await devtoolsLog());
    expect(signatures.length).toBeGreaterThanOrEqual(3);

    await panel.evaluate(
      `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Export sanitized HAR').click()`,
    );
    const { guid, suggestedFilename } = await download();
    expect(suggestedFilename).toMatch(/^rhythm-auth-sanitized-\d{4}(-\d\d){5}\.har$/);
    await expect
      .poll(() =>
        panel.evaluate<string>(
          `document.querySelector('[data-testid=har-summary]')?.textContent ?? ''`,
        ),
      )
      .toContain(`Saved ${suggestedFilename}:`);

    const file = join(dir, guid);
    const text = readFileSync(file, 'utf8');
    const har = JSON.parse(text) as {
      log: {
        creator: { name: string };
        entries: Array<{
          request: {
            url: string;
            headers: Array<{ name: string; value: string }>;
            cookies?: Array<{ value: string }>;
          };
          response: {
            headers: Array<{ name: string; value: string }>;
            cookies?: Array<{ value: string }>;
          };
        }>;
      };
    };
    expect(har.log.creator.name).toBe('Rhythm Auth');
    expect(har.log.entries.length).toBeGreaterThanOrEqual(CAUSES.length + 1);
    for (const { request, response } of har.log.entries) {
      expect(isRhythmApiHost(new URL(request.url).hostname)).toBe(true);
      // Cookie names and attributes stay (SPEC §6); every value is `[redacted]`.
      for (const cookie of [...(request.cookies ?? []), ...(response.cookies ?? [])]) {
        if (cookie.value !== '') expect(cookie.value).toBe('[redacted]');
      }
      for (const h of [...request.headers, ...response.headers]) {
        if (/^(set-)?cookie$/i.test(h.name))
          expect(h.value).toMatch(/^[^=;]+=(\[redacted\])?(;|$)/);
      }
    }
    for (const signature of signatures) expect(text).not.toContain(signature);
    expect(text).not.toContain('auth0.com/oauth/token'); // the token calls stay out
    expect(cliCauses(file).map((d) => d.cause)).toEqual(CAUSES);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
