import { RHYTHM_API_DOMAIN, RHYTHM_AUDIENCE, moduleOfHost } from '../rhythm.js';
import { quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, noToken, pass } from './outcome.js';

/** `aud` as a list (RFC 7519 §4.1.3: a string or an array of strings). */
export function audiences(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === 'string');
  return [];
}

/** How an audience that is not the Rhythm one misses it (SPEC §3 `token.audience`). */
export type AudienceMiss =
  | 'trailing-slash'
  | 'letter-case'
  | 'http-scheme'
  | 'no-scheme'
  | 'module-host'
  | 'other-api'
  | 'auth0-management'
  | 'auth0-userinfo'
  | 'client-id'
  | 'other';

/** Nearest to Rhythm first: `/userinfo` last, as Auth0 adds it beside whatever API was requested. */
const RANK: Readonly<Record<AudienceMiss, number>> = {
  'trailing-slash': 0,
  'letter-case': 0,
  'http-scheme': 0,
  'no-scheme': 0,
  'module-host': 1,
  'other-api': 2,
  'auth0-management': 3,
  'client-id': 4,
  other: 5,
  'auth0-userinfo': 6,
};

export function audienceMiss(aud: string): AudienceMiss {
  const lower = aud.toLowerCase();
  const bare = lower.replace(/\/$/, '');
  if (aud === `${RHYTHM_AUDIENCE}/`) return 'trailing-slash';
  if (bare === RHYTHM_AUDIENCE) return 'letter-case';
  if (bare === `http://${RHYTHM_API_DOMAIN}`) return 'http-scheme';
  if (bare === RHYTHM_API_DOMAIN) return 'no-scheme';
  const host = /^https?:\/\/([^/?#]+)/i.exec(aud)?.[1];
  if (host && moduleOfHost(host)) return 'module-host';
  // Any host: with an Auth0 custom domain the /userinfo audience is on that domain too.
  if (/^https:\/\/[^/]+\/userinfo\/?$/i.test(aud)) return 'auth0-userinfo';
  if (/\.auth0\.com\/api\/v2\/?$/i.test(aud)) return 'auth0-management';
  if (host) return 'other-api';
  if (/\.apps\.googleusercontent\.com$/i.test(aud)) return 'client-id';
  // A host without its scheme (`api.example.com/v1`) names another API too.
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(aud)) return 'other-api';
  // An identifier with no scheme, path or colon: an Auth0/Okta client id, a Microsoft app GUID.
  if (/^[A-Za-z0-9][A-Za-z0-9._~-]*$/.test(aud)) return 'client-id';
  return 'other';
}

/** Few words, for a title or a list. */
const SHORT: Readonly<Record<AudienceMiss, string>> = {
  'trailing-slash': 'has a trailing slash',
  'letter-case': 'differs in letter case',
  'http-scheme': 'uses http://',
  'no-scheme': 'has no https://',
  'module-host': 'is a module host',
  'other-api': 'is another API',
  'auth0-management': "is Auth0's Management API",
  'auth0-userinfo': "is Auth0's /userinfo",
  'client-id': 'is a client id',
  other: 'is not an API URL',
};

/** Why an audience that is not the Rhythm one was probably used, in a sentence. */
function missText(aud: string, miss: AudienceMiss, azp: unknown, others: boolean): string {
  switch (miss) {
    case 'trailing-slash':
    case 'letter-case':
      return SHORT[miss];
    case 'http-scheme':
      return 'uses http:// instead of https://';
    case 'no-scheme':
      return 'has no https:// scheme';
    case 'module-host':
      return `is a module host (${/^https?:\/\/([^/?#]+)/i.exec(aud)?.[1] ?? aud}); the audience is the one API identifier, not the host called`;
    case 'other-api':
      return 'is another API: the token was requested for that audience, not for Rhythm';
    case 'auth0-management':
      return "is the Auth0 Management API's audience, not Rhythm's";
    case 'auth0-userinfo':
      return `is Auth0's /userinfo audience, which Auth0 adds for the \`openid\` scope${others ? '' : '; no API audience was requested'}`;
    case 'client-id':
      return `is a client id (an application's id), not an API identifier${aud === azp ? '; it is also `azp`, the app that asked for the token: the audience of an ID token' : ''}`;
    case 'other':
      return 'is neither the Rhythm API identifier nor the URL of an API';
    default: {
      const unreachable: never = miss;
      return unreachable;
    }
  }
}

export interface NearMiss {
  value: string;
  kind: AudienceMiss;
}

/** The audience nearest to Rhythm's: the best rank; among client ids, the one that is `azp`. */
export function nearestAudience(list: readonly string[], azp?: unknown): NearMiss | null {
  let best: NearMiss | null = null;
  for (const value of list) {
    const kind = audienceMiss(value);
    const better =
      best === null ||
      RANK[kind] < RANK[best.kind] ||
      (RANK[kind] === RANK[best.kind] && value === azp && best.value !== azp);
    if (better) best = { value, kind };
  }
  return best;
}

/** Built once: every failure of this check gives it. */
const FIX_EXACT_AUDIENCE = `Request the token with \`audience=${RHYTHM_AUDIENCE}\` exactly (no trailing slash), in the /oauth/token body or the Auth0 SDK's \`authorizationParams.audience\`.`;

/** Guide §2: `aud` must contain exactly `https://api.rhythmsoftware.com`. */
export const tokenAudience: Check = {
  id: 'token.audience',
  run(ctx) {
    const claims = ctx.claims;
    if (!claims) return noToken(ctx, 'Audience');
    if (!('aud' in claims)) {
      return fail(
        'Token has no audience (`aud`)',
        'The token carries no `aud` claim, so no API will accept it.',
        FIX_EXACT_AUDIENCE,
      );
    }
    const list = audiences(claims.aud);
    if (list.includes(RHYTHM_AUDIENCE)) {
      const others = list.some((a) => a !== RHYTHM_AUDIENCE);
      return pass(
        `Audience is ${RHYTHM_AUDIENCE}`,
        others
          ? `\`aud\` is ${quote(claims.aud, 200)}; it contains ${RHYTHM_AUDIENCE}.`
          : `\`aud\` is ${quote(claims.aud)}.`,
      );
    }
    const near = nearestAudience(list, claims.azp);
    if (!near) {
      return fail(
        `Wrong audience ${quote(claims.aud, 80)}`,
        `\`aud\` is ${quote(claims.aud, 200)}: no audience at all; Rhythm accepts only ${RHYTHM_AUDIENCE}.`,
        FIX_EXACT_AUDIENCE,
      );
    }
    const more = list.length > 1 ? ` (and ${list.length - 1} more)` : '';
    const why = missText(near.value, near.kind, claims.azp, list.length > 1);
    if (list.length === 1) {
      return fail(
        `Wrong audience: ${quote(near.value)} ${SHORT[near.kind]}`,
        `\`aud\` is ${quote(near.value)}; Rhythm accepts only ${RHYTHM_AUDIENCE}. ${quote(near.value)} ${why}.`,
        FIX_EXACT_AUDIENCE,
      );
    }
    const each = list
      .slice(0, 10)
      .map((a) => `${quote(a)} ${SHORT[audienceMiss(a)]}`)
      .join('; ');
    const userinfo = list.some((a) => audienceMiss(a) === 'auth0-userinfo')
      ? near.kind === 'auth0-userinfo'
        ? ''
        : " Auth0's /userinfo audience is added beside the one requested (for the `openid` scope): an API audience was requested, just not Rhythm's."
      : '';
    return fail(
      `Wrong audience: ${quote(near.value)} ${SHORT[near.kind]}${more}`,
      `\`aud\` has ${list.length} audiences, none of them ${RHYTHM_AUDIENCE}: ${each}${list.length > 10 ? '; …' : ''}. The nearest, ${quote(near.value)}, ${why}.${userinfo}`,
      FIX_EXACT_AUDIENCE,
    );
  },
};
