/**
 * The extension's access to the Rhythm sites (the manifest's host permission). The user can turn
 * it off: Firefox's about:addons Permissions toggle (or `extensions.originControls.grantByDefault`
 * false at install), Chrome's site access menu. Then the browser hides every Rhythm request from
 * the extension, so nothing is diagnosed: the popup and the panel must notice and offer to ask
 * again (SPEC §11). The browser API is handed in: the pages pass `browser.permissions`.
 */

/** The manifest's `host_permissions`: the app pages (initiators) and the APIs. */
export const RHYTHM_HOST_PATTERN = '*://*.rhythmsoftware.com/*';

interface PermissionEvent {
  addListener(listener: () => void): void;
  removeListener(listener: () => void): void;
}

/** The slice of `browser.permissions` used here. */
export interface PermissionsLike {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  onAdded: PermissionEvent;
  onRemoved: PermissionEvent;
}

/** What asking gave: granted, refused by the user, or refused by the browser (its words). */
export type AskOutcome = { granted: true } | { granted: false; reason?: string };

export function hasRhythmAccess(permissions: PermissionsLike): Promise<boolean> {
  return permissions.contains({ origins: [RHYTHM_HOST_PATTERN] }).catch(() => false);
}

/**
 * Asks for the access again. Call it straight from a click, with no await before it: both
 * browsers show the prompt only inside the user's gesture.
 */
export function askRhythmAccess(permissions: PermissionsLike): Promise<AskOutcome> {
  let asked: Promise<boolean>;
  try {
    asked = permissions.request({ origins: [RHYTHM_HOST_PATTERN] });
  } catch (error) {
    asked = Promise.reject(error);
  }
  return asked.then(
    (granted): AskOutcome => (granted ? { granted: true } : { granted: false }),
    (error: unknown): AskOutcome => ({
      granted: false,
      reason: error instanceof Error ? error.message : String(error),
    }),
  );
}

/** Calls `onChange` with the access after every permission change; returns the unsubscribe. */
export function watchRhythmAccess(
  permissions: PermissionsLike,
  onChange: (granted: boolean) => void,
): () => void {
  const recheck = () => void hasRhythmAccess(permissions).then(onChange);
  permissions.onAdded.addListener(recheck);
  permissions.onRemoved.addListener(recheck);
  return () => {
    permissions.onAdded.removeListener(recheck);
    permissions.onRemoved.removeListener(recheck);
  };
}
