/**
 * `rhythm-auth` for Node backends (SPEC §12): the same analyzer as the extension and the CLI,
 * typed. `analyze` a request that got a 401, render the support report, sanitize a HAR, and wrap
 * fetch so every Rhythm 401 is diagnosed where it happens.
 */
export { analyze, type HeadersInput, type RequestInput } from './analyze.js';
export { renderJson, renderMarkdown, type RenderOptions } from './report.js';
export {
  sanitizeHar,
  sanitizeHarFile,
  type SanitizeChanges,
  type SanitizedHar,
  type SanitizeFileResult,
} from './sanitize-har.js';
export {
  diagnosisLine,
  withDiagnosis,
  type FetchLike,
  type ResponseLike,
  type WithDiagnosisOptions,
} from '../node/with-diagnosis.js';
export {
  redactDiagnosis,
  requestSecrets,
  type ReportedDiagnosis,
  type ReportInput,
  type ReportOptions,
  type ReportSubject,
  type RequestSecrets,
} from '../analyzer/index.js';
export {
  CHECK_IDS,
  CHECK_STATUSES,
  DIAGNOSIS_SCHEMA,
  type AnalyzerSettings,
  type CapturedRequest,
  type CheckId,
  type CheckResult,
  type CheckStatus,
  type Diagnosis,
  type HttpHeader,
  type TokenForm,
  type TokenInfo,
  type TokenSubject,
  type Verdict,
} from '../analyzer/index.js';
