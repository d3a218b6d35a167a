/**
 * The Options page's form ↔ Settings: normalising what people type (a bare Auth0 domain, a URL
 * where a host was asked for) and refusing, with a message per field, what the checks could not
 * use. Pure; the page (src/options/) only renders it and saves the result.
 */
import { isRhythmApiHost } from '../analyzer/index.js';
import { MAX_KEEP_PER_TAB, type Settings } from '../shared/settings.js';

export interface SettingsForm {
  expectedIssuer: string;
  expectedClientId: string;
  /** One host per line (commas and spaces separate too). */
  extraApiHosts: string;
  capture403: boolean;
  keepPerTab: string;
}

export type SettingsField = keyof SettingsForm;
export type FieldErrors = Partial<Record<SettingsField, string>>;
export type Normalized = { value: string } | { error: string };

export const MAX_EXTRA_HOSTS = 20;

export function toForm(settings: Settings): SettingsForm {
  return {
    expectedIssuer: settings.expectedIssuer,
    expectedClientId: settings.expectedClientId,
    extraApiHosts: settings.extraApiHosts.join('\n'),
    capture403: settings.capture403,
    keepPerTab: String(settings.keepPerTab),
  };
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function isHostname(host: string): boolean {
  const labels = host.split('.');
  return host.length <= 253 && labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l));
}

/**
 * An Auth0 issuer as tokens carry it: `https://<domain>/`. Accepts a bare domain
 * (`acme-org.us.auth0.com`) and a missing trailing slash; refuses anything not https.
 */
export function normalizeIssuer(input: string): Normalized {
  const text = input.trim();
  if (text === '') return { value: '' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { error: `Not a domain or URL: "${text.slice(0, 80)}".` };
  }
  if (url.protocol !== 'https:')
    return { error: 'The issuer must be https (Auth0 issuers are https://<domain>/).' };
  if (url.username || url.password || url.search || url.hash || url.port)
    return { error: 'Only the Auth0 domain: no port, query, fragment or credentials.' };
  if (!isHostname(url.hostname))
    return { error: `"${url.hostname.slice(0, 80)}" is not a domain name.` };
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { value: `https://${url.hostname}${path}` };
}

/** A host as webRequest filters and the analyzer compare it: lowercase, no scheme, no path. */
export function normalizeHost(input: string): Normalized {
  const text = input.trim().toLowerCase();
  let host: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      host = new URL(text).hostname;
    } catch {
      return { error: `"${text.slice(0, 80)}" is not a host name.` };
    }
  } else host = text.replace(/\/.*$/, '');
  if (!isHostname(host)) return { error: `"${text.slice(0, 80)}" is not a host name.` };
  if (isRhythmApiHost(host))
    return { error: `${host} is a Rhythm API host: it is always watched.` };
  return { value: host };
}

/** Client ids are opaque, but never contain spaces or quotes: Auth0's are 32 letters and digits. */
const CLIENT_ID = /^[A-Za-z0-9._~-]{1,128}$/;

export function validateSettings(
  form: SettingsForm,
): { ok: true; settings: Settings } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};

  const issuer = normalizeIssuer(form.expectedIssuer);
  if ('error' in issuer) errors.expectedIssuer = issuer.error;

  const clientId = form.expectedClientId.trim();
  if (clientId !== '' && !CLIENT_ID.test(clientId))
    errors.expectedClientId =
      'A client id has only letters, digits and `-._~` (no spaces or quotes).';

  const hosts: string[] = [];
  const bad: string[] = [];
  for (const word of form.extraApiHosts.split(/[\s,]+/).filter((w) => w !== '')) {
    const host = normalizeHost(word);
    if ('error' in host) bad.push(host.error);
    else if (!hosts.includes(host.value)) hosts.push(host.value);
  }
  if (bad.length) errors.extraApiHosts = bad.join(' ');
  else if (hosts.length > MAX_EXTRA_HOSTS)
    errors.extraApiHosts = `At most ${MAX_EXTRA_HOSTS} hosts.`;

  const keepText = form.keepPerTab.trim();
  const keep = Number(keepText);
  if (!/^\d+$/.test(keepText) || keep < 1 || keep > MAX_KEEP_PER_TAB)
    errors.keepPerTab = `A whole number from 1 to ${MAX_KEEP_PER_TAB}.`;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      expectedIssuer: 'value' in issuer ? issuer.value : '',
      expectedClientId: clientId,
      extraApiHosts: hosts,
      capture403: form.capture403,
      keepPerTab: keep,
    },
  };
}

/** The host permissions extra API hosts need (webRequest sees a host only with one). */
export function hostPatterns(hosts: readonly string[]): string[] {
  return hosts.map((h) => `*://${h}/*`);
}

export function withoutHosts(hosts: readonly string[], drop: readonly string[]): string[] {
  return hosts.filter((h) => !drop.includes(h));
}

/**
 * Why a host is not watched though it is listed: the browser did not grant the permission to
 * read it, because the user declined its prompt or because the browser refused by itself
 * (`reason`, its own words: no user gesture, an enterprise policy).
 */
export function deniedHostsMessage(hosts: readonly string[], reason?: string): string {
  const list = hosts.join(', ');
  const why = reason
    ? `the browser refused (${reason.slice(0, 200)})`
    : 'the permission prompt was declined or closed';
  const them = hosts.length === 1 ? 'it is' : 'they are';
  return `Not granted: Rhythm Auth may not read ${list}, so ${them} not watched: ${why}. Everything else was saved. Save again to ask again.`;
}
