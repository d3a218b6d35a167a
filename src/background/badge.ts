import { badgeText } from '../shared/stored.js';

/** The slice of `browser.action` the badge needs. */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
}

export const BADGE_COLOR = '#d93025';

/**
 * The toolbar button's tooltip: what the badge's number counts. The manifest's `default_title`
 * is the empty one, for tabs the worker never wrote to.
 */
export function badgeTitle(count: number, with403 = false): string {
  const what = with403 ? '401s or 403s' : count === 1 ? '401' : '401s';
  return count > 0
    ? `Rhythm Auth: ${count} Rhythm API ${what} in this tab`
    : `Rhythm Auth: no Rhythm API ${with403 ? '401s or 403s' : '401s'} in this tab`;
}

/**
 * Shows the count of kept 401s on the tab's badge (SPEC §10) and says in the tooltip what it
 * counts (403s too when the Options page asks for them). Never throws: the tab may be gone.
 */
export async function showCount(
  action: ActionApi,
  tabId: number,
  count: number,
  with403 = false,
): Promise<void> {
  try {
    await action.setBadgeText({ tabId, text: badgeText(count) });
    await action.setTitle({ tabId, title: badgeTitle(count, with403) });
    if (count > 0) {
      await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
      await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    }
  } catch {
    // The tab closed between the 401 and now: nothing to show it on.
  }
}

/**
 * The badge under a storm (SPEC §7): 5,000 401s must not make 20,000 `action` calls that queue
 * behind each other. Each tab's badge shows what `count` says when its update starts; updates asked
 * for while one is under way become one more, so the badge ends on the exact count. A count the
 * badge already shows is not written again, unless `force` (Chrome reset the badge: navigation).
 */
export function coalescedBadge(
  show: (tabId: number, count: number) => Promise<void>,
  count: (tabId: number) => Promise<number>,
) {
  const running = new Map<number, { again: boolean; force: boolean }>();
  const shown = new Map<number, number>();
  return function refresh(tabId: number, force = false): void {
    const current = running.get(tabId);
    if (current) {
      current.again = true;
      current.force ||= force;
      return;
    }
    const state = { again: false, force };
    running.set(tabId, state);
    void (async () => {
      try {
        do {
          state.again = false;
          const n = await count(tabId);
          if (state.force || shown.get(tabId) !== n) {
            state.force = false;
            await show(tabId, n);
            shown.set(tabId, n);
          }
        } while (state.again);
      } catch {
        // The count could not be read (the tab's write failed): the next 401 shows it.
      } finally {
        running.delete(tabId);
        if (shown.get(tabId) === 0) shown.delete(tabId); // a cleared or closed tab: forget it
      }
    })();
  };
}
