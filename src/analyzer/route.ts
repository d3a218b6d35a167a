/**
 * A request's route: its path as a template, so "the last success" is a request like this one
 * (same host, same route, same kind of subject), not any 200 to the host. Rhythm paths read
 * `/{resource}/{tenant}/{id…}` (SPEC §2): the tenant and anything id-shaped become placeholders,
 * words stay (`/contacts/{tenant}/current`, `/events/{tenant}/{id}/registrations`).
 */
import type { TokenSubject } from './types.js';
import { parseUrl } from './parse/url.js';

/** Letters, `-` and `_` only, short: a word of the route, not an id. */
const WORD = /^[A-Za-z][A-Za-z_-]{0,39}$/;
const HEXISH = /^[0-9a-f-]{16,}$/i;

export function routeOf(url: string): string | null {
  const parsed = parseUrl(url);
  if ('error' in parsed) return null;
  const parts = parsed.segments.map((s, i) => {
    if (i === 0) return s;
    if (i === 1) return '{tenant}';
    return WORD.test(s) && !HEXISH.test(s) ? s : '{id}';
  });
  return `/${parts.join('/')}`;
}

/** The key a last success is kept under, and looked up by: host, route, subject. */
export function successKey(host: string, route: string, subject: TokenSubject): string {
  return `${host} ${route} ${subject}`;
}
