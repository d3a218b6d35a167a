/**
 * The checklist grouped the way the user's 401 guide is (seed: "Troubleshooting Unauthorized (401)
 * Errors"), then the checks the guide does not have. `token.format` sits with the claims: the
 * guide's step 3 is "decode the access token", and a token that does not decode has no claims.
 */
import { CHECK_IDS, type CheckId, type CheckResult } from '../../analyzer/index.js';

export const GROUP_IDS = [
  'header',
  'audience',
  'claims',
  'first-login',
  'contact',
  'base-url',
  'more',
] as const;
export type GroupId = (typeof GROUP_IDS)[number];

export const GROUP_TITLES: Readonly<Record<GroupId, string>> = {
  header: '1. Authorization header',
  audience: '2. Audience',
  claims: '3. Token and claims',
  'first-login': '4. First login',
  contact: '5. Contact',
  'base-url': '6. API base URL',
  more: 'More checks',
};

/** Exhaustive: a new check id breaks the build until it has a group. */
export function groupOf(id: CheckId): GroupId {
  switch (id) {
    case 'request.preflight':
    case 'header.name':
    case 'header.present':
    case 'header.scheme':
      return 'header';
    case 'token.audience':
    case 'token.kind':
      return 'audience';
    case 'token.format':
    case 'claims.tenant_id':
    case 'claims.customer_id':
      return 'claims';
    case 'claims.contact_id':
      return 'first-login';
    case 'contact.verified':
      return 'contact';
    case 'url.service':
    case 'url.ids':
    case 'url.tenant':
      return 'base-url';
    case 'token.expiry':
    case 'token.issuer':
    case 'token.signature':
    case 'server.challenge':
    case 'clock.skew':
      return 'more';
    default: {
      const unhandled: never = id;
      return unhandled;
    }
  }
}

export interface CheckGroup {
  id: GroupId;
  title: string;
  checks: CheckResult[];
}

/** The groups in guide order; inside a group, checks keep the order of CHECK_IDS (SPEC §3). */
export function groupChecks(checks: readonly CheckResult[]): CheckGroup[] {
  const rank = (c: CheckResult) => CHECK_IDS.indexOf(c.id);
  return GROUP_IDS.map((id) => ({
    id,
    title: GROUP_TITLES[id],
    checks: checks.filter((c) => groupOf(c.id) === id).sort((a, b) => rank(a) - rank(b)),
  })).filter((g) => g.checks.length > 0);
}

export interface FoldedChecks {
  /** Failed, warned and context: listed. */
  open: CheckResult[];
  /** Passed and not applicable (or an active check not run): folded away. */
  folded: CheckResult[];
  passed: number;
  skipped: number;
}

/** What the checklist lists and what it folds away. */
export function foldChecks(checks: readonly CheckResult[]): FoldedChecks {
  const isFolded = (c: CheckResult) => c.status === 'pass' || c.status === 'skip';
  const folded = checks.filter(isFolded);
  return {
    open: checks.filter((c) => !isFolded(c)),
    folded,
    passed: folded.filter((c) => c.status === 'pass').length,
    skipped: folded.filter((c) => c.status === 'skip').length,
  };
}
