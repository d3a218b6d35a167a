/**
 * What must not leave the machine, read from a captured request: the bearer token (found the way
 * the analyzer finds it, look-alike headers and query parameters included) and the values of
 * credential headers and credential-shaped parameters (secret-names.ts). Shells that export a
 * report pass these to the report builder, which scrubs them from every string; the Diagnosis
 * itself never holds them.
 */
import { readToken } from '../context.js';
import { safeDecode } from '../parse/url.js';
import type { CapturedRequest } from '../types.js';
import { headerClass, isSecretName } from './secret-names.js';

export interface RequestSecrets {
  /** The bearer token the analyzer read from the request, or null. */
  token: string | null;
  /** Whole credential header values, their whitespace-separated parts, secret query values. */
  secrets: string[];
}

function queryValues(url: string): string[] {
  const query = /\?([^#]*)/.exec(url)?.[1] ?? '';
  const fragment = /#(.*)$/.exec(url)?.[1] ?? '';
  const values: string[] = [];
  for (const pair of `${query}&${fragment}`.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && isSecretName(safeDecode(pair.slice(0, eq)))) values.push(pair.slice(eq + 1));
  }
  return values;
}

export function requestSecrets(request: CapturedRequest): RequestSecrets {
  const token = readToken(request).token;
  const secrets = new Set<string>();
  for (const header of request.requestHeaders) {
    if (headerClass(header.name) === 'plain') continue;
    secrets.add(header.value);
    secrets.add(header.value.trim());
    for (const part of header.value.split(/[\s,;]+/)) {
      secrets.add(part);
      // `name=value` cookie pairs: the value alone is the secret.
      const eq = part.indexOf('=');
      if (eq > 0) secrets.add(part.slice(eq + 1));
    }
  }
  for (const value of queryValues(request.url)) {
    secrets.add(value);
    secrets.add(safeDecode(value));
  }
  return { token, secrets: [...secrets].filter((s) => s.length > 0) };
}
