/**
 * What Auth0's token endpoint means when it refuses a client-credentials request, and what to
 * change. Auth0 answers with RFC 6749 §5.2 bodies (`{"error", "error_description"}`), but its
 * codes are its own: a wrong secret and an unknown client are both 401 `access_denied`
 * "Unauthorized" (auth0/node-auth0#682), a client without a grant for the API is 403
 * `access_denied` "…You need to create a "client-grant"…" (auth0/auth0-python#173), an audience
 * no API has is 403 `access_denied` "Service not found" (older tenants: "Service not enabled
 * within domain"), and a client that may not use the grant is 403 `unauthorized_client`
 * (auth0/ruby-auth0#190). `invalid_client` (the RFC's code) is read like Auth0's 401.
 */
import { RHYTHM_AUDIENCE } from '../../analyzer/index.js';

export interface TokenRefusal {
  title: string;
  detail: string;
  fix: string;
  /** The OAuth error code, when the answer had one. */
  error: string | null;
  description: string | null;
}

export interface TokenRequestFacts {
  status: number;
  body: string;
  issuer: string;
  clientId: string;
  audience: string;
}

const API_KEYS = 'Rhythm Console → Security & Settings → API Keys';

function oauthError(body: string): { error: string; description: string | null } | null {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null) return null;
    const { error, error_description: description } = value as Record<string, unknown>;
    if (typeof error !== 'string') return null;
    return { error, description: typeof description === 'string' ? description : null };
  } catch {
    return null;
  }
}

function audienceFix(audience: string): string {
  if (audience === RHYTHM_AUDIENCE) {
    return `This Auth0 tenant has no API ${RHYTHM_AUDIENCE}: check that --domain is the Auth0 domain shown in ${API_KEYS}.`;
  }
  return `Request the token with the audience ${RHYTHM_AUDIENCE} exactly (https, no trailing slash, no path): the default of --audience, and the \`audience\` parameter of your token request. Auth0 Dashboard → Applications → APIs lists each API's Identifier.`;
}

/** Why the token endpoint said no, from its status and body. */
export function explainTokenRefusal(facts: TokenRequestFacts): TokenRefusal {
  const { status, issuer, clientId, audience } = facts;
  const parsed = oauthError(facts.body);
  const error = parsed?.error ?? null;
  const description = parsed?.description ?? null;
  const said = error
    ? `Auth0 answered ${status} ${error}${description ? `: "${description}"` : ''}.`
    : `${issuer}oauth/token answered ${status}${facts.body ? ' with no OAuth error in its body' : ''}.`;
  const refusal = (title: string, fix: string, detail = said): TokenRefusal => ({
    title,
    detail,
    fix,
    error,
    description,
  });

  if (error === null) {
    return refusal(
      `No token: ${status} from a token endpoint that is not Auth0's`,
      `Check --domain (or --issuer): the token endpoint is ${issuer}oauth/token, on the Auth0 domain shown in ${API_KEYS}.`,
    );
  }
  const text = description ?? '';
  if (error === 'invalid_client' || (error === 'access_denied' && status === 401)) {
    return refusal(
      `Auth0 does not accept client ${clientId} with this secret`,
      `Copy the Client ID and the Secret again from ${API_KEYS} (a new secret replaces the old one), and check that --domain is the Auth0 domain shown beside them: a client of another tenant is unknown here.`,
      `${said} Auth0 says this both for a client id it does not know and for a wrong secret.`,
    );
  }
  if (error === 'access_denied' && /client-grant|not authorized to access/i.test(text)) {
    return refusal(
      `Client ${clientId} is not authorized for the API ${audience}`,
      `Authorize the client for the API: Auth0 Dashboard → Applications → APIs → the API ${audience} → Machine to Machine Applications → switch this client on, with its scopes. Where Rhythm runs the tenant, create the API key again in ${API_KEYS} or ask Rhythm support.`,
    );
  }
  if (error === 'access_denied' && /service not (found|enabled)/i.test(text)) {
    return refusal(
      `No API in this Auth0 tenant has the audience ${audience}`,
      audienceFix(audience),
    );
  }
  if (error === 'unauthorized_client') {
    return refusal(
      `Client ${clientId} may not use the client-credentials grant`,
      `Use the machine-to-machine client of ${API_KEYS}. In Auth0 Dashboard → Applications → the application → Settings → Advanced Settings → Grant Types, Client Credentials must be on (a single-page app cannot have it).`,
    );
  }
  if (status === 429 || error === 'too_many_requests') {
    return refusal(
      'Auth0 is rate-limiting this client',
      'Wait a minute and run the check again. Backends should keep a token for its 24 h lifetime instead of requesting one per call.',
    );
  }
  return refusal(
    `Auth0 refused the token: ${error}`,
    `Read the tenant's log for this request (Auth0 Dashboard → Monitoring → Logs) and act on the description above.`,
  );
}
