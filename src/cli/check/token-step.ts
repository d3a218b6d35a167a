/**
 * Step 1 of `rhythm-auth check`: a client-credentials token from `<issuer>oauth/token`, the
 * request a backend makes (JSON body; Auth0 takes a form body too). The secret goes only into
 * this request's body.
 */
import { duration } from '../../analyzer/index.js';
import type { CheckCommand } from './args.js';
import { explainTokenRefusal } from './auth0-errors.js';
import { isCertificateError, NetworkError } from './transport.js';
import type { CheckContext, CheckStep } from './types.js';

/** What to do when a server could not be reached at all. */
export function networkFix(error: NetworkError, issuer: string): string {
  if (isCertificateError(error)) {
    return 'Something on the way presents a certificate Node does not trust (a TLS-inspecting proxy?): pass its CA certificate with --ca-file <pem>.';
  }
  if (error.code === 'ENOTFOUND' && error.host === new URL(issuer).hostname) {
    return 'Check --domain: it is the Auth0 domain shown in Rhythm Console → Security & Settings → API Keys.';
  }
  return 'Check the network path from this machine (proxy, firewall, DNS) and run the check again.';
}

export function userAgent(context: CheckContext): string {
  return `rhythm-auth/${context.version} (check)`;
}

function grantedToken(body: string): { token: string; detail: string } | null {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null) return null;
    const {
      access_token: token,
      token_type: type,
      expires_in: lifetime,
      scope,
    } = value as Record<string, unknown>;
    if (typeof token !== 'string' || token === '') return null;
    const facts = [`token_type ${String(type)}`];
    if (typeof lifetime === 'number') facts.push(`expires in ${duration(lifetime * 1000)}`);
    if (typeof scope === 'string') facts.push(`scope "${scope}"`);
    return { token, detail: `${facts.join(', ')}.` };
  } catch {
    return null;
  }
}

export async function tokenStep(
  command: CheckCommand,
  secret: string,
  context: CheckContext,
): Promise<{ step: CheckStep; token: string | null }> {
  let answer;
  try {
    answer = await context.transport({
      method: 'POST',
      url: `${command.issuer}oauth/token`,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'User-Agent': userAgent(context),
      },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: command.clientId,
        client_secret: secret,
        audience: command.audience,
      }),
      readBody: true,
    });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const title = `No token: ${error.message}`;
    const step: CheckStep = {
      id: 'token',
      status: 'fail',
      title,
      fix: networkFix(error, command.issuer),
    };
    return { step, token: null };
  }
  const granted = answer.status === 200 ? grantedToken(answer.body) : null;
  if (granted) {
    const step: CheckStep = {
      id: 'token',
      status: 'pass',
      title: 'Auth0 issued an access token',
      detail: granted.detail,
      auth0: { status: answer.status, error: null, description: null },
    };
    return { step, token: granted.token };
  }
  const refusal = explainTokenRefusal({ ...command, status: answer.status, body: answer.body });
  const step: CheckStep = {
    id: 'token',
    status: 'fail',
    title: refusal.title,
    detail: refusal.detail,
    fix: refusal.fix,
    auth0: { status: answer.status, error: refusal.error, description: refusal.description },
  };
  return { step, token: null };
}
