/**
 * The first-run page (src/welcome/) opens once, when the extension is installed: never when it
 * is updated or reloaded, the browser updates, or a shared module updates (`runtime.onInstalled`
 * reasons), nor when the browser starts (no onInstalled at all).
 */
export function opensWelcome(details: { reason: string }): boolean {
  return details.reason === 'install';
}
