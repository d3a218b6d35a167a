/** The fixes the token checks share: one wording for one remedy. */
import { RHYTHM_AUDIENCE } from '../rhythm.js';

export const FIX_COPY =
  'Copy the whole access_token from the token response, without editing it (no line breaks, no re-encoding).';

export const FIX_AUDIENCE = `Request the token with \`audience=${RHYTHM_AUDIENCE}\` (in the /oauth/token body, or the \`audience\` option of the Auth0 SDK's authorizationParams).`;

/** For a token that is not Auth0's for Rhythm at all (another provider's, encrypted for another service). */
export const FIX_RHYTHM_TOKEN = `Send the access token your Auth0 tenant issues for the audience \`${RHYTHM_AUDIENCE}\` (a signed JWT of three segments), not a token from another provider or service.`;
