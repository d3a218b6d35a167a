import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { browserWords } from '../shared/browser-name.js';
import { send } from '../shared/client.js';
import type { PermissionsLike } from '../shared/rhythm-access.js';
import type { StoredDiagnosis } from '../shared/stored.js';
import { CheckList } from '../shared/ui/CheckList.js';
import { RhythmAccessBanner, useRhythmAccess } from '../shared/ui/RhythmAccess.js';
import { RichText } from '../shared/ui/RichText.js';
import { ExportMenu } from './ExportMenu.js';
import { clockTime, hostAndPath, rootCauseLine, shortHost } from '../shared/ui/format.js';
import { visible } from '../shared/ui/visible.js';
import { WELCOME_PAGE } from '../shared/pages.js';
import { requestSiteAccess, type SiteAccess } from './site-access.js';
import { useTab } from './use-tab.js';

const permissions = browser.permissions as unknown as PermissionsLike;

export function App() {
  const [state, reload] = useTab();
  const [selected, setSelected] = useState<string | null>(null);
  const rhythmAccess = useRhythmAccess(permissions);

  if (state.phase === 'loading') return <main class="popup" aria-busy="true" />;
  if (state.phase === 'error') {
    return (
      <main class="popup">
        <p class="error" role="alert">
          Rhythm Auth could not read this tab: {state.message}
        </p>
      </main>
    );
  }

  const { tabId, diagnoses, access } = state;
  const current = diagnoses.find((d) => d.id === selected) ?? null;

  return (
    <main class="popup">
      <header class="popup__header">
        <h1>
          Rhythm Auth{' '}
          <span class="muted" data-testid="count">
            {diagnoses.length === 0
              ? ''
              : `${diagnoses.length} ${diagnoses.length === 1 ? '401' : '401s'}`}
          </span>
        </h1>
        <div class="popup__actions">
          <ExportMenu entries={diagnoses} disabled={diagnoses.length === 0} />
          <button
            type="button"
            disabled={diagnoses.length === 0}
            onClick={() => void send('clear-tab', { tabId }).then(() => setSelected(null))}
          >
            Clear
          </button>
        </div>
      </header>
      <RhythmAccessBanner permissions={permissions} granted={rhythmAccess} />
      {rhythmAccess !== false && <SiteBanner access={access} onGranted={reload} />}
      {current ? (
        <Detail entry={current} onBack={() => setSelected(null)} />
      ) : diagnoses.length === 0 ? (
        rhythmAccess !== false && <Empty access={access} />
      ) : (
        <List diagnoses={diagnoses} onOpen={setSelected} />
      )}
      <footer class="popup__footer muted">
        <span>
          Full picture and active checks: open DevTools (F12) → <strong>Rhythm Auth</strong> panel
          (in the » overflow when the tabs do not fit).
        </span>
        <span class="popup__links">
          <button type="button" class="link" onClick={openWelcome}>
            Getting started
          </button>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Settings
          </button>
        </span>
      </footer>
    </main>
  );
}

/** The first-run page, in a tab of its own (the popup closes when it loses focus). */
function openWelcome() {
  void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
  window.close();
}

function List({
  diagnoses,
  onOpen,
}: {
  diagnoses: StoredDiagnosis[];
  onOpen: (id: string) => void;
}) {
  return (
    <ol class="list" aria-label="401 responses in this tab, newest first">
      {diagnoses.map((entry) => {
        const d = entry.diagnosis;
        const { host, path } = hostAndPath(d.request.url);
        return (
          <li key={entry.id} data-diagnosis={d.rootCause?.id ?? 'none'}>
            <button
              type="button"
              class="row"
              onClick={() => onOpen(entry.id)}
              title={visible(`${host}${path}`.slice(0, 300))}
            >
              <span class="row__time mono">{clockTime(d.request.sentAt)}</span>
              <span class="row__method mono">{visible(d.request.method.slice(0, 12))}</span>
              {/* The host first and never cut: rolodex, membership and the bare API host differ there. */}
              <span class="row__where mono">
                <span class="row__host">{visible(shortHost(host).slice(0, 200))}</span>
                <span class="row__path">{visible(path.slice(0, 300))}</span>
              </span>
              <span class={`row__cause row__cause--${d.verdict}`}>
                <RichText text={rootCauseLine(d)} />
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function Detail({ entry, onBack }: { entry: StoredDiagnosis; onBack: () => void }) {
  const d = entry.diagnosis;
  return (
    <section
      class="detail"
      aria-label="Diagnosis"
      data-selected-diagnosis={d.rootCause?.id ?? 'none'}
    >
      <button type="button" class="back" onClick={onBack} autoFocus>
        ← All 401s
      </button>
      <p class="detail__request mono">
        {d.request.method} {d.request.url.split('?')[0]}
      </p>
      {d.rootCause && (
        <div class="verdict" role="status">
          <strong>
            <RichText text={d.rootCause.summary} />
          </strong>
          {d.rootCause.fix && (
            <div>
              <RichText text={d.rootCause.fix} />
            </div>
          )}
        </div>
      )}
      <CheckList checks={d.checks} compact />
    </section>
  );
}

function Empty({ access }: { access: SiteAccess }) {
  return (
    <div class="empty">
      <p>
        <strong>No 401s from the Rhythm APIs in this tab.</strong>
      </p>
      <p class="muted">
        Watching requests to <code>*.api.rhythmsoftware.com</code> from pages on{' '}
        <code>*.rhythmsoftware.com</code>
        {access.kind === 'granted' ? (
          <>
            {' '}
            and <code>{access.origin}</code>
          </>
        ) : null}
        . When one answers 401, it shows up here with its cause.
      </p>
    </div>
  );
}

function SiteBanner({ access, onGranted }: { access: SiteAccess; onGranted: () => void }) {
  const [denied, setDenied] = useState(false);
  if (access.kind !== 'not-granted') return null;
  return (
    <div class="banner" role="note">
      <p>
        {browserWords().name} shows extensions only requests from sites they may read. To see this
        app's Rhythm API calls, let Rhythm Auth read requests from <code>{access.origin}</code>.
        Nothing is sent anywhere.
      </p>
      <button
        type="button"
        class="primary"
        onClick={() =>
          // Asked straight from the click: permission prompts need the user gesture.
          void requestSiteAccess(access.pattern).then((ok) => (ok ? onGranted() : setDenied(true)))
        }
      >
        Watch requests from this site
      </button>
      {denied && (
        <p class="muted">
          Not granted. The DevTools panel still sees this tab's requests while open.
        </p>
      )}
    </div>
  );
}
