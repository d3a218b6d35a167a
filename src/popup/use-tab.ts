/** The popup's data: which tab, its diagnoses (the worker's answer, again on every change), its site access. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sessionArea, storageChanges } from '../shared/areas.js';
import { send, tabIdFromQuery } from '../shared/client.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import { createTabStore } from '../shared/tab-store.js';
import { siteAccess, type SiteAccess } from './site-access.js';

export type TabState =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; tabId: number; diagnoses: StoredDiagnosis[]; access: SiteAccess };

/** Only watched from here: the worker writes, the popup asks it (`get-tab`) what a tab holds. */
const tabs = createTabStore(sessionArea, { changes: storageChanges });

interface Tab {
  tabId: number;
  url: string | undefined;
}

async function resolveTab(): Promise<Tab> {
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
    let stop: (() => void) | undefined;
    const fail = (error: unknown) => {
      if (alive)
        setState({
          phase: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
    };
    // Answers can arrive out of order (a burst of 401s is a burst of changes): the last asked wins.
    let asked = 0;
    const show = async ({ tabId, url }: Tab) => {
      const ask = ++asked;
      const [{ diagnoses }, access] = await Promise.all([
        send('get-tab', { tabId }),
        siteAccess(url),
      ]);
      if (alive && ask === asked) setState({ phase: 'ready', tabId, diagnoses, access });
    };
    resolveTab()
      .then((tab) => {
        if (!alive) return;
        // A new 401 (the index) or an active check's result (an entry): ask again.
        stop = tabs.watch(tab.tabId, () => void show(tab).catch(fail));
        return show(tab);
      })
      .catch(fail);
    return () => {
      alive = false;
      stop?.();
    };
  }, [version]);

  return [state, () => setVersion((v) => v + 1)];
}
