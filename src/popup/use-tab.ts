/** The popup's data: which tab, its diagnoses (live from storage.session), and its site access. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { tabIdFromQuery } from '../shared/client.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import { readTab, type SessionArea } from '../shared/tab-store.js';
import { siteAccess, type SiteAccess } from './site-access.js';

export type TabState =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; tabId: number; diagnoses: StoredDiagnosis[]; access: SiteAccess };

const area = browser.storage.session as unknown as SessionArea;

async function resolveTab(): Promise<{ tabId: number; url: string | undefined }> {
  const fromQuery = tabIdFromQuery(location.search);
  if (fromQuery !== null) {
    const tab = await browser.tabs.get(fromQuery).catch(() => null);
    return { tabId: fromQuery, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('No active tab.');
  return { tabId: tab.id, url: tab.url };
}

export function useTab(): [TabState, () => void] {
  const [state, setState] = useState<TabState>({ phase: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let alive = true;
    let tabId = -1;
    const load = async () => {
      try {
        const tab = await resolveTab();
        tabId = tab.tabId;
        const [diagnoses, access] = await Promise.all([
          readTab(area, tab.tabId),
          siteAccess(tab.url),
        ]);
        if (alive) setState({ phase: 'ready', tabId: tab.tabId, diagnoses, access });
      } catch (error) {
        if (alive)
          setState({
            phase: 'error',
            message: error instanceof Error ? error.message : String(error),
          });
      }
    };
    const onChanged = (changes: Record<string, unknown>, areaName: string) => {
      // The index changes with each 401; an entry alone when an active check wrote its result.
      const entryPrefix = `d:${tabId}:`;
      if (
        areaName === 'session' &&
        (`tab:${tabId}` in changes || Object.keys(changes).some((k) => k.startsWith(entryPrefix)))
      )
        void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    void load();
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [version]);

  return [state, () => setVersion((v) => v + 1)];
}
