import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActiveAction, ActivePlan, ActiveRun } from '../../shared/active.js';
import { browserWords } from '../../shared/browser-name.js';
import { RichText } from '../../shared/ui/RichText.js';
import { STATUS_MARK } from '../../shared/ui/format.js';
import { originOf, TOKEN_GONE, withRun } from './with-run.js';
import { visible } from '../view/display.js';
import { usePanel, type ActiveServices } from '../services.js';
import type { PanelEntry } from '../entry.js';
import { RetryLine } from './RetryLine.js';
import { Dialog } from '../components/Dialog.js';

const ACTION_TEXT: Readonly<Record<ActiveAction, { title: string; send: string }>> = {
  signature: { title: 'Verify the signature', send: 'Fetch the keys and verify' },
  contact: { title: 'Verify with Rolodex', send: 'Send to Rolodex' },
  retry: { title: 'Retry with the fix', send: 'Send it again' },
};

type Phase =
  | { kind: 'confirm' }
  | { kind: 'running' }
  /** `reason`: what the browser said, when it refused to ask (no gesture, or no prompt in DevTools). */
  | { kind: 'denied'; permission: string; reason?: string }
  | { kind: 'ran'; run: ActiveRun }
  | { kind: 'failed'; message: string };

const wire = (method: string, url: string, headers: ActivePlan['headers']) =>
  [`${method} ${url}`, ...headers.map((h) => `${h.name}: ${h.value}`)].join('\n');

/**
 * Loaded on the first click of an active check (a dynamic import: the panel's first paint does not
 * pay for it). One active check: first exactly what will be sent where (the token by its fingerprint), then, on
 * Send, the answer. The issuer's host permission is asked in the Send click itself, before
 * anything is awaited: Chrome shows its prompt only inside the user's gesture.
 */
