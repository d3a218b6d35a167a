import type { FormatProblem } from '../parse/decode-token.js';
import { RHYTHM_AUDIENCE } from '../rhythm.js';
import { quote } from '../text.js';
import type { Check, CheckOutcome } from './outcome.js';
import { fail, pass, skip, warn } from './outcome.js';

const FIX_AUDIENCE = `Request the token with \`audience=${RHYTHM_AUDIENCE}\` (in the /oauth/token body, or the \`audience\` option of the Auth0 SDK's authorizationParams).`;
const FIX_COPY =
  'Copy the whole access_token from the token response, without editing it (no line breaks, no re-encoding).';

function problemOutcome(
  problem: FormatProblem,
  segments: number,
  header: Record<string, unknown> | null,
  part?: string,
): CheckOutcome {
  switch (problem) {
    case 'jwe':
      return fail(
        'Token is encrypted (JWE), not a JWT: no audience was requested',
        `The token has 5 segments${header ? ` and the header ${quote(header, 160)}` : ''}. Auth0 returns this encrypted token when the authorize/token request has no \`audience\`; it is meant for Auth0's /userinfo only, and Rhythm cannot read it.`,
        FIX_AUDIENCE,
      );
    case 'opaque':
      return fail(
        'Token is opaque, not a JWT: no audience was requested (or this is not an access token)',
        'The token has no dots, so it is not a JSON Web Token. Older Auth0 tenants return such a short opaque token when the request has no `audience`.',
        FIX_AUDIENCE,
      );
    case 'segments':
      return fail(
        `Token has ${segments} segments`,
        `A JWT has exactly 3 dot-separated segments (header.payload.signature); this one has ${segments}: it was cut or joined with something else.`,
        FIX_COPY,
      );
    case 'truncated':
      return fail(
        'Token is truncated: the signature is missing',
        segments === 2
          ? 'The token has only 2 segments (header.payload); the signature was cut off.'
          : 'The signature segment is empty.',
        FIX_COPY,
      );
    case 'whitespace':
      return fail(
        'Token contains whitespace',
        'There are spaces or line breaks inside the token (it was wrapped or pasted across lines).',
        FIX_COPY,
      );
    case 'base64':
      return fail(
        `Token's ${part ?? 'segments'} use base64, not base64url`,
        `The ${part ?? 'token'} contains \`+\`, \`/\` or \`=\` padding: it was re-encoded with standard base64. JWTs use base64url without padding.`,
        FIX_COPY,
      );
    case 'bad-characters':
      return fail(
        `Token's ${part ?? 'token'} has characters a JWT cannot contain`,
        `The ${part ?? 'token'} contains characters outside base64url (it may be URL-encoded, or not a token at all).`,
        FIX_COPY,
      );
    case 'not-json':
      return fail(
        `Token's ${part ?? 'payload'} is not JSON`,
        `The ${part ?? 'payload'} segment does not decode to JSON.`,
        FIX_COPY,
      );
    case 'not-object':
      return fail(
        `Token's ${part ?? 'payload'} is not a JSON object`,
        `The ${part ?? 'payload'} decodes to JSON, but not to an object.`,
        FIX_COPY,
      );
    case 'alg-none':
      return fail(
        'Token is unsigned (`alg: none`)',
        'The header says `alg: none`. Rhythm accepts only RS256 tokens signed by Auth0.',
        'Use the access token Auth0 issued; never build or re-sign tokens yourself.',
      );
    case 'no-alg':
      return fail(
        'Token header has no `alg`',
        `The header ${quote(header, 160)} names no signing algorithm.`,
        'Use the access token Auth0 issued.',
      );
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

/** Guide §3: the token must be a JWS compact JWT (header.payload.signature). */
export const tokenFormat: Check = {
  id: 'token.format',
  run(ctx) {
    const decoded = ctx.decoded;
    if (!decoded) return skip('No token to decode', 'No bearer token was sent.');
    if (decoded.problem)
      return problemOutcome(decoded.problem, decoded.segments, decoded.header, decoded.part);
    const alg = String(decoded.header?.alg);
    if (alg !== 'RS256') {
      return warn(
        `Signed with ${quote(alg)}, not RS256`,
        `The header ${quote(decoded.header, 160)} names ${quote(alg)}. Rhythm access tokens are signed by Auth0 with RS256; a token signed otherwise was not issued for the Rhythm API.`,
        `Use an access token issued by your Auth0 tenant for the audience ${RHYTHM_AUDIENCE}.`,
      );
    }
    return pass(
      `A signed JWT (${alg})`,
      `Three base64url segments; header ${quote(decoded.header, 160)}.`,
    );
  },
};
