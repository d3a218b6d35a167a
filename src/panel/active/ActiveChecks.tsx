import { useEffect, useState } from 'preact/hooks';
import {
  ACTIVE_ACTIONS,
  isRefusal,
  type ActiveAction,
  type ActivePlan,
  type ActivePlans,
} from '../../shared/active.js';
import { RichText } from '../../shared/ui/RichText.js';
import { STATUS_LABEL, STATUS_MARK } from '../../shared/ui/format.js';
import { usePanel, type ActiveServices } from '../services.js';
import type { PanelEntry } from '../entry.js';
import { lazy } from '../components/Lazy.js';
import type { ActiveDialog as DialogView } from './ActiveDialog.js';
import { RetryLine } from './RetryLine.js';
import { notHeldText } from './with-run.js';

const BUTTONS: Readonly<Record<ActiveAction, string>> = {
  signature: 'Verify signature…',
  contact: 'Verify with Rolodex…',
  retry: 'Retry with fix…',
};

/** The dialog's code, loaded on the first click (kept out of the panel's first load). */
const Dialog = lazy<Parameters<typeof DialogView>[0]>(() =>
  import('./ActiveDialog.js').then((m) => m.ActiveDialog),
);

/**
 * The active checks of one entry: verify the signature, ask Rolodex, retry with the fix. Each
 * opens a dialog that shows what it will send before sending it (SPEC §7); a button that can't run
 * here is disabled and says why.
 */
export function ActiveChecks({ entry }: { entry: PanelEntry }) {
  const active = usePanel().services.active;
  if (!active) return null;
  return <ActiveSection entry={entry} active={active} />;
}

function ActiveSection({ entry, active }: { entry: PanelEntry; active: ActiveServices }) {
  const [plans, setPlans] = useState<ActivePlans | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<ActivePlan | null>(null);
  const [version, setVersion] = useState(0);
  const cause = entry.diagnosis.rootCause?.id ?? null;

  useEffect(() => {
    let alive = true;
    setError(null);
    if (entry.source === 'har') return;
    active.plan(entry).then(
      (p) => alive && setPlans(p),
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
    // The plans follow the root cause (a result may change it), not every render of the entry.
  }, [entry.id, cause, version]);

  const checks = entry.diagnosis.checks.filter(
    (c) => (c.id === 'token.signature' || c.id === 'contact.verified') && c.status !== 'skip',
  );
  return (
    <section class="section active" aria-labelledby="h-active" data-testid="active-checks">
      <h2 id="h-active">Active checks</h2>
      <p class="muted note">
        They call the network, so they run only when you click, and show what they will send first.
      </p>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {entry.source === 'har' && (
        <p class="muted" role="note" data-testid="token-unavailable">
          Read from a HAR file: paste this request's token (Paste token…) to run the active checks
          on it.
        </p>
      )}
      {plans && !plans.held && (
        <p
          class={plans.why === 'none-sent' || plans.why === 'preflight' ? 'muted' : 'active__gone'}
          role="note"
          data-testid="token-unavailable"
          data-why={plans.why ?? 'unknown'}
        >
          {notHeldText(plans.why)}
        </p>
      )}
      <div class="active__actions">
        {ACTIVE_ACTIONS.map((action) => (
          <ActionButton
            key={action}
            action={action}
            plans={plans}
            onOpen={(plan) =>
              void Dialog.load().then(
                () => setOpen(plan),
                (e: unknown) =>
                  setError(`The dialog did not load (${String(e)}): reload the panel.`),
              )
            }
          />
        ))}
      </div>
      {(checks.length > 0 || entry.retry) && (
        <ul class="active__results" aria-label="Active check results">
          {checks.map((c) => (
            <li key={c.id} class={`result--${c.status}`} data-result={c.id} data-status={c.status}>
              <span class="result__mark" role="img" aria-label={STATUS_LABEL[c.status]}>
                {STATUS_MARK[c.status]}
              </span>{' '}
              <RichText text={c.title} />
            </li>
          ))}
          {entry.retry && (
            <li data-result="retry" data-verdict={entry.retry.verdict}>
              <RetryLine retry={entry.retry} />
            </li>
          )}
        </ul>
      )}
      {open && (
        <Dialog
          plan={open}
          entry={entry}
          active={active}
          onClose={() => {
            setOpen(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </section>
  );
}

function ActionButton({
  action,
  plans,
  onOpen,
}: {
  action: ActiveAction;
  plans: ActivePlans | null;
  onOpen: (plan: ActivePlan) => void;
}) {
  const plan = plans?.held ? plans.plans[action] : null;
  const refused = plan && isRefusal(plan) ? plan.refused : null;
  const whyId = `why-${action}`;
  return (
    <div class="active__action">
      <button
        type="button"
        data-action={action}
        disabled={!plan || refused !== null}
        aria-describedby={refused ? whyId : undefined}
        onClick={() => plan && !isRefusal(plan) && onOpen(plan)}
      >
        {BUTTONS[action]}
      </button>
      {refused && (
        <span id={whyId} class="muted active__why" data-testid={`refused-${action}`}>
          <RichText text={refused} />
        </span>
      )}
    </div>
  );
}
