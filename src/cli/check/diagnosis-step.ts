/**
 * Step 2 of `rhythm-auth check`: the token diagnosed by the analyzer as part of the read it is
 * about to make, before it is sent. Only the checks about the token and its fit with the URL are
 * this step's; the server's answer is step 3's. Plus the shape every client-credentials token of
 * this client has (SPEC §2): `gty: client-credentials`, `sub` = `<client id>@clients`, `azp` =
 * the client id.
 */
import { nodeSha256Hex } from '../../node/sha256.js';
import { analyze } from '../../analyzer/index.js';
import { CLAIM_CUSTOMER_ID, CLAIM_TENANT_ID } from '../../analyzer/index.js';
import { plural } from '../../analyzer/index.js';
import { CHECK_IDS, type CheckId, type Diagnosis } from '../../analyzer/index.js';
import type { CheckCommand } from './args.js';
import type { CheckStep, StepCheck } from './types.js';

/**
 * The checks about the token itself (not the active signature check, which `check` does not run)
 * and its fit with the URL's tenant; the server's answer is step 3's.
 */
const TOKEN_CHECKS: readonly CheckId[] = CHECK_IDS.filter(
  (id) => /^(token|claims)\./.test(id) && id !== 'token.signature',
).concat('url.tenant');

/** The Rolodex read of step 3, as the analyzer sees a request (SPEC §4). */
export function rolodexRequest(token: string, url: string, sentAt: number) {
  return {
    url,
    method: 'GET',
    // Judged as `diagnose` judges a request: as if it had been refused.
    status: 401,
    sentAt,
    requestHeaders: [{ name: 'Authorization', value: `Bearer ${token}` }],
    responseHeaders: [],
  };
}

export function m2mShape(diagnosis: Diagnosis, clientId: string): StepCheck {
  const claims = diagnosis.token.claims ?? {};
  const facts = `\`gty\` is ${JSON.stringify(claims.gty)}, \`sub\` ${JSON.stringify(claims.sub)}, \`azp\` ${JSON.stringify(claims.azp)}.`;
  if (
    claims.gty === 'client-credentials' &&
    claims.sub === `${clientId}@clients` &&
    claims.azp === clientId
  ) {
    return {
      id: 'client.m2m',
      status: 'pass',
      title: `Client-credentials token of client ${clientId}`,
      detail: facts,
    };
  }
  return {
    id: 'client.m2m',
    status: 'fail',
    title: `Not a client-credentials token of client ${clientId}`,
    detail: `${facts} Auth0 gives a client-credentials token \`gty: "client-credentials"\`, \`sub: "${clientId}@clients"\` and \`azp: "${clientId}"\`.`,
    fix: 'Check that --domain (or --issuer) is an Auth0 tenant and --client-id the machine-to-machine client of Rhythm Console → Security & Settings → API Keys.',
  };
}

export function diagnosisStep(
  token: string,
  url: string,
  command: CheckCommand,
  sentAt: number,
): CheckStep {
  const diagnosis = analyze(rolodexRequest(token, url, sentAt), {
    sha256Hex: nodeSha256Hex,
    expectedIssuer: command.issuer,
    expectedClientId: command.clientId,
  });
  const checks: StepCheck[] = [
    ...diagnosis.checks.filter((c) => TOKEN_CHECKS.includes(c.id)),
    m2mShape(diagnosis, command.clientId),
  ];
  const failed = checks.filter((c) => c.status === 'fail').length;
  const warned = checks.filter((c) => c.status === 'warn').length;
  if (failed > 0) {
    const title = `Rhythm would refuse this token: ${plural(failed, 'check')} failed`;
    return { id: 'diagnosis', status: 'fail', title, checks };
  }
  const claims = diagnosis.token.claims ?? {};
  const facts = `tenant ${JSON.stringify(claims[CLAIM_TENANT_ID])}, customer ${JSON.stringify(claims[CLAIM_CUSTOMER_ID])}`;
  return {
    id: 'diagnosis',
    status: warned > 0 ? 'warn' : 'pass',
    title: `M2M token of ${facts}: audience, expiry, issuer and claims ${warned > 0 ? `pass, ${plural(warned, 'warning')}` : 'pass'}`,
    checks,
  };
}
