/**
 * "Rhythm Auth cannot see the Rhythm APIs": the popup's and the panel's banner while the user has
 * turned the extension's access to the Rhythm sites off (rhythm-access.ts), with a button that
 * asks again. It follows the permission live, so it goes away wherever the access comes back.
 */
import { useEffect, useState } from 'preact/hooks';
import { browserWords } from '../browser-name.js';
import {
  askRhythmAccess,
  hasRhythmAccess,
  RHYTHM_HOST_PATTERN,
  watchRhythmAccess,
  type AskOutcome,
  type PermissionsLike,
} from '../rhythm-access.js';
import { visible } from './visible.js';

/** `null` until known, then whether the extension may read the Rhythm sites. */
export function useRhythmAccess(permissions: PermissionsLike): boolean | null {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    const set = (next: boolean) => alive && setGranted(next);
    void hasRhythmAccess(permissions).then(set);
    const unwatch = watchRhythmAccess(permissions, set);
    return () => {
      alive = false;
      unwatch();
    };
  }, [permissions]);
  return granted;
}

export function RhythmAccessBanner({
  permissions,
  granted,
  inDevtools = false,
}: {
  permissions: PermissionsLike;
  granted: boolean | null;
  /** The panel in DevTools still reads DevTools' network log: say so. */
  inDevtools?: boolean;
}) {
  const [outcome, setOutcome] = useState<AskOutcome | null>(null);
  if (granted !== false) return null;
  const words = browserWords();
  return (
    <div class="access-banner" role="alert" data-testid="rhythm-access">
      <p>
        <strong>Rhythm Auth cannot see the Rhythm APIs.</strong> Its access to{' '}
        <code>{RHYTHM_HOST_PATTERN}</code> is turned off, so {words.name} hides their requests from
        it: no 401 is diagnosed or counted on the badge.
        {inDevtools && " While DevTools is open, this panel still reads DevTools' network log."}
      </p>
      <button
        type="button"
        class="primary"
        // Asked straight from the click: permission prompts need the user gesture.
        onClick={() => void askRhythmAccess(permissions).then(setOutcome)}
      >
        Allow access to the Rhythm sites
      </button>
      {outcome && !outcome.granted && (
        <p class="muted" data-testid="rhythm-access-refused">
          Not granted
          {outcome.reason ? ` (${words.name} said: ${visible(outcome.reason.slice(0, 200))})` : ''}.
          You can also turn it on in {words.siteAccessSetting}.
        </p>
      )}
    </div>
  );
}
