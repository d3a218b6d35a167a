import { isParsedUrl } from '../parse/url.js';
import { CLAIM_TENANT_ID, isContactCurrentPath } from '../rhythm.js';
import { quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, pass, skip } from './outcome.js';

/** SPEC §2: the tenant is the second path segment and must be the token's tenant_id. */
export const urlTenant: Check = {
  id: 'url.tenant',
  run(ctx) {
    const url = ctx.url;
    if (!isParsedUrl(url))
      return skip('No URL to check', 'The request URL is unknown or does not parse.');
    if (isContactCurrentPath(url.segments) && url.segments.length === 2) {
      return skip('No tenant in this path', '/contacts/current takes the tenant from the token.');
    }
    if (url.tenant === null)
      return skip('No tenant in this path', `The path /${url.path} has no second segment.`);
    const claim = ctx.claims?.[CLAIM_TENANT_ID];
    if (typeof claim !== 'string' || claim === '') {
      return skip(
        'No tenant_id to compare',
        `The path names tenant ${quote(url.tenant)}; the token has no tenant_id to compare it with.`,
      );
    }
    const quotedClaim = quote(claim);
    // The same text: the path's tenant, quoted, is the claim's.
    if (url.tenant === claim)
      return pass(
        `Path tenant matches the token (${quotedClaim})`,
        `Path tenant ${quotedClaim} = tenant_id ${quotedClaim}.`,
      );
    const quotedTenant = quote(url.tenant);
    const caseOnly = url.tenant.toLowerCase() === claim.toLowerCase();
    return fail(
      `Path tenant ${quotedTenant} is not the token's tenant ${quotedClaim}`,
      `The second path segment is ${quotedTenant} but the token's tenant_id is ${quotedClaim}${caseOnly ? ' (they differ only in letter case)' : ''}. A token is valid only for its own tenant.`,
      `Use /${url.segments[0] ?? '{resource}'}/${claim}/… in the URL, or a token issued for ${quotedTenant}.`,
    );
  },
};