export function ActiveDialog({
  plan,
  entry,
  active,
  onClose,
}: {
  plan: ActivePlan;
  entry: PanelEntry;
  active: ActiveServices;
  onClose: () => void;
}) {
  const { store } = usePanel();
  const [url, setUrl] = useState(plan.url);
  const [phase, setPhase] = useState<Phase>({ kind: 'confirm' });
  const text = ACTION_TEXT[plan.action];
  const asksPermission = plan.permission !== null && plan.noSend === undefined;
  const done = useRef<HTMLButtonElement>(null);
  // The buttons that had the focus are gone once it ran: keyboard users land on "Done".
  useEffect(() => {
    if (phase.kind !== 'confirm' && phase.kind !== 'running') done.current?.focus();
  }, [phase.kind]);

  const send = () => {
    const granted: Promise<boolean | Error> = asksPermission
      ? active
          .requestPermission(plan.permission!)
          .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
      : Promise.resolve(true);
    setPhase({ kind: 'running' });
    void granted
      .then(async (ok) => {
        if (ok !== true)
          return setPhase({
            kind: 'denied',
            permission: plan.permission!,
            ...(ok instanceof Error ? { reason: ok.message } : {}),
          });
        const run = await active.run(entry, plan.action, url);
        const current = store.all.value.find((e) => e.id === entry.id) ?? entry;
        const updated = withRun(current, run);
        if (updated) store.dispatch({ type: 'entry-updated', entry: updated });
        setPhase(
          run.kind === 'not-granted'
            ? { kind: 'denied', permission: run.permission }
            : { kind: 'ran', run },
        );
      })
      .catch((error: unknown) =>
        setPhase({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  };

  return (
    <Dialog title={text.title} onClose={onClose} wide>
      <div class="active-dialog" data-action={plan.action} data-phase={phase.kind}>
        <p>
          <RichText text={plan.purpose} />
        </p>
        {plan.warning && (
          <p class="active-result active-result--warn" role="alert" data-testid="plan-warning">
            <RichText text={plan.warning} />
          </p>
        )}
        {plan.alternatives.length > 0 && (
          <fieldset class="active-dialog__routes" disabled={phase.kind !== 'confirm'}>
            <legend>Route</legend>
            {[plan.url, ...plan.alternatives].map((u) => (
              <label key={u}>
                <input
                  type="radio"
                  name="route"
                  value={u}
                  checked={url === u}
                  onChange={() => setUrl(u)}
                />{' '}
                <span class="mono">{visible(new URL(u).pathname)}</span>
              </label>
            ))}
          </fieldset>
        )}
        <h3 id="will-send-title">
          {plan.noSend
            ? 'Nothing will be sent'
            : phase.kind === 'confirm'
              ? 'What will be sent'
              : 'Sent'}
        </h3>
        {plan.noSend ? (
          <p data-testid="no-send">
            <RichText text={plan.noSend} />
          </p>
        ) : (
          <>
            <pre class="wire" aria-labelledby="will-send-title" data-testid="will-send">
              {visible(wire(plan.method, url, plan.headers))}
            </pre>
            <ul class="active-dialog__notes muted" hidden={phase.kind !== 'confirm'}>
              {plan.headers.length === 0 ? (
                <li>No credentials: no token, no cookies.</li>
              ) : (
                <li>
                  The token is shown here by its fingerprint; the whole token is sent. No cookies,
                  and no other header.
                </li>
              )}
              {asksPermission && (
                <li data-testid="permission-note">
                  First your browser asks you to let Rhythm Auth read{' '}
                  <code>{visible(originOf(plan.permission!))}</code> (the token's issuer).
                </li>
              )}
            </ul>
          </>
        )}
        <Result phase={phase} />
        <div class="dialog__actions">
          {phase.kind === 'confirm' ? (
            <>
              <button type="button" onClick={onClose}>
                Cancel
              </button>
              <button type="button" class="primary" data-autofocus onClick={send}>
                {plan.noSend ? 'Record the result' : text.send}
              </button>
            </>
          ) : (
            <button type="button" ref={done} onClick={onClose} disabled={phase.kind === 'running'}>
              Done
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

function Result({ phase }: { phase: Phase }) {
  switch (phase.kind) {
    case 'confirm':
      return null;
    case 'running':
      return (
        <p class="muted" role="status" aria-busy="true">
          Sending…
        </p>
      );
    case 'denied': {
      const words = browserWords();
      return (
        <p
          class="active-result active-result--warn"
          role="status"
          data-testid="active-result"
          data-status="denied"
        >
          Permission to read <code>{visible(originOf(phase.permission))}</code> was not granted:
          nothing was sent, and the signature is still not verified.
          {phase.reason && (
            <>
              {' '}
              ({words.name} said: {visible(phase.reason.slice(0, 200))}. Where it can't ask from
              DevTools, allow the site for Rhythm Auth in {words.siteAccessSetting}, then try
              again.)
            </>
          )}
        </p>
      );
    }
    case 'failed':
      return (
        <p
          class="active-result active-result--fail error-text"
          role="alert"
          data-testid="active-result"
          data-status="error"
        >
          {phase.message}
        </p>
      );
    case 'ran':
      return <RunResult run={phase.run} />;
    default: {
      const unhandled: never = phase;
      return unhandled;
    }
  }
}

function RunResult({ run }: { run: ActiveRun }) {
  if (run.kind === 'no-token' || run.kind === 'refused' || run.kind === 'not-granted') {
    const message =
      run.kind === 'no-token'
        ? `${TOKEN_GONE} Nothing was sent.`
        : run.kind === 'refused'
          ? run.reason
          : 'Permission was not granted: nothing was sent.';
    return (
      <p
        class="active-result active-result--warn"
        role="status"
        data-testid="active-result"
        data-status={run.kind}
      >
        <RichText text={message} />
      </p>
    );
  }
  const { outcome, retry, exchange } = run;
  return (
    <div
      class={`active-result active-result--${outcome?.result.status ?? retry?.verdict ?? 'info'}`}
      role="status"
      data-testid="active-result"
      data-status={outcome?.result.status ?? retry?.verdict ?? 'done'}
    >
      {exchange && (
        <p class="mono" data-testid="answer">
          {visible(`${exchange.method} ${exchange.url}`)} →{' '}
          <strong>{exchange.status === 0 ? 'no answer' : exchange.status}</strong>
          {exchange.challenge && (
            <>
              <br />
              WWW-Authenticate: {visible(exchange.challenge.slice(0, 500))}
            </>
          )}
        </p>
      )}
      {outcome && (
        <>
          <p>
            <strong>
              {STATUS_MARK[outcome.result.status]} <RichText text={outcome.result.title} />
            </strong>{' '}
            <code class="muted">{outcome.id}</code>
          </p>
          <p>
            <RichText text={outcome.result.detail} />
          </p>
          {outcome.result.fix && (
            <p>
              <strong>Fix: </strong>
              <RichText text={outcome.result.fix} />
            </p>
          )}
        </>
      )}
      {retry && <RetryLine retry={retry} />}
    </div>
  );
}
