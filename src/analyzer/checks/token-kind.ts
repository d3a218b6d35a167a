import type { AnalysisContext } from '../context.js';
import { RHYTHM_AUDIENCE } from '../rhythm.js';
import { quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, noToken, pass, warn } from './outcome.js';
import { audiences } from './token-audience.js';

export type TokenKind = 'access' | 'id' | 'unknown';

export interface KindEvidence {
  kind: TokenKind;
  /** The claims (or header fields) that decided it, as written in a detail: `` `scp` ``. */
  marks: string[];
}

/**
 * Access-token marks that hold across identity providers: OAuth scopes (`scope`; Microsoft and
 * Okta `scp`), app roles and Auth0 RBAC `permissions`, Auth0's grant type, and RFC 9068's
 * `client_id` (Cognito's access tokens carry it too; ID tokens never do).
 */
const ACCESS_CLAIMS = ['scope', 'scp', 'roles', 'permissions', 'gty', 'client_id'];
/** ID-token marks (OIDC Core §2, §3.1.3.6, §3.3.2.11; FAPI `s_hash`). */
const ID_CLAIMS = ['nonce', 'at_hash', 'c_hash', 's_hash'];

const code = (name: string) => `\`${name}\``;
/** ACCESS_CLAIMS as a detail writes them, built once. */
const ACCESS_CODES = ACCESS_CLAIMS.map(code);
/** An own claim that is neither null nor undefined (the value read first: most names are absent). */
const present = (claims: Record<string, unknown>, name: string) => {
  const value = claims[name];
  return value !== null && value !== undefined && Object.hasOwn(claims, name);
};

/** What the token says about its own type: RFC 9068's `typ` header, Cognito's `token_use`, Keycloak's `typ`. */
function declaredKind(
  claims: Record<string, unknown>,
  header: Record<string, unknown> | null,
): KindEvidence | null {
  // Only a `typ` of their length can lower-case to `at+jwt` or `application/at+jwt` (`JWT` cannot).
  const typ =
    typeof header?.typ === 'string' && (header.typ.length === 6 || header.typ.length === 18)
      ? header.typ.toLowerCase()
      : '';
  if (typ === 'at+jwt' || typ === 'application/at+jwt') {
    return { kind: 'access', marks: [`header \`typ: ${String(header?.typ)}\``] };
  }
  const use = claims.token_use;
  if (use === 'access' || use === 'id') return { kind: use, marks: [`\`token_use: ${use}\``] };
  if (claims.typ === 'Bearer') return { kind: 'access', marks: ['`typ: Bearer`'] };
  if (claims.typ === 'ID') return { kind: 'id', marks: ['`typ: ID`'] };
  return null;
}

/**
 * The kind of a token from its claims (SPEC §3 `token.kind`): what it declares, else access-token
 * marks (they win: Microsoft's v2 access token has `aud` = `azp` and `scp`), else the Rhythm
 * audience (an ID token's `aud` is a client, never an API), else ID-token marks, else unknown.
 */
export function kindOf(
  claims: Record<string, unknown>,
  header: Record<string, unknown> | null,
  clientId?: string,
): KindEvidence {
  const declared = declaredKind(claims, header);
  if (declared) return declared;
  const access: string[] = [];
  for (let i = 0; i < ACCESS_CLAIMS.length; i++) {
    if (present(claims, ACCESS_CLAIMS[i]!)) access.push(ACCESS_CODES[i]!);
  }
  if (access.length > 0) return { kind: 'access', marks: access };
  const aud = audiences(claims.aud);
  if (aud.includes(RHYTHM_AUDIENCE))
    return { kind: 'access', marks: [`\`aud\` ${RHYTHM_AUDIENCE}`] };
  const marks = ID_CLAIMS.filter((c) => present(claims, c)).map(code);
  const azp = claims.azp;
  if (typeof azp === 'string' && aud.includes(azp)) marks.push('`aud` = `azp`, no scope');
  else if (clientId && aud.includes(clientId)) marks.push("`aud` = the app's client id, no scope");
  return marks.length > 0 ? { kind: 'id', marks } : { kind: 'unknown', marks: [] };
}

const ACCESS_MARKS = '`scope`, `scp`, `roles`, `permissions`, `gty`';
const ID_MARKS = '`nonce`, `at_hash`, `c_hash`, `aud` equal to `azp`';

function subjectText(ctx: AnalysisContext): string {
  if (ctx.subject === 'm2m') return ' A machine-to-machine token (client credentials).';
  if (ctx.subject === 'user') return " A user's token (`sub` names a user).";
  return '';
}

/** Guide §2 and SPEC §2-3: an access token, not an ID token used as a bearer. */
export const tokenKind: Check = {
  id: 'token.kind',
  run(ctx) {
    const claims = ctx.claims;
    if (!claims) return noToken(ctx, 'Token kind');
    const { kind, marks } = kindOf(
      claims,
      ctx.decoded?.header ?? null,
      ctx.settings.expectedClientId,
    );
    const list = marks.length === 1 ? marks[0]! : marks.join(', ');
    switch (kind) {
      case 'access':
        return pass(
          `An access token (${list})`,
          `It carries ${list}: access-token marks.${subjectText(ctx)}`,
        );
      case 'id':
        return fail(
          'This is an ID token, not an access token',
          `It carries ${list}: the marks of an OpenID Connect ID token, and no access-token mark (${ACCESS_MARKS}). \`aud\` is ${quote(claims.aud)}. ID tokens prove who logged in to the app; APIs accept only access tokens.`,
          'Send the access_token from the token response, not the id_token (Auth0 SPA SDK: `await getTokenSilently()`, not `getIdTokenClaims()`).',
        );
      case 'unknown': {
        const names = Object.keys(claims);
        const has =
          names.length === 0
            ? 'The token has no claims at all'
            : `Its claims (${names.slice(0, 8).map(code).join(', ')}${names.length > 8 ? ', …' : ''}) carry`;
        return warn(
          'Token kind unknown: no access-token or ID-token marks',
          `${has}${names.length === 0 ? ':' : ''} no access-token mark (${ACCESS_MARKS}) and no ID-token mark (${ID_MARKS}), so what kind of token it is cannot be told from it. Auth0's tokens for Rhythm carry \`scope\` (users) or \`gty\` (machine-to-machine).`,
          `Make sure this is the access_token Auth0 issued for the audience ${RHYTHM_AUDIENCE}, not an id_token or a token from another issuer.`,
        );
      }
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  },
};
