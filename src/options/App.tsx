import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, MAX_KEEP_PER_TAB, type Settings } from '../shared/settings.js';
import {
  deniedHostsMessage,
  hostPatterns,
  toForm,
  withoutHosts,
  validateSettings,
  type FieldErrors,
  type SettingsField,
  type SettingsForm,
} from './settings-form.js';
import { RichText } from '../shared/ui/RichText.js';
import type { OptionsStore } from './store.js';

type Status =
  | { kind: 'loading' }
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'partly'; denied: string[] }
  | { kind: 'failed'; message: string };

function statusText(status: Status, invalid: boolean): string {
  switch (status.kind) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved. It applies from the next request.';
    case 'partly':
      return `Saved, except ${status.denied.join(', ')} (see Extra API hosts).`;
    case 'failed':
      return status.message;
    case 'loading':
    case 'idle':
      return invalid ? 'Not saved: correct the fields marked above.' : '';
  }
}

const FIELD_ORDER: SettingsField[] = [
  'expectedIssuer',
  'expectedClientId',
  'extraApiHosts',
  'capture403',
  'keepPerTab',
];

/**
 * The Options page: the expected issuer and client id (token.issuer compares against them), extra
 * API hosts to watch (each asked as a host permission on Save), 403s on or off, how many 401s to
 * keep per tab. Every field has a label, a hint and its own error; the first wrong one gets focus.
 */
