/**
 * `rhythm-auth check` end to end: a backend's client-credentials setup verified in three steps,
 * each with its result and, on failure, the fix: (1) a token from Auth0, (2) that token
 * diagnosed, (3) one harmless read on Rolodex with it. Later steps are skipped when there is
 * nothing to run them on. Network access only through the context's transport.
 */
import { decodeToken } from '../../analyzer/index.js';
import { createScrubber } from '../../analyzer/index.js';
import { mapStrings } from '../../analyzer/index.js';
import { CLAIM_TENANT_ID } from '../../analyzer/index.js';
import type { CheckCommand } from './args.js';
import { diagnosisStep } from './diagnosis-step.js';
import { rolodexStep, rolodexUrl } from './rolodex-step.js';
import { tokenStep } from './token-step.js';
import {
  CHECK_SCHEMA,
  type CheckContext,
  type CheckReport,
  type CheckStep,
  type StepId,
} from './types.js';

const skipped = (id: StepId, title: string): CheckStep => ({ id, status: 'skip', title });

const failedIds = (step: CheckStep) =>
  (step.checks ?? []).filter((c) => c.status === 'fail').map((c) => c.id);

function verdictOf(steps: readonly CheckStep[]): CheckReport['verdict'] {
  if (steps.some((s) => s.status === 'fail')) return 'fail';
  return steps.some((s) => s.status === 'warn') ? 'warn' : 'pass';
}

export async function runCheckSteps(
  command: CheckCommand,
  secret: string,
  context: CheckContext,
): Promise<CheckReport> {
  const { step: first, token } = await tokenStep(command, secret, context);
  let tenant = command.tenant;
  let steps: CheckStep[];
  if (token === null) {
    steps = [
      first,
      skipped('diagnosis', 'Skipped: no token'),
      skipped('rolodex', 'Skipped: no token'),
    ];
  } else {
    const claimed = decodeToken(token).claims?.[CLAIM_TENANT_ID];
    tenant ??= typeof claimed === 'string' && claimed.trim() !== '' ? claimed : null;
    const second = diagnosisStep(token, rolodexUrl(tenant ?? ''), command, context.now());
    const third =
      tenant === null
        ? skipped(
            'rolodex',
            'Skipped: no tenant to read (the token has no tenant_id; see --tenant)',
          )
        : await rolodexStep(command, token, tenant, secret, context, failedIds(second));
    steps = [first, second, third];
  }
  const report: CheckReport = {
    schema: CHECK_SCHEMA,
    issuer: command.issuer,
    clientId: command.clientId,
    audience: command.audience,
    tenant,
    verdict: verdictOf(steps),
    steps,
  };
  // Nothing above quotes the secret or the token, and this makes sure of it: an error text
  // from a server could echo either.
  const scrub = createScrubber({ keepHeaderPayload: false, token, secrets: [secret] });
  return mapStrings(report, scrub) as CheckReport;
}
