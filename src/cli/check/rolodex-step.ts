/**
 * Step 3 of `rhythm-auth check`: one harmless read with the token, tenant-scoped because an M2M
 * token has no contact (so not `/contacts/current`, SPEC §12): `GET` Rolodex's contacts of the
 * tenant. Only the status and headers are read, never the list. A 401 or 403 is diagnosed by
 * the analyzer with the server's own answer (`WWW-Authenticate`, `Date`).
 */
import { nodeSha256Hex } from '../../node/sha256.js';
import { analyze } from '../../analyzer/index.js';
import { redactDiagnosis } from '../../analyzer/index.js';
import { moduleHost } from '../../analyzer/index.js';
import type { Diagnosis } from '../../analyzer/index.js';
import type { CheckCommand } from './args.js';
import { rolodexRequest } from './diagnosis-step.js';
import { networkFix, userAgent } from './token-step.js';
import { NetworkError } from './transport.js';
import type { CheckContext, CheckStep } from './types.js';

export function rolodexUrl(tenant: string): string {
  return `https://${moduleHost('rolodex')}/contacts/${encodeURIComponent(tenant)}`;
}

/** The root cause of a refused read; told in a word when step 2 already explained it. */
function refusedRead(
  title: string,
  diagnosis: Diagnosis,
  found: readonly string[],
): Pick<CheckStep, 'title' | 'detail' | 'fix'> {
  const said = `The server said: ${diagnosis.server.challenge ? `WWW-Authenticate: ${diagnosis.server.challenge}` : 'no WWW-Authenticate header'}.`;
  const cause = diagnosis.rootCause;
  if (!cause) {
    return {
      title: `${title}, and no check explains it`,
      detail: said,
      fix: 'Send Rhythm support the output of this check with --json (it holds no secret and no token).',
    };
  }
  if (found.includes(cause.id)) {
    return { title: `${title}: ${cause.id}, as step 2 found`, detail: said };
  }
  return {
    title: `${title}: ${cause.id}: ${cause.summary}`,
    detail: said,
    ...(cause.fix ? { fix: cause.fix } : {}),
  };
}

export async function rolodexStep(
  command: CheckCommand,
  token: string,
  tenant: string,
  secret: string,
  context: CheckContext,
  /** The checks step 2 failed. */
  found: readonly string[],
): Promise<CheckStep> {
  const url = rolodexUrl(tenant);
  const request = { method: 'GET' as const, url };
  const sentAt = context.now();
  let answer;
  try {
    answer = await context.transport({
      ...request,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'User-Agent': userAgent(context),
      },
      readBody: false,
    });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const fix = networkFix(error, command.issuer);
    return { id: 'rolodex', status: 'fail', title: `No answer: ${error.message}`, fix, request };
  }
  const challenge =
    answer.headers.find((h) => h.name.toLowerCase() === 'www-authenticate')?.value ?? null;
  const base = { id: 'rolodex' as const, request, response: { status: answer.status, challenge } };
  const title = `GET ${url} → ${answer.status}`;
  if (answer.status >= 200 && answer.status < 300) {
    return { ...base, status: 'pass', title: `${title}: the token works` };
  }
  if (answer.status === 401 || answer.status === 403) {
    const captured = {
      ...rolodexRequest(token, url, sentAt),
      status: answer.status,
      responseHeaders: answer.headers,
    };
    const diagnosis = analyze(captured, {
      sha256Hex: nodeSha256Hex,
      expectedIssuer: command.issuer,
      expectedClientId: command.clientId,
    });
    return {
      ...base,
      status: 'fail',
      ...refusedRead(title, diagnosis, found),
      diagnosis: redactDiagnosis({ diagnosis, token, secrets: [secret] }),
    };
  }
  return {
    ...base,
    status: 'fail',
    title,
    detail: `Rolodex answered ${answer.status}: not a refusal of the token.`,
    fix:
      answer.status === 404
        ? `Rolodex knows no tenant ${JSON.stringify(tenant)}: check --tenant (or the token's tenant_id).`
        : 'Run the check again later; if it persists, send Rhythm support the time and this answer.',
  };
}
