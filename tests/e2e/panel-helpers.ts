/**
 * Helpers for the DevTools panel's end-to-end tests (panel*.spec.ts): the panel page opened as a
 * tab in test mode (SPEC §10 `?tabId=`, `?theme=`), and its rows and checklist read as data.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';

export async function openPanel(
  context: BrowserContext,
  extensionId: string,
  tabId: number,
  options: { theme?: 'light' | 'dark' } = {},
): Promise<Page> {
  const page = await context.newPage();
  const theme = options.theme ? `&theme=${options.theme}` : '';
  await page.goto(`chrome-extension://${extensionId}/src/panel/index.html?tabId=${tabId}${theme}`);
  await page.locator('.connection--live').waitFor();
  return page;
}

/** The list's rows, newest first: each one's root cause id (`none` when no check failed). */
export function panelCauses(panel: Page): Promise<string[]> {
  return panel
    .locator('[role="listbox"] > [role="option"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-diagnosis') ?? ''));
}

/** The detail's checklist as `{id: status}`. */
export function checkStatuses(panel: Page): Promise<Record<string, string>> {
  return panel
    .locator('#detail [data-check-id]')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('data-check-id') ?? '',
          r.getAttribute('data-status') ?? '',
        ]),
      ),
    );
}

/** The selected row of the list (the filters' <option>s have the option role too). */
export function selectedRow(panel: Page): Locator {
  return panel.getByRole('listbox').getByRole('option', { selected: true });
}
