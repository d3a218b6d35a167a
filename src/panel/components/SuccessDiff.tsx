import { useEffect, useState } from 'preact/hooks';
import {
  type Diagnosis,
  duration,
  isoTime,
  redactUrl,
  routeOf,
  SHORT_CLAIM_NAMES,
  type TokenSubject,
} from '../../analyzer/index.js';
import type { LastSuccess } from '../../shared/stored.js';
import { ownString } from '../view/claims.js';
import { compareWithSuccess, type ClaimChange } from '../view/claims-diff.js';
import { valueText, visible } from '../view/display.js';
import { usePanel } from '../services.js';
import { urlParts } from '../view/url-parts.js';
import { LongText } from './LongText.js';

type Lookup =
  | { phase: 'loading' }
  | { phase: 'none' }
  | { phase: 'error'; message: string }
  | { phase: 'found'; success: LastSuccess };

const SUBJECT_WORDS: Readonly<Record<TokenSubject, string>> = {
  user: "a user's token",
  m2m: 'a machine-to-machine token',
  unknown: 'a token of unknown kind',
};

/**
 * The last 2xx like this 401 (same host, same route, same subject kind: the worker records its
 * token's claims), compared with it. A 200 on another route or with another kind of token would
 * paint every claim as a difference, so none is shown then.
 */
export function SuccessDiff({ diagnosis }: { diagnosis: Diagnosis }) {
  const { services } = usePanel();
  const parts = urlParts(diagnosis.request.url);
  const host = 'error' in parts ? null : parts.host;
  const route = routeOf(diagnosis.request.url);
  const subject = diagnosis.token.subject;
  const [lookup, setLookup] = useState<Lookup>({ phase: 'loading' });

  useEffect(() => {
    if (!host || !route) return;
    let alive = true;
    setLookup({ phase: 'loading' });
    services.lastSuccess({ host, route, subject }).then(
      (success) => alive && setLookup(success ? { phase: 'found', success } : { phase: 'none' }),
      (error: unknown) =>
        alive &&
        setLookup({
          phase: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      alive = false;
    };
  }, [host, route, subject, diagnosis.request.sentAt, services]);

  if (!host || !route) return <p class="muted">No URL, so no request to compare with.</p>;
  switch (lookup.phase) {
    case 'loading':
      return (
        <p class="muted" aria-busy="true">
          Looking for a successful request to {host}
          {route}…
        </p>
      );
    case 'error':
      return <p class="error-text">Could not read the last success: {lookup.message}</p>;
    case 'none':
      return (
        <p class="muted" data-testid="diff-none">
          No comparable success: no request to{' '}
          <code>
            {visible(host)}
            {visible(route)}
          </code>{' '}
          with {SUBJECT_WORDS[subject]} succeeded in this tab yet. When one does, its token is
          compared with this one here.
        </p>
      );
    case 'found':
      return <Comparison diagnosis={diagnosis} success={lookup.success} />;
    default: {
      const unhandled: never = lookup;
      return unhandled;
    }
  }
}

function Comparison({ diagnosis, success }: { diagnosis: Diagnosis; success: LastSuccess }) {
  const c = compareWithSuccess(success, diagnosis.token);
  const delta = success.at - diagnosis.request.sentAt;
  const changes = [
    ...c.changes,
    ...c.headerChanges.map((h) => ({ ...h, name: `header.${h.name}` })),
  ];
  return (
    <div class="diff" data-testid="diff">
      <p>
        Last success: <LongText text={redactUrl(success.url)} limit={160} /> at{' '}
        {isoTime(success.at)} ({duration(delta)} {delta >= 0 ? 'after' : 'before'} this 401).
      </p>
      {c.sameToken ? (
        <p data-testid="diff-same-token">
          <strong>Same token.</strong> It worked there, so the difference is in the request: compare
          the URL and the checks of the base-URL group.
        </p>
      ) : changes.length === 0 ? (
        <p>Another token, with the same claims.</p>
      ) : (
        <table class="diff__table" aria-label="Claims that changed since the last success">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Last success</th>
              <th scope="col">This 401</th>
            </tr>
          </thead>
          <tbody>
            {changes.slice(0, 100).map((ch) => (
              <Change key={ch.name} change={ch} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Change({ change }: { change: ClaimChange }) {
  return (
    <tr
      class={`diff__row diff__row--${change.kind}`}
      data-claim={change.name}
      data-change={change.kind}
    >
      <th scope="row" class="mono">
        <LongText text={ownString(SHORT_CLAIM_NAMES, change.name) ?? change.name} limit={80} />
      </th>
      <td class="mono">
        {'before' in change ? (
          <LongText text={valueText(change.before)} limit={120} />
        ) : (
          <span class="muted">absent</span>
        )}
      </td>
      <td class="mono">
        {'after' in change ? (
          <LongText text={valueText(change.after)} limit={120} />
        ) : (
          <span class="muted">absent</span>
        )}
      </td>
    </tr>
  );
}
