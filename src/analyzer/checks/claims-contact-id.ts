import { isParsedUrl } from '../parse/url.js';
import {
  CLAIM_CONTACT_ID,
  CONTACT_MODULES,
  homeModuleOf,
  isContactCurrentPath,
} from '../rhythm.js';
import { quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, info, noToken, pass, warn } from './outcome.js';

const FIRST_LOGIN =
  'A user token gets `contact_id` only after the user has logged into the Rhythm UI at least once (that creates the contact record); until then calls that need a contact return 401 even though the token is otherwise valid.';
const FIX_FIRST_LOGIN =
  'Have the user log into the Rhythm UI once, then get a new token (the old one will never gain the claim).';

/** Guide §3 and §4: `contact_id`, which user calls about "the current contact" need. */
export const claimsContactId: Check = {
  id: 'claims.contact_id',
  run(ctx) {
    const claims = ctx.claims;
    if (!claims) return noToken(ctx, 'contact_id claim');
    const url = isParsedUrl(ctx.url) ? ctx.url : null;
    const segments = url?.segments ?? [];
    const contactRoute = isContactCurrentPath(segments);
    const module = url ? (url.module ?? homeModuleOf(url.resource)) : null;
    const value = claims[CLAIM_CONTACT_ID];
    const present = (typeof value === 'string' && value !== '') || typeof value === 'number';

    if (present) {
      const quoted = quote(value);
      const pathId = segments[0] === 'contacts' && segments.length >= 3 ? segments[2] : undefined;
      if (
        ctx.subject !== 'm2m' &&
        pathId !== undefined &&
        pathId !== 'current' &&
        pathId !== String(value)
      ) {
        const quotedPath = quote(pathId);
        return warn(
          `Path names contact ${quotedPath}, the token's contact_id is ${quoted}`,
          `The URL asks for contact ${quotedPath}, but this user's token carries \`contact_id\` ${quoted}. A user may only be allowed to act on their own contact.`,
          `Use the token's contact_id in paths that need the current contact: /contacts/${url?.tenant ?? '{tenantId}'}/${String(value)} (or /contacts/current).`,
        );
      }
      return pass(`contact_id is ${quoted}`, `\`${CLAIM_CONTACT_ID}\` is ${quoted}.`);
    }

    if (ctx.subject === 'm2m') {
      if (contactRoute) {
        return fail(
          'Machine-to-machine token on a "current contact" route',
          `${url ? `The call ${ctx.method} /${url.path} ` : 'This call '}resolves the contact of the token, but client-credentials tokens never carry \`contact_id\`: there is no user behind them.`,
          'Call this route with a user access token (a user logged in through your app), or address the contact by id with the M2M token: /contacts/{tenantId}/{contactId}.',
        );
      }
      return info(
        'No contact_id (machine-to-machine token)',
        'Client-credentials tokens never carry `contact_id`; that is expected unless the call needs a current contact.',
      );
    }

    const why =
      value === undefined
        ? `The token has no \`${CLAIM_CONTACT_ID}\` claim.`
        : `\`${CLAIM_CONTACT_ID}\` is ${quote(value)}.`;
    const needsContact = contactRoute || (module !== null && CONTACT_MODULES.includes(module));
    if (ctx.subject === 'unknown') {
      // No `sub`: nothing says whose token it is, so no first-login story about a user.
      const detail = `${why} Its claims name no subject (\`sub\`), so whether it is a user's or a machine's token cannot be told. Rhythm gives a user's token \`contact_id\` once the user has logged into the Rhythm UI; machine-to-machine tokens never carry it.`;
      const fix = `Use a Rhythm access token from your Auth0 tenant: a user's (it carries \`contact_id\` after the first login) for calls about the current contact.`;
      return needsContact
        ? fail('No contact_id, which this call needs', detail, fix)
        : warn('No contact_id claim', detail, fix);
    }
    if (needsContact) {
      return fail(
        'User token without contact_id: has the user logged into Rhythm yet?',
        `${why} ${FIRST_LOGIN} ${module ? `This is a ${module} call, which needs a contact.` : ''}`.trim(),
        FIX_FIRST_LOGIN,
      );
    }
    return warn('User token without contact_id', `${why} ${FIRST_LOGIN}`, FIX_FIRST_LOGIN);
  },
};
