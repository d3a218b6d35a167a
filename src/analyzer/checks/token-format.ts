import type { AnalysisContext } from '../context.js';
import type { DecodedToken, FormatProblem } from '../parse/decode-token.js';
import { RHYTHM_AUDIENCE } from '../rhythm.js';
import { clip, quote } from '../text.js';
import type { Check, CheckOutcome } from './outcome.js';
import { fail, pass, skip, warn } from './outcome.js';
import { encryptedOutcome, opaqueOutcome } from './token-format-not-jws.js';
import { signatureOutcome } from './token-format-signature.js';
import { FIX_COPY } from './token-fixes.js';

/** What a decoding problem means, for the problems that make the token unreadable or unusable. */
function problemOutcome(
  decoded: DecodedToken,
  problem: Exclude<FormatProblem, 'padding'>,
  ctx: AnalysisContext,
): CheckOutcome {
  const { segments, header, part } = decoded;
  switch (problem) {
    case 'jwe':
    case 'nested-jwe':
      return encryptedOutcome(header, problem === 'nested-jwe', ctx.settings.expectedIssuer);
    case 'opaque':
      return opaqueOutcome(decoded, ctx.token ?? '');
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
        `Token's ${part ?? 'token'} is base64, not base64url`,
        `The ${part ?? 'token'} contains \`+\` or \`/\`: it was re-encoded with standard base64. JWTs use base64url (\`-\`, \`_\`) without padding.`,
        FIX_COPY,
      );
    case 'bad-characters':
      return fail(
        `Token's ${part ?? 'token'} has characters a JWT cannot contain`,
        `The ${part ?? 'token'} contains characters outside base64url (it may be URL-encoded, or not a token at all).`,
        FIX_COPY,
      );
    case 'not-json':
      return part === 'payload'
        ? fail(
            "Token's payload is not JSON: a signed message, not a JWT",
            `The header ${quote(header, 160)} decodes, but the payload is not a JSON object of claims: this is a JWS over some other content, so it carries no claims an API could check.`,
            FIX_COPY,
          )
        : fail(
            `Token's ${part ?? 'header'} is not JSON`,
            `The ${part ?? 'header'} segment does not decode to JSON.`,
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

/** The header as a detail quotes it: its own JSON text when that is what JSON.stringify writes. */
function quotedHeader(decoded: DecodedToken): string {
  return decoded.headerJson !== undefined
    ? clip(decoded.headerJson, 160)
    : quote(decoded.header, 160);
}

/** A readable JWS: the signature's length for its `alg`, `=` padding, then the algorithm. */
function signedOutcome(decoded: DecodedToken): CheckOutcome {
  const alg = String(decoded.header?.alg);
  const signature = decoded.signatureRemoved ? null : signatureOutcome(alg, decoded.signatureBytes);
  if (signature) return signature;
  const notRs256 =
    alg === 'RS256'
      ? ''
      : ` It is also signed with ${quote(alg)}, not RS256, as Rhythm's tokens are.`;
  if (decoded.problem === 'padding') {
    const part = decoded.part ?? 'token';
    return warn(
      `Token's ${part} ends in \`=\` padding (base64, not base64url)`,
      `The ${part} segment ends in \`=\`: base64 padding, which JWTs leave out (base64url). It still decodes, so the claims below are read, but a strict server refuses a padded token.${notRs256}`,
      'Send the token exactly as the identity provider issued it, without re-encoding it.',
    );
  }
  if (alg !== 'RS256') {
    return warn(
      `Signed with ${quote(alg)}, not RS256`,
      `The header ${quotedHeader(decoded)} names ${quote(alg)}. Rhythm access tokens are signed by Auth0 with RS256; a token signed otherwise was not issued for the Rhythm API.`,
      `Use an access token issued by your Auth0 tenant for the audience ${RHYTHM_AUDIENCE}.`,
    );
  }
  return pass(
    `A signed JWT (${alg})`,
    `Three base64url segments; header ${quotedHeader(decoded)}; ${decoded.signatureRemoved ? 'the signature was removed when the HAR was sanitized (its length is not checked)' : `a ${decoded.signatureBytes}-byte signature`}.`,
  );
}

/** Guide §3: the token must be a JWS compact JWT (header.payload.signature). */
export const tokenFormat: Check = {
  id: 'token.format',
  run(ctx) {
    const decoded = ctx.decoded;
    if (!decoded) return skip('No token to decode', 'No bearer token was sent.');
    const problem = decoded.problem;
    if (problem && problem !== 'padding') return problemOutcome(decoded, problem, ctx);
    return signedOutcome(decoded);
  },
};
