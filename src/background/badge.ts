import { badgeText } from '../shared/stored.js';

/** The slice of `browser.action` the badge needs. */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
}

export const BADGE_COLOR = '#d93025';

/** Shows the count of kept 401s on the tab's badge (SPEC §10). Never throws: the tab may be gone. */
export async function showCount(action: ActionApi, tabId: number, count: number): Promise<void> {
  try {
    await action.setBadgeText({ tabId, text: badgeText(count) });
    if (count > 0) {
      await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
      await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    }
  } catch {
    // The tab closed between the 401 and now: nothing to show it on.
  }
}
