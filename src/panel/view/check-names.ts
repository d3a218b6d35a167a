/**
 * A check's name in a word or two, for the verdict's "also: audience, expiry". The ids stay the
 * contract (SPEC §3): they show on hover and in exports; this is only how the panel speaks.
 */
import { CHECK_IDS, type CheckId, type CheckResult } from '../../analyzer/index.js';

export const SHORT_CHECK_NAMES: Readonly<Record<CheckId, string>> = {
  'request.preflight': 'preflight',
  'header.name': 'header name',
  'header.present': 'header',
  'header.scheme': 'Bearer scheme',
  'token.format': 'token format',
  'token.kind': 'token kind',
  'token.audience': 'audience',
  'token.expiry': 'expiry',
  'token.issuer': 'issuer',
  'claims.tenant_id': 'tenant_id',
  'claims.customer_id': 'customer_id',
  'claims.contact_id': 'contact_id',
  'url.service': 'API host',
  'url.ids': 'URL ids',
  'url.tenant': 'URL tenant',
  'server.challenge': 'server challenge',
  'clock.skew': 'clock',
  'token.signature': 'signature',
  'contact.verified': 'Rolodex contact',
};

/** The short names of checks, in the order given, joined for a sentence. */
export function shortNames(checks: readonly CheckResult[]): string {
  return checks.map((c) => SHORT_CHECK_NAMES[c.id]).join(', ');
}

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}
