/**
 * What the panel's views ask of the browser, behind one interface, and the context that hands it
 * (with the store and the HAR actions) to them: the real services are made by boot.ts's
 * createServices, component tests pass fakes. Views never touch `browser.*` themselves.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AnalyzerSettings, CapturedRequest, ReportContext } from '../analyzer/index.js';
import type { ActiveAction, ActivePlans, ActiveRun } from '../shared/active.js';
import type { ExportFormat } from '../shared/export.js';
import type { PermissionsLike } from '../shared/rhythm-access.js';
import type { LastSuccess, SuccessLookup } from '../shared/stored.js';
import type { PanelEntry } from './entry.js';
import type { PanelStore } from './store.js';

export interface PanelServices {
  tabId: number;
  /** True inside DevTools (the network log is read); false when opened as a tab. */
  inDevtools: boolean;
  /** Clears the worker's entries of the tab and DevTools' requests held here; pasted ones stay for Undo. */
  clearTab(): Promise<void>;
  /** Forgets the requests (with their tokens) held here for these pasted entries: Clear's Undo is over. */
  forgetPasted?(ids: readonly string[]): void;
  /** The last success with this 401's host, route and subject kind (SuccessLookup). */
  lastSuccess(wanted: SuccessLookup): Promise<LastSuccess | null>;
  settings(): AnalyzerSettings;
  /** Version, browser and the time, for a report: read once per export preview. */
  reportContext(): Omit<ReportContext, 'tool'>;
  now(): number;
  copy(text: string): Promise<boolean>;
  save(text: string, format: ExportFormat): void;
  /** Saves a HAR file ("Export sanitized HAR") under its name (absent where nothing can be saved). */
  saveHar?(text: string, fileName: string): void;
  /**
   * DevTools' own network log (`chrome.devtools.network.getHAR()`), request headers included: only
   * inside DevTools, absent when the panel is opened as a tab.
   */
  networkHar?(): Promise<unknown>;
  /** The active checks (absent where a page renders the panel without a worker, e.g. a benchmark). */
  active?: ActiveServices;
  /** Opens the Options page. */
  openOptions?: () => void;
  /** `browser.permissions`, for the Rhythm site access banner (absent in a page without it). */
  permissions?: PermissionsLike;
}

export interface ActiveServices {
  /** What each check would send for an entry (the worker answers; no token comes back). */
  plan(entry: PanelEntry): Promise<ActivePlans>;
  /** Runs one confirmed check; a kept entry's result is written back by the worker. */
  run(entry: PanelEntry, action: ActiveAction, url: string): Promise<ActiveRun>;
  /** Asks for a host permission: call it straight from the click, the prompt needs the gesture. */
  requestPermission(pattern: string): Promise<boolean>;
  /** Keeps a pasted request (in memory) for the active checks of its entry. */
  holdRequest(entryId: string, request: CapturedRequest): void;
}

/** What the import needs of a `File` (a test may pass a stream it feeds itself). */
export type HarFile = Pick<File, 'name' | 'size' | 'stream' | 'slice'>;

/** Import HAR and Export sanitized HAR (har/actions.ts makes them). */
export interface HarActions {
  importFile(file: HarFile): Promise<void>;
  /** Stops the import in progress (its status line goes away, nothing is imported). */
  cancelImport(): void;
  /** Saves DevTools' log of the API requests, sanitized. */
  exportSanitized(): Promise<void>;
}

export interface Panel {
  store: PanelStore;
  services: PanelServices;
  /** Import HAR and Export sanitized HAR, made once with the store and the services (boot.ts). */
  har: HarActions;
}

export const PanelContext = createContext<Panel | null>(null);

export function usePanel(): Panel {
  const panel = useContext(PanelContext);
  if (!panel) throw new Error('usePanel outside <PanelContext.Provider>');
  return panel;
}
