import { badgeText, expect, openPopup, runScenario, tabIdOf, test } from './fixtures.js';

test('a 401 from the Rhythm API is counted on the badge and diagnosed in the popup', async ({
  app,
  worker,
  context,
  extensionId,
}) => {
  const status = await runScenario(app, 'no-bearer-prefix');
  expect(status).toBe(401);
  const tabId = await tabIdOf(worker, app);
  await expect.poll(() => badgeText(worker, tabId)).toBe('1');
  const popup = await openPopup(context, extensionId, tabId);
  await expect(popup.locator('[data-diagnosis]')).toHaveCount(1);
  await expect(popup.locator('[data-diagnosis]').first()).toHaveAttribute(
    'data-diagnosis',
    'header.scheme',
  );
});
