import type { SchemeProblem, SchemeWarning } from '../parse/parse-authorization.js';
import { quote } from '../text.js';
import type { Check, CheckOutcome } from './outcome.js';
import { fail, pass, skip, warn } from './outcome.js';

const FIX_FORMAT =
  'Send exactly `Authorization: Bearer <access_token>`: the word `Bearer`, one space, then the token.';

function problemOutcome(
  problem: SchemeProblem,
  scheme: string | null,
  placeholder?: string,
): CheckOutcome {
  switch (problem) {
    case 'empty':
      return fail(
        'Authorization header is empty',
        'The header was sent with an empty value.',
        'Check that the token was loaded before the request was made; ' + FIX_FORMAT,
      );
    case 'placeholder':
      return fail(
        `Authorization header carries ${quote(placeholder)} instead of a token`,
        `The value contains the literal text ${quote(placeholder)}: the variable holding the token was not set (or an object was turned into a string) when the header was built.`,
        'Make sure the token is fetched (and awaited) before the request, and pass the access_token string itself, not the token response object.',
      );
    case 'no-scheme':
      return fail(
        'Token sent without `Bearer `',
        'The header holds the raw token with no scheme in front of it.',
        'Prefix the token with `Bearer ` (one space): `Authorization: Bearer <access_token>`.',
      );
    case 'other-scheme':
      return fail(
        `Wrong scheme ${quote(scheme, 24)}`,
        `The header uses the ${quote(scheme, 24)} scheme. Rhythm APIs accept only OAuth 2.0 bearer tokens.`,
        scheme?.toLowerCase() === 'basic'
          ? 'Exchange the client id and secret for an access token at `https://<your Auth0 domain>/oauth/token` (grant_type=client_credentials, audience=https://api.rhythmsoftware.com), then send `Authorization: Bearer <access_token>`.'
          : `Replace ${quote(scheme, 24)} with \`Bearer\`: \`Authorization: Bearer <access_token>\`.`,
      );
    case 'no-space':
      return fail(
        'No space after `Bearer`',
        'The scheme and the token run together (`Bearer<token>`).',
        'Put exactly one space between `Bearer` and the token.',
      );
    case 'double-bearer':
      return fail(
        '`Bearer` sent twice',
        'The value reads `Bearer Bearer <token>`: the token variable already contained the prefix, and the code added it again.',
        'Add the `Bearer ` prefix in one place only.',
      );
    case 'quoted':
      return fail(
        'Token wrapped in quotes',
        'The token is surrounded by quotes; they become part of the token the server reads.',
        'Remove the quotes (a JSON-encoded string was probably used as the token): `Authorization: Bearer eyJ…`.',
      );
    case 'no-token':
      return fail(
        '`Bearer` with no token',
        'The header says `Bearer` but no token follows it.',
        'Check that the token was loaded before the request was made; ' + FIX_FORMAT,
      );
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

const WARNING_TEXT: Record<SchemeWarning, string> = {
  'lowercase-scheme':
    'the scheme is not spelled `Bearer` (RFC 7235 allows any case, but some gateways and proxies compare it exactly)',
  'extra-spaces': 'there are extra spaces around or inside the value',
  'trailing-newline':
    'the value ends with a newline (a token read from a file or an environment variable without trimming)',
};

export const headerScheme: Check = {
  id: 'header.scheme',
  run(ctx) {
    const auth = ctx.authorization;
    if (ctx.isPreflight)
      return skip(
        'Preflight: no credentials expected',
        'Browsers never send credentials on a CORS preflight.',
      );
    if (!auth)
      return skip(
        'No Authorization header to read',
        'There is no Authorization header (see header.present).',
      );
    if (auth.problem) return problemOutcome(auth.problem, auth.scheme, auth.placeholder);
    if (auth.warnings.length > 0) {
      return warn(
        'Bearer scheme with irregular spacing or case',
        `The value is readable as a bearer token, but ${auth.warnings.map((w) => WARNING_TEXT[w]).join('; ')}.`,
        'Trim the token and send exactly `Bearer <token>` with one space.',
      );
    }
    return pass('Scheme is `Bearer <token>`', 'The value is `Bearer`, one space, then the token.');
  },
};
