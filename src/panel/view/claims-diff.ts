/** What changed between the token of the last success to a host and the token of this 401. */
import type { LastSuccess } from '../../shared/stored.js';

export interface ClaimChange {
  name: string;
  kind: 'changed' | 'added' | 'removed';
  /** In the successful request's token. */
  before?: unknown;
  /** In this 401's token. */
  after?: unknown;
}

/** Claims people look at first; the rest follow in the tokens' order. */
const FIRST = [
  'aud',
  'iss',
  'http://rhythmsoftware.com/tenant_id',
  'http://rhythmsoftware.com/customer_id',
  'http://rhythmsoftware.com/contact_id',
  'sub',
  'azp',
  'gty',
  'scope',
  'exp',
  'iat',
];

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function diffClaims(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): ClaimChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const names = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rank = (n: string) => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length);
  names.sort((x, y) => rank(x) - rank(y));
  const changes: ClaimChange[] = [];
  for (const name of names) {
    const inBefore = Object.hasOwn(b, name);
    const inAfter = Object.hasOwn(a, name);
    if (inBefore && inAfter) {
      if (!same(b[name], a[name]))
        changes.push({ name, kind: 'changed', before: b[name], after: a[name] });
    } else if (inAfter) changes.push({ name, kind: 'added', after: a[name] });
    else changes.push({ name, kind: 'removed', before: b[name] });
  }
  return changes;
}

export interface SuccessComparison {
  success: LastSuccess;
  sameToken: boolean;
  changes: ClaimChange[];
  headerChanges: ClaimChange[];
}

export function compareWithSuccess(
  success: LastSuccess,
  token: {
    fingerprint: string | null;
    claims: Record<string, unknown> | null;
    header: Record<string, unknown> | null;
  },
): SuccessComparison {
  return {
    success,
    sameToken: success.fingerprint !== null && success.fingerprint === token.fingerprint,
    changes: diffClaims(success.claims, token.claims),
    headerChanges: diffClaims(success.header, token.header),
  };
}
