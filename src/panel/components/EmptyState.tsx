import { usePanel } from '../services.js';

/** No 401 yet: what is watched, and how paste mode helps with tokens no browser saw. */
export function EmptyState({ onPaste }: { onPaste: () => void }) {
  const { services } = usePanel();
  return (
    <main class="empty" aria-label="No 401s yet" data-testid="empty">
      <h2>No 401s from the Rhythm APIs in this tab yet</h2>
      <p>
        Watching requests to <code>*.api.rhythmsoftware.com</code>
        {services.inDevtools ? (
          <>
            {' '}
            from this tab, made by <strong>any site</strong> while DevTools is open (including what
            DevTools recorded before this panel was opened).
          </>
        ) : (
          <>
            {' '}
            made by pages on <code>*.rhythmsoftware.com</code> (and by the sites you allowed from
            the toolbar popup). Open this panel in DevTools to see calls from any site.
          </>
        )}{' '}
        Each 401 appears here live with its root cause, the checklist, and the decoded token.
      </p>
      <h3>A HAR file?</h3>
      <p>
        <strong>Import HAR…</strong> in the toolbar, or drop the file on this panel: its 401s from
        the Rhythm APIs get the same diagnosis, tagged HAR. They stay in this panel: not stored, and
        not counted on the badge.
      </p>
      <h3>A token from server code?</h3>
      <p>
        Paste it: a token, an <code>Authorization:</code> line, or a curl command (Network → right
        click → Copy → Copy as cURL), optionally with the URL it was sent to. You get the same
        diagnosis. Pasted tokens stay in this panel: they are not stored, and not counted on the
        badge.
      </p>
      <button type="button" class="primary" onClick={onPaste}>
        Paste a token…
      </button>
    </main>
  );
}
