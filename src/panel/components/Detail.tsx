import type { Ref } from 'preact';
import { isoTime } from '../../analyzer/index.js';
import { hostAndPath } from '../../shared/ui/format.js';
import { visible } from '../view/display.js';
import { usePanel } from '../services.js';
import type { PanelEntry } from '../entry.js';
import { bodyOf } from '../state.js';
import { ActiveChecks } from '../active/ActiveChecks.js';
import { GroupedChecklist } from './GroupedChecklist.js';
import { RequestView } from './RequestView.js';
import { SuccessDiff } from './SuccessDiff.js';
import { TokenView } from './TokenView.js';
import { VerdictBanner } from './VerdictBanner.js';

const SOURCE_TEXT: Record<PanelEntry['source'], string> = {
  webRequest: 'captured by the extension',
  devtools: "seen in DevTools' network log",
  har: 'read from a HAR file',
  paste: 'no request was sent and no response seen; diagnosed here, not counted on the badge',
};

/** The selected 401: verdict, grouped checklist, token, request, and the diff with the last success. */
export function Detail({ detailRef }: { detailRef: Ref<HTMLElement> }) {
  const { store } = usePanel();
  const entry = store.selected.value;
  return (
    <main
      ref={detailRef}
      id="detail"
      class="detail"
      tabIndex={-1}
      aria-label="Diagnosis of the selected 401"
    >
      {entry ? (
        <EntryDetail key={entry.id} entry={entry} />
      ) : (
        <p class="detail__none muted">Select a 401 in the list to see its diagnosis.</p>
      )}
    </main>
  );
}

function EntryDetail({ entry }: { entry: PanelEntry }) {
  const { store } = usePanel();
  const d = entry.diagnosis;
  const { host, path } = hostAndPath(d.request.url);
  const body = bodyOf(entry, store.state.value.seen);
  return (
    <article
      class="entry"
      data-selected-diagnosis={d.rootCause?.id ?? 'none'}
      data-source={entry.source}
    >
      <header class="entry__header">
        <h2 class="entry__title mono">
          <span class="entry__method">{visible(d.request.method.slice(0, 12))}</span>{' '}
          {visible(`${host}${path}`.slice(0, 500)) || '(no URL)'}
        </h2>
        {entry.source === 'paste' ? (
          <p class="muted entry__meta" data-testid="entry-meta">
            <span class="tag tag--paste">Pasted token</span> {isoTime(d.request.sentAt)} ·{' '}
            {SOURCE_TEXT.paste}
          </p>
        ) : (
          <p class="muted entry__meta" data-testid="entry-meta">
            Status {d.request.status} · {isoTime(d.request.sentAt)} · {SOURCE_TEXT[entry.source]}
          </p>
        )}
      </header>
      <VerdictBanner diagnosis={d} />
      <ActiveChecks entry={entry} />
      <div class="entry__columns">
        <section class="section" aria-labelledby="h-checks">
          <h2 id="h-checks">Checklist</h2>
          <GroupedChecklist checks={d.checks} />
        </section>
        <div>
          <section class="section" aria-labelledby="h-token">
            <h2 id="h-token">Token</h2>
            <TokenView token={d.token} sentAt={d.request.sentAt} now={store.clock.value} />
          </section>
          <section class="section" aria-labelledby="h-request">
            <h2 id="h-request">Request</h2>
            <RequestView diagnosis={d} {...(body !== undefined ? { body } : {})} />
          </section>
          <section class="section" aria-labelledby="h-diff">
            <h2 id="h-diff">Compared with the last success</h2>
            <SuccessDiff diagnosis={d} />
          </section>
        </div>
      </div>
    </article>
  );
}
