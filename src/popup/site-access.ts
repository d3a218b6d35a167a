/**
 * "Watch requests from this site": Chrome and Firefox show an extension a request only when it
 * may access both the request URL and its initiator (SPEC §7), so an app on another origin needs
 * an optional host permission for that origin, asked at the click.
 */
import browser from 'webextension-polyfill';

export type SiteAccess =
  | { kind: 'rhythm' } // a Rhythm site: watched while its access is on (shared/rhythm-access.ts)
  | { kind: 'granted'; origin: string }
  | { kind: 'not-granted'; origin: string; pattern: string }
  | { kind: 'unsupported' }; // chrome://, file://, or unknown

export function originPattern(url: string): { origin: string; pattern: string } | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return { origin: u.origin, pattern: `${u.protocol}//${u.hostname}/*` };
  } catch {
    return null;
  }
}

export async function siteAccess(url: string | undefined): Promise<SiteAccess> {
  const o = url ? originPattern(url) : null;
  if (!o) return { kind: 'unsupported' };
  const host = new URL(o.origin).hostname;
  if (host === 'rhythmsoftware.com' || host.endsWith('.rhythmsoftware.com'))
    return { kind: 'rhythm' };
  const granted = await browser.permissions.contains({ origins: [o.pattern] });
  return granted ? { kind: 'granted', origin: o.origin } : { kind: 'not-granted', ...o };
}

export function requestSiteAccess(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}
