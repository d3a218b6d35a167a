/**
 * What the panel's views ask of the browser, behind one interface: the real one is made in
 * main.tsx, component tests pass fakes. Views never touch `browser.*` themselves.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ReportContext } from '../analyzer/report/index.js';
import type { AnalyzerSettings } from '../analyzer/types.js';
import type { ExportFormat } from '../shared/export.js';
import type { LastSuccess } from '../shared/stored.js';
import type { PanelStore } from './store.js';

export interface PanelServices {
  tabId: number;
  /** True inside DevTools (the network log is read); false when opened as a tab. */
  inDevtools: boolean;
  clearTab(): Promise<void>;
  lastSuccess(host: string): Promise<LastSuccess | null>;
  settings(): AnalyzerSettings;
  /** Version, browser and the time, for a report: read once per export preview. */
  reportContext(): Omit<ReportContext, 'tool'>;
  now(): number;
  copy(text: string): Promise<boolean>;
  save(text: string, format: ExportFormat): void;
}

export interface Panel {
  store: PanelStore;
  services: PanelServices;
}

export const PanelContext = createContext<Panel | null>(null);

export function usePanel(): Panel {
  const panel = useContext(PanelContext);
  if (!panel) throw new Error('usePanel outside <PanelContext.Provider>');
  return panel;
}
