/**
 * Where the panel runs: inside DevTools (the inspected tab, DevTools' theme, the network log) or
 * opened as a normal tab for tests and demos (`?tabId=`, `?theme=`), where `chrome.devtools` is
 * undefined (SPEC §10).
 */
import { tabIdFromQuery } from '../shared/client.js';

export type Theme = 'light' | 'dark';

export interface DevtoolsLike {
  inspectedWindow: { tabId: number };
  panels: {
    themeName?: string;
    setThemeChangeHandler?: (handler: (themeName: string) => void) => void;
  };
  network?: unknown;
}

/** `chrome.devtools` when this page is a DevTools panel, else null (never throws in a tab). */
export function devtoolsApi(): DevtoolsLike | null {
  const api = (globalThis as { chrome?: { devtools?: DevtoolsLike } }).chrome?.devtools;
  return api && typeof api.inspectedWindow?.tabId === 'number' ? api : null;
}

/** The tab the panel shows: `?tabId=` wins (tests), else DevTools' inspected tab. */
export function resolveTabId(search: string, devtools: DevtoolsLike | null): number | null {
  const fromQuery = tabIdFromQuery(search);
  if (fromQuery !== null) return fromQuery;
  const inspected = devtools?.inspectedWindow.tabId;
  return typeof inspected === 'number' && inspected >= 0 ? inspected : null;
}

/**
 * DevTools' theme: `dark` → dark, anything else (`default`) → light. Opened as a tab, `?theme=`
 * decides; without it, null: the page follows the system (theme.css).
 */
export function resolveTheme(search: string, themeName: string | undefined): Theme | null {
  const fromQuery = new URLSearchParams(search).get('theme');
  if (fromQuery === 'dark' || fromQuery === 'light') return fromQuery;
  if (themeName === undefined) return null;
  return themeName === 'dark' ? 'dark' : 'light';
}

export function applyTheme(root: HTMLElement, theme: Theme | null): void {
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}

export { browserName } from '../shared/browser-name.js';
