import { useRef, useState } from 'preact/hooks';
import { parsePaste } from './parse-paste.js';
import { PASTE_KINDS, pastedEntry, readPaste } from './paste.js';
import { usePanel } from '../services.js';
import { Dialog } from '../components/Dialog.js';

let seq = 0;

/**
 * Paste mode: a token, an `Authorization:` line or a curl command (and optionally the URL) → the
 * same diagnosis, made here with sentAt = now. Shown in the list as "pasted", never sent anywhere.
 */
export function PasteDialog({ onClose }: { onClose: () => void }) {
  const { store, services } = usePanel();
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const kind = parsePaste(text).kind;

  const submit = (e: Event) => {
    e.preventDefault();
    const now = services.now();
    const pasted = readPaste({ text, url }, now);
    if ('error' in pasted) {
      setError(pasted.error);
      textRef.current?.focus();
      return;
    }
    seq += 1;
    const entry = pastedEntry(pasted, {
      tabId: services.tabId,
      now,
      seq: now * 1000 + seq,
      settings: services.settings(),
    });
    // The request (and its token) stays in this panel's memory for the entry's active checks.
    services.active?.holdRequest(entry.id, pasted.request);
    store.dispatch({ type: 'pasted', entry });
    onClose();
  };

  return (
    <Dialog title="Diagnose a pasted token" onClose={onClose}>
      <form class="paste" onSubmit={submit}>
        <label for="paste-text">Token, Authorization line, or curl command</label>
        <textarea
          id="paste-text"
          ref={textRef}
          rows={7}
          spellcheck={false}
          autocomplete="off"
          value={text}
          aria-describedby="paste-kind paste-privacy"
          aria-invalid={error !== ''}
          placeholder={
            "eyJhbGciOi…\nAuthorization: Bearer eyJhbGciOi…\ncurl 'https://rolodex.api.rhythmsoftware.com/…' -H 'Authorization: Bearer …'"
          }
          onInput={(e) => {
            setText(e.currentTarget.value);
            setError('');
          }}
        />
        <p id="paste-kind" class="muted" data-testid="paste-kind">
          {kind === 'empty' ? 'Nothing pasted yet.' : `Read as ${PASTE_KINDS[kind]}.`}
        </p>
        <label for="paste-url">URL it was sent to (optional)</label>
        <input
          id="paste-url"
          type="url"
          spellcheck={false}
          autocomplete="off"
          placeholder="https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
        <p id="paste-privacy" class="muted">
          Diagnosed in this panel, now. The token stays in this panel's memory: it is not stored,
          not sent anywhere, and not counted on the badge.
        </p>
        <div class="dialog__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary">
            Diagnose
          </button>
        </div>
      </form>
    </Dialog>
  );
}
