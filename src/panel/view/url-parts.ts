/** A Rhythm URL split the way SPEC §2 reads it: `https://<module>.api…/{resource}/{tenant}/{id…}`. */
import { parseUrl } from '../../analyzer/index.js';

export interface UrlParts {
  scheme: string;
  host: string;
  module: string | null;
  resource: string | null;
  tenant: string | null;
  /** The path after the tenant (`current`, an id, `id/sub`), or null. */
  id: string | null;
  /** The query as the diagnosis kept it (secrets already `[redacted]` by the analyzer). */
  query: string | null;
}

export function urlParts(url: string): UrlParts | { error: string } {
  if (url === '') return { error: 'no URL (pasted without one)' };
  const parsed = parseUrl(url);
  if ('error' in parsed) return parsed;
  const rest = parsed.segments.slice(2).join('/');
  const q = url.indexOf('?');
  const hash = url.indexOf('#');
  const query = q < 0 ? null : url.slice(q + 1, hash > q ? hash : undefined);
  return {
    scheme: parsed.protocol.replace(/:$/, ''),
    host: parsed.host,
    module: parsed.module,
    resource: parsed.resource,
    tenant: parsed.tenant,
    id: rest === '' ? null : rest,
    query: query === '' ? null : query,
  };
}
