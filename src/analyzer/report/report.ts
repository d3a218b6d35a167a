/**
 * The support report (SPEC §6): one or more diagnoses, redacted, with what the analyzer cannot
 * know (tool, version, browser, time) passed in. Pure and clock-free like the rest of the analyzer.
 *
 * Redaction happens here, once, on the data: every string of the report (claim names included)
 * goes through the scrubber, so renderers cannot leak what they never receive. The renderers run
 * a last JWT-shaped pass over their output as well.
 */
import type { Diagnosis, TokenInfo } from '../types.js';
import { mapStrings } from '../redact/map-strings.js';
import { maskClaims, personalValues } from '../redact/personal.js';
import { createScrubber, redactJwtsInText, redactToken, redactUrl } from '../redact/redact.js';
import { tokenFingerprint } from '../redact/token-mask.js';

export const REPORT_SCHEMA = 'rhythm-auth/report@1';

export interface ReportContext {
  /** The extension's (or the CLI's) version. */
  extensionVersion: string;
  /** `Chrome 131 (Windows)`, `Node.js 20.20.2 (linux x64)`. */
  browser: string;
  /** When the report was made, epoch ms: the caller reads the clock, the analyzer never does. */
  generatedAt: number;
  tool: 'extension' | 'cli' | 'library';
}

export interface ReportOptions {
  /** Include the token as `header.payload.[signature removed]`; needs the token passed in. */
  includeTokenWithoutSignature?: boolean;
  /** Replace `email`, `name`, `nickname`, `picture` with `[masked]`. */
  maskPersonalClaims?: boolean;
}

/** A diagnosis with what only the shell knows: the token and the credentials to scrub. */
export interface ReportSubject {
  diagnosis: Diagnosis;
  token?: string | null;
  secrets?: readonly string[];
  /** Pasted into the panel, not captured: no response was seen (the report says so). */
  pasted?: boolean;
}

export type ReportInput = Diagnosis | ReportSubject;

export interface ReportedToken extends TokenInfo {
  /** With `includeTokenWithoutSignature`, for a JWS: `header.payload.[signature removed]`. */
  withoutSignature?: string;
}

export type ReportedDiagnosis = Omit<Diagnosis, 'token'> & {
  token: ReportedToken;
  /** Present (true) only for a pasted token or request: not a captured 401, no response seen. */
  pasted?: true;
};

export interface SupportReport {
  schema: typeof REPORT_SCHEMA;
  generatedAt: number;
  tool: ReportContext['tool'];
  version: string;
  browser: string;
  options: Required<ReportOptions>;
  diagnoses: ReportedDiagnosis[];
}

function toSubject(input: ReportInput): ReportSubject {
  return 'schema' in input ? { diagnosis: input } : input;
}

/** The scrubber redactDiagnosis passes every string of the subject's diagnosis through. */
function scrubberOf(subject: ReportInput, options: ReportOptions) {
  const { diagnosis, token = null, secrets = [] } = toSubject(subject);
  const keepHeaderPayload = options.includeTokenWithoutSignature === true;
  const maskPersonal = options.maskPersonalClaims === true;
  const masks = maskPersonal ? personalValues(diagnosis.token.claims) : [];
  const redaction = { keepHeaderPayload, maskPersonal, masks };
  return { redaction, scrub: createScrubber({ ...redaction, token, secrets }) };
}

/** What a one-line summary of a diagnosis shows: its request, and the check that decided it. */
export interface DiagnosisSummary {
  request: Pick<Diagnosis['request'], 'method' | 'url' | 'sentAt'>;
  /** The root cause of a failing diagnosis, else its first warning; null when neither. */
  cause: { status: 'fail' | 'warn'; id: string; summary: string } | null;
}

/**
 * Exactly these strings of `redactDiagnosis(subject)`, redacted as it redacts them, without
 * redacting the rest: for a caller that keeps no more (the CLI's HAR table of thousands of rows).
 */
export function redactDiagnosisSummary(subject: ReportInput): DiagnosisSummary {
  const { diagnosis: d } = toSubject(subject);
  const { scrub } = scrubberOf(subject, {});
  const request = {
    method: scrub(d.request.method),
    url: scrub(redactUrl(d.request.url)),
    sentAt: d.request.sentAt,
  };
  if (d.verdict === 'fail' && d.rootCause) {
    return {
      request,
      cause: { status: 'fail', id: scrub(d.rootCause.id), summary: scrub(d.rootCause.summary) },
    };
  }
  const warned = d.checks.find((c) => c.status === 'warn');
  return {
    request,
    cause: warned ? { status: 'warn', id: scrub(warned.id), summary: scrub(warned.title) } : null,
  };
}

/**
 * One diagnosis made safe to share: URL query secrets `[redacted]`, the token and secrets removed
 * wherever they appear, anything JWT-shaped reduced, personal claims masked on request.
 */
export function redactDiagnosis(
  subject: ReportInput,
  options: ReportOptions = {},
): ReportedDiagnosis {
  const { diagnosis, token = null, pasted = false } = toSubject(subject);
  const { redaction, scrub } = scrubberOf(subject, options);
  const { maskPersonal, masks, keepHeaderPayload } = redaction;

  const claims =
    maskPersonal && diagnosis.token.claims
      ? maskClaims(diagnosis.token.claims, masks)
      : diagnosis.token.claims;
  const unsafe: ReportedDiagnosis = {
    ...diagnosis,
    request: { ...diagnosis.request, url: redactUrl(diagnosis.request.url) },
    token: { ...diagnosis.token, claims },
  };
  const safe = mapStrings(unsafe, scrub) as ReportedDiagnosis;
  if (pasted) safe.pasted = true;

  // The token goes in only if it is the one this diagnosis was made from (same fingerprint).
  if (
    keepHeaderPayload &&
    token &&
    diagnosis.token.form === 'jws' &&
    diagnosis.token.fingerprint === tokenFingerprint(token)
  ) {
    const kept = redactToken(token, redaction);
    if (kept.includes('.')) safe.token.withoutSignature = kept;
  }
  return safe;
}

export function buildReport(
  input: ReportInput | readonly ReportInput[],
  context: ReportContext,
  options: ReportOptions = {},
): SupportReport {
  const inputs: readonly ReportInput[] = Array.isArray(input) ? input : [input as ReportInput];
  const head = reportHead(context, options);
  return { ...head, diagnoses: inputs.map((i) => redactDiagnosis(i, head.options)) };
}

/** A report without its diagnoses: what a renderer writing one diagnosis at a time starts with. */
export function reportHead(
  context: ReportContext,
  options: ReportOptions = {},
): Omit<SupportReport, 'diagnoses'> {
  const scrubContext = createScrubber({ keepHeaderPayload: false });
  return {
    schema: REPORT_SCHEMA,
    generatedAt: context.generatedAt,
    tool: context.tool,
    version: scrubContext(context.extensionVersion),
    browser: scrubContext(context.browser),
    options: {
      includeTokenWithoutSignature: options.includeTokenWithoutSignature === true,
      maskPersonalClaims: options.maskPersonalClaims === true,
    },
  };
}

/** The report as JSON, with a last JWT-shaped pass over the text. */
export function renderJson(report: SupportReport): string {
  const json = JSON.stringify(report, null, 2);
  const { includeTokenWithoutSignature, maskPersonalClaims } = report.options;
  return `${redactJwtsInText(json, { keepHeaderPayload: includeTokenWithoutSignature, maskPersonal: maskPersonalClaims })}\n`;
}
