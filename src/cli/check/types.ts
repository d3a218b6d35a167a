/** The result of `rhythm-auth check` (its `--json` output, schema `rhythm-auth/check@1`). */
import type { ReportedDiagnosis } from '../../analyzer/index.js';
import type { CheckResult } from '../../analyzer/index.js';
import type { Transport } from './transport.js';

export const CHECK_SCHEMA = 'rhythm-auth/check@1';

export type StepId = 'token' | 'diagnosis' | 'rolodex';
export type StepStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** A check of the token: one of the analyzer's, or the M2M shape `check` adds. */
export interface StepCheck extends Omit<CheckResult, 'id'> {
  id: CheckResult['id'] | 'client.m2m';
}

export interface CheckStep {
  id: StepId;
  status: StepStatus;
  title: string;
  detail?: string;
  fix?: string;
  /** token: what the token endpoint answered (never the token). */
  auth0?: { status: number; error: string | null; description: string | null };
  /** diagnosis: the checks of the token, in checklist order. */
  checks?: StepCheck[];
  /** rolodex: the read and its answer. */
  request?: { method: 'GET'; url: string };
  response?: { status: number; challenge: string | null };
  /** rolodex, on a 401/403: the analyzer's diagnosis of the real request and answer, redacted. */
  diagnosis?: ReportedDiagnosis;
}

export interface CheckReport {
  schema: typeof CHECK_SCHEMA;
  issuer: string;
  clientId: string;
  audience: string;
  /** The tenant read on Rolodex: --tenant, else the token's tenant_id; null when neither. */
  tenant: string | null;
  verdict: 'pass' | 'warn' | 'fail';
  steps: CheckStep[];
}

export interface CheckContext {
  transport: Transport;
  now: () => number;
  version: string;
}
