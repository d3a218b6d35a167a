/**
 * Screenshots of the panel for the docs, light and dark, diagnosing the reference API's `expired`
 * and `no-bearer-prefix` cases. Taken on every run (to test-results/screenshots/), written to docs/ only with RHYTHM_SCREENSHOTS=1 (they change with every
 * run's times, so they are not part of the regular suite).
 */
import { badgeText, expect, runScenario, shotPath, tabIdOf, test } from './fixtures.js';
import { openPanel, panelCauses, selectedRow } from './panel-helpers.js';

for (const theme of ['light', 'dark'] as const) {
  test(`docs/panel-${theme}.png`, async ({ app, worker, context, extensionId }) => {
    expect(await runScenario(app, 'valid')).toBe(200);
    expect(await runScenario(app, 'no-bearer-prefix')).toBe(401);
    expect(await runScenario(app, 'expired')).toBe(401);
    const tabId = await tabIdOf(worker, app);
    // Both stored before the panel opens (the worker writes in batches), so it selects the newest.
    await expect.poll(() => badgeText(worker, tabId)).toBe('2');
    const panel = await openPanel(context, extensionId, tabId, { theme });
    await panel.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(() => panelCauses(panel)).toEqual(['token.expiry', 'header.scheme']);
    await expect(selectedRow(panel)).toHaveAttribute('data-diagnosis', 'token.expiry');
    await expect(panel.getByTestId('diff')).toBeVisible();
    await panel.screenshot({ path: shotPath(`panel-${theme}.png`) });
  });
}
