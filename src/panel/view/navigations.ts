/**
 * Where the inspected page navigated between two 401s (DevTools' `network.onNavigated`): the
 * list marks the first 401 after each navigation, as DevTools' own Network panel draws a line.
 * Only the tab's own 401s (captured by the extension or seen in DevTools) are placed against
 * navigations: pasted and imported ones have times from elsewhere.
 */
import { hostAndPath } from '../../shared/ui/format.js';
import type { PanelEntry } from '../entry.js';

export interface Navigation {
  url: string;
  /** Epoch ms, this computer's clock (as `capturedAt` is). */
  at: number;
}

export const MAX_NAVIGATIONS = 100;

const isLive = (e: PanelEntry) => e.source === 'webRequest' || e.source === 'devtools';

/**
 * For each entry that is the first of the tab's 401s after a navigation: the newest such
 * navigation. `entries` newest first (as listed); `navigations` in any order.
 */
export function navigationMarks(
  entries: readonly PanelEntry[],
  navigations: readonly Navigation[],
): Map<string, Navigation> {
  const marks = new Map<string, Navigation>();
  if (navigations.length === 0) return marks;
  const live = entries.filter(isLive);
  for (let i = 0; i < live.length; i++) {
    const entry = live[i]!;
    const older = live[i + 1]?.capturedAt ?? -Infinity;
    let newest: Navigation | undefined;
    for (const n of navigations)
      if (n.at <= entry.capturedAt && n.at > older && (!newest || n.at > newest.at)) newest = n;
    if (newest) marks.set(entry.id, newest);
  }
  return marks;
}

/** The row's tooltip: where the page went. */
export function navigationText(n: Navigation): string {
  const { host, path } = hostAndPath(n.url);
  return `The page navigated to ${`${host}${path}`.slice(0, 300) || n.url.slice(0, 300)} before this 401`;
}
