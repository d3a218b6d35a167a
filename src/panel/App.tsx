/** The DevTools panel: placeholder until issue 4 builds it out; shows the tab's checklists. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { tabIdFromQuery } from '../shared/client.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import { readTab, type SessionArea } from '../shared/tab-store.js';
import { CheckList } from '../shared/ui/CheckList.js';
import { rootCauseLine } from '../shared/ui/format.js';

const area = browser.storage.session as unknown as SessionArea;

export function App() {
  const tabId = tabIdFromQuery(location.search) ?? browser.devtools?.inspectedWindow.tabId ?? -1;
  const [entries, setEntries] = useState<StoredDiagnosis[]>([]);
  useEffect(() => {
    const load = () => void readTab(area, tabId).then(setEntries);
    const onChanged = (changes: Record<string, unknown>, name: string) => {
      if (name === 'session' && `tab:${tabId}` in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    load();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabId]);
  return (
    <main>
      <h1>Rhythm Auth</h1>
      {entries.length === 0 && <p>No 401s from the Rhythm APIs in this tab yet.</p>}
      <ol>
        {entries.map((e) => (
          <li key={e.id} data-diagnosis={e.diagnosis.rootCause?.id ?? 'none'}>
            <strong>{rootCauseLine(e.diagnosis)}</strong>
            <CheckList checks={e.diagnosis.checks} compact />
          </li>
        ))}
      </ol>
    </main>
  );
}
