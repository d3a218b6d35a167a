import { CHECKS_IN_ORDER } from './checks/index.js';
import { buildContext } from './context.js';
import { isParsedUrl } from './parse/url.js';
import { redactRequestUrl } from './redact/redact.js';
import { tokenFingerprint } from './redact/token-mask.js';
import {
  type AnalyzerSettings,
  type CapturedRequest,
  type CheckResult,
  type Diagnosis,
} from './types.js';
import { summarize } from './summarize.js';

export { summarize };

export const DIAGNOSIS_SCHEMA = 'rhythm-auth/diagnosis@1';

/**
 * Diagnoses one request: runs every check of SPEC §3 in order. Pure and synchronous; the only
 * time it knows is `request.sentAt`. Page data never makes it throw; a non-finite `sentAt`
 * (a programmer error) does.
 */
export function analyze(request: CapturedRequest, settings: AnalyzerSettings = {}): Diagnosis {
  if (!Number.isFinite(request.sentAt)) {
    throw new TypeError(
      `analyze: request.sentAt must be a finite epoch-ms time, got ${request.sentAt}`,
    );
  }
  const ctx = buildContext(request, settings);
  const checks: CheckResult[] = new Array<CheckResult>(CHECKS_IN_ORDER.length);
  for (let i = 0; i < CHECKS_IN_ORDER.length; i++) {
    const { id, check } = CHECKS_IN_ORDER[i]!;
    const { status, title, detail, fix } = check.run(ctx);
    checks[i] =
      fix === undefined ? { id, status, title, detail } : { id, status, title, detail, fix };
  }
  const { verdict, rootCause } = summarize(checks);
  const url = isParsedUrl(ctx.url) ? ctx.url : null;

  return {
    schema: DIAGNOSIS_SCHEMA,
    request: {
      method: request.method,
      // SPEC §4: the token is not part of a diagnosis, and `?access_token=` would carry it.
      url: redactRequestUrl(request.url, ctx.token, ctx.decoded?.strict === true),
      status: request.status,
      sentAt: request.sentAt,
    },
    verdict,
    rootCause,
    checks,
    token: {
      form: ctx.decoded?.form ?? 'none',
      header: ctx.decoded?.header ?? null,
      claims: ctx.claims,
      subject: ctx.subject,
      // A sanitized HAR's token is a mask that carries the original token's fingerprint.
      fingerprint: ctx.token ? tokenFingerprint(ctx.token, settings.sha256Hex) : null,
    },
    service: url ? { module: url.module, host: url.host } : null,
    server: { challenge: ctx.challengeRaw, date: ctx.dateHeader },
  };
}