export function App({ store }: { store: OptionsStore }) {
  const [form, setForm] = useState<SettingsForm>(toForm(DEFAULT_SETTINGS));
  const [saved, setSaved] = useState<Settings>(DEFAULT_SETTINGS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    store.load().then(
      (settings) => {
        setSaved(settings);
        setForm(toForm(settings));
        setStatus({ kind: 'idle' });
      },
      (e: unknown) =>
        setStatus({ kind: 'failed', message: `Could not read the settings: ${String(e)}` }),
    );
  }, [store]);

  const set = (patch: Partial<SettingsForm>) => {
    setForm({ ...form, ...patch });
    if (status.kind === 'saved' || status.kind === 'partly' || status.kind === 'failed')
      setStatus({ kind: 'idle' });
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const result = validateSettings(form);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus({ kind: 'idle' });
      const first = FIELD_ORDER.find((f) => result.errors[f] !== undefined);
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const next = result.settings;
    const added = next.extraApiHosts.filter((h) => !saved.extraApiHosts.includes(h));
    const removed = saved.extraApiHosts.filter((h) => !next.extraApiHosts.includes(h));
    // Asked first, before anything is awaited: the prompt needs this click's user gesture.
    const asked = store.requestHosts(hostPatterns(added));
    setErrors({});
    setStatus({ kind: 'saving' });
    void asked
      .then(async (grant) => {
        // A host the browser did not grant is left out of what is saved, and only it: the
        // other fields and hosts are saved, and the form keeps it for another try.
        const denied = added.filter((h, i) => grant.denied.includes(hostPatterns(added)[i]!));
        const kept = { ...next, extraApiHosts: withoutHosts(next.extraApiHosts, denied) };
        await store.save(kept);
        await store.releaseHosts(hostPatterns(removed));
        setSaved(kept);
        setForm(toForm(next));
        if (denied.length === 0) return setStatus({ kind: 'saved' });
        setErrors({ extraApiHosts: deniedHostsMessage(denied, grant.reason) });
        setStatus({ kind: 'partly', denied });
      })
      .catch((error: unknown) =>
        setStatus({
          kind: 'failed',
          message: `Not saved: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
  };

  const field = (name: SettingsField) => ({
    id: name,
    name,
    'aria-invalid': errors[name] !== undefined,
    'aria-describedby': `${name}-hint${errors[name] !== undefined ? ` ${name}-error` : ''}`,
  });
  /** A text field's props: no spelling help or autofill (domains, ids and hosts are not words). */
  const text = (name: 'expectedIssuer' | 'expectedClientId' | 'extraApiHosts') => ({
    ...field(name),
    spellcheck: false,
    autocomplete: 'off',
    value: form[name],
    onInput: (e: { currentTarget: { value: string } }) => {
      const patch: Partial<SettingsForm> = {};
      patch[name] = e.currentTarget.value;
      set(patch);
    },
  });
  const error = (name: SettingsField) =>
    errors[name] !== undefined && (
      <p id={`${name}-error`} class="field__error" data-testid={`error-${name}`}>
        <RichText text={errors[name]!} />
      </p>
    );

  return (
    <main class="options" aria-busy={status.kind === 'loading'}>
      <h1>Rhythm Auth settings</h1>
      <p class="muted">
        Kept in your browser's synced settings. Nothing here is a secret: no token, no client
        secret.
      </p>
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Settings">
        <fieldset>
          <legend>Your Auth0 application</legend>
          <div class="field">
            <label for="expectedIssuer">Expected issuer (Auth0 domain)</label>
            <input
              {...text('expectedIssuer')}
              type="text"
              placeholder="https://acme-org.us.auth0.com/"
            />
            <p id="expectedIssuer-hint" class="field__hint muted">
              <code>token.issuer</code> fails when a token comes from another issuer. A bare domain
              is fine (<code>acme-org.us.auth0.com</code>); empty: any https issuer passes.
            </p>
            {error('expectedIssuer')}
          </div>
          <div class="field">
            <label for="expectedClientId">Client id</label>
            <input {...text('expectedClientId')} type="text" />
            <p id="expectedClientId-hint" class="field__hint muted">
              Your app's Auth0 client id: <code>token.issuer</code> warns when a token's{' '}
              <code>azp</code> names another client.
            </p>
            {error('expectedClientId')}
          </div>
        </fieldset>
        <fieldset>
          <legend>What to watch</legend>
          <div class="field">
            <label for="extraApiHosts">Extra API hosts</label>
            <textarea
              {...text('extraApiHosts')}
              rows={3}
              placeholder="rolodex.staging.example.com"
            />
            <p id="extraApiHosts-hint" class="field__hint muted">
              One per line, e.g. a staging domain. Their 401s are diagnosed like the Rhythm hosts'.
              Saving asks your browser to let Rhythm Auth read each new one.
            </p>
            {error('extraApiHosts')}
          </div>
          <div class="field field--check">
            <input
              {...field('capture403')}
              type="checkbox"
              checked={form.capture403}
              onChange={(e) => set({ capture403: e.currentTarget.checked })}
            />
            <label for="capture403">Diagnose 403 Forbidden too</label>
            <p id="capture403-hint" class="field__hint muted">
              A 403 means the token was accepted but lacks a permission; the same checks often show
              why.
            </p>
          </div>
          <div class="field">
            <label for="keepPerTab">Diagnoses kept per tab</label>
            <input
              {...field('keepPerTab')}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_KEEP_PER_TAB}
              step={1}
              class="field__number"
              value={form.keepPerTab}
              onInput={(e) => set({ keepPerTab: e.currentTarget.value })}
            />
            <p id="keepPerTab-hint" class="field__hint muted">
              1 to {MAX_KEEP_PER_TAB}; the oldest go first. They are kept in memory only, until the
              tab closes.
            </p>
            {error('keepPerTab')}
          </div>
        </fieldset>
        {/* Fixed at the bottom of the window, Save first: no message above or beside it moves it. */}
        <div class="options__actions">
          <div class="options__bar">
            <button
              type="submit"
              class="primary"
              disabled={status.kind === 'loading' || status.kind === 'saving'}
            >
              Save
            </button>
            <span
              role="status"
              data-testid="status"
              class={
                status.kind === 'failed' || status.kind === 'partly' ? 'field__error' : 'muted'
              }
            >
              {statusText(status, Object.keys(errors).length > 0)}
            </span>
          </div>
        </div>
      </form>
    </main>
  );
}
