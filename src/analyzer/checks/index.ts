import { CHECK_IDS, type CheckId } from '../types.js';
import { contactVerified, tokenSignature } from './active.js';
import { claimsContactId } from './claims-contact-id.js';
import { claimsCustomerId } from './claims-customer-id.js';
import { claimsTenantId } from './claims-tenant-id.js';
import { clockSkew } from './clock-skew.js';
import { headerName } from './header-name.js';
import { headerPresent } from './header-present.js';
import { headerScheme } from './header-scheme.js';
import type { Check } from './outcome.js';
import { requestPreflight } from './request-preflight.js';
import { serverChallenge } from './server-challenge.js';
import { tokenAudience } from './token-audience.js';
import { tokenExpiry } from './token-expiry.js';
import { tokenFormat } from './token-format.js';
import { tokenIssuer } from './token-issuer.js';
import { tokenKind } from './token-kind.js';
import { urlIds } from './url-ids.js';
import { urlService } from './url-service.js';
import { urlTenant } from './url-tenant.js';

/** Every check, keyed by id: a missing or extra id is a type error. */
const BY_ID: Record<CheckId, Check> = {
  'request.preflight': requestPreflight,
  'header.name': headerName,
  'header.present': headerPresent,
  'header.scheme': headerScheme,
  'token.format': tokenFormat,
  'token.kind': tokenKind,
  'token.audience': tokenAudience,
  'token.expiry': tokenExpiry,
  'token.issuer': tokenIssuer,
  'claims.tenant_id': claimsTenantId,
  'claims.customer_id': claimsCustomerId,
  'claims.contact_id': claimsContactId,
  'url.service': urlService,
  'url.ids': urlIds,
  'url.tenant': urlTenant,
  'server.challenge': serverChallenge,
  'clock.skew': clockSkew,
  'token.signature': tokenSignature,
  'contact.verified': contactVerified,
};

export function checkFor(id: CheckId): Check {
  return BY_ID[id];
}

/** Every check in checklist order, looked up once (analyze runs them all for each request). */
export const CHECKS_IN_ORDER: ReadonlyArray<{ id: CheckId; check: Check }> = CHECK_IDS.map(
  (id) => ({ id, check: BY_ID[id] }),
);
