/**
 * The analyzer's one face: everything outside src/analyzer imports from here, never from a file
 * behind it (an ESLint rule holds shells to it). Floors, bottom up: parse/ (page data read
 * defensively), redact/ (the one secret vocabulary and its redaction), the checks and `analyze`
 * (one request → one Diagnosis), report/ (a Diagnosis made shareable).
 */
export { analyze, summarize, DIAGNOSIS_SCHEMA } from './analyze.js';
export { readToken, subjectOf, type TokenSource } from './context.js';
export { routeOf, successKey } from './route.js';
export { requestKey } from './request-key.js';
export { diagnosisKey, sameRequest, type RequestKey } from './same-request.js';
export { diagnosedStatuses, isApiHost, isDiagnosable } from './scope.js';
export * from './types.js';
export * from './rhythm.js';
export { fingerprint } from './sha256.js';
export {
  duration,
  invisiblePattern,
  isoTime,
  plural,
  quote,
  showInvisible,
  unicodeEscape,
} from './text.js';

export { isObject } from './parse/guards.js';
export { findHeader, headerValue } from './parse/headers.js';
export { encodeBase64 } from './parse/base64.js';
export {
  decodeBase64Lenient,
  decodeToken,
  isSanitizedSignature,
  SANITIZED_SIGNATURE,
} from './parse/decode-token.js';
export { jsonSafeObject, TOO_DEEP } from './parse/json-safe.js';
export { stringifyJson } from './parse/json-text.js';
export {
  parseAuthorization,
  type ParsedAuthorization,
  type SchemeProblem,
} from './parse/parse-authorization.js';
export { BEARER_ERRORS, parseWwwAuthenticate } from './parse/www-authenticate.js';
export { hostOf, parseUrl, safeDecode, safeDecodeForm, type ParsedUrl } from './parse/url.js';

export { mapStrings } from './redact/map-strings.js';
export { PAYLOAD_WITHHELD, safePayloadSegment } from './redact/payload.js';
export { replaceJwtShaped } from './redact/patterns.js';
export {
  REDACTED,
  SIGNATURE_REMOVED,
  TOKEN_REDACTED,
  createScrubber,
  isMarker,
  redactFormText,
  redactJwtsInText,
  redactSecretParamsInText,
  redactToken,
  redactUrl,
  redactUrlCounted,
  type ReplaceCredential,
} from './redact/redact.js';
export {
  canonicalName,
  headerClass,
  isErrorCode,
  isSecretMember,
  isSecretName,
  mayNameSecret,
  type HeaderClass,
  type NameSite,
} from './redact/secret-names.js';
export {
  hasSecretParts,
  isMaskedToken,
  maskToken,
  maskedFingerprint,
  tokenFingerprint,
} from './redact/token-mask.js';
export { requestSecrets, type RequestSecrets } from './redact/secrets.js';

export * from './report/index.js';
