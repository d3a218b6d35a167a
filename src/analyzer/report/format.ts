/**
 * Wording shared by every rendering of a diagnosis (Markdown report, CLI text, and the panel if it
 * likes): status marks, the verdict line, claim values with readable times.
 */
import { CLAIM_CONTACT_ID, CLAIM_CUSTOMER_ID, CLAIM_TENANT_ID, RHYTHM_CLAIMS } from '../rhythm.js';
import { isoTime } from '../text.js';
import type { CheckStatus, Diagnosis, TokenForm, Verdict } from '../types.js';

export const STATUS_MARKS: Readonly<Record<CheckStatus, string>> = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  info: '·',
  skip: '○',
};

export const VERDICT_MARKS: Readonly<Record<Verdict, string>> = STATUS_MARKS;

export const STATUS_LEGEND = '✓ pass  ✗ fail  ! warn  · info  ○ skip';

export const FORM_NAMES: Readonly<Record<TokenForm, string>> = {
  jws: 'JWS (signed JWT)',
  jwe: 'JWE (encrypted, 5 segments)',
  opaque: 'opaque (not a JWT)',
  none: 'none sent',
};

const PLAIN_FORMS: Readonly<Record<TokenForm, string>> = {
  jws: 'signed JWT',
  jwe: 'encrypted JWT (JWE)',
  opaque: 'opaque token (not a JWT)',
  none: 'none sent',
};

const PLAIN_SUBJECTS: Readonly<Record<'user' | 'm2m' | 'unknown', string>> = {
  user: "a user's",
  m2m: 'machine-to-machine',
  unknown: 'kind unknown',
};

/** The token in a few plain words: `signed JWT, a user's, fingerprint 1a2b…` (no Markdown). */
export function tokenWords(t: { form: TokenForm; subject: 'user' | 'm2m' | 'unknown' }): string {
  if (t.form === 'none') return PLAIN_FORMS.none;
  return `${PLAIN_FORMS[t.form]}, ${PLAIN_SUBJECTS[t.subject]}`;
}

/** NumericDate claims shown with their ISO time beside them. */
const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time', 'updated_at']);

/** Short names for the Rhythm claims, where the full `http://rhythmsoftware.com/…` does not fit. */
export const SHORT_CLAIM_NAMES: Readonly<Record<string, string>> = {
  [CLAIM_TENANT_ID]: 'tenant_id',
  [CLAIM_CUSTOMER_ID]: 'customer_id',
  [CLAIM_CONTACT_ID]: 'contact_id',
};

export function isRhythmClaim(name: string): boolean {
  return (RHYTHM_CLAIMS as readonly string[]).includes(name);
}

/** A claim value as JSON, a NumericDate with its ISO time: `1793620800 (2026-11-02T12:00:00Z)`. */
export function claimValue(name: string, value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = String(value);
  }
  if (TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value)) {
    return `${json} (${isoTime(value * 1000)})`;
  }
  return json;
}

/** `token.expiry: Token expired 2 h 14 min before this request`, or why there is no root cause. */
export function outcomeText(diagnosis: Diagnosis): string {
  if (diagnosis.rootCause) return `${diagnosis.rootCause.id}: ${diagnosis.rootCause.summary}`;
  const warnings = diagnosis.checks.filter((c) => c.status === 'warn');
  if (warnings.length === 0) return 'no check failed';
  return `no check failed; ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: ${warnings.map((w) => w.id).join(', ')}`;
}

/** `401 GET https://…` (the URL as given to it: pass a redacted one). */
export function requestText(diagnosis: Diagnosis): string {
  const { status, method, url } = diagnosis.request;
  return `${status} ${method.toUpperCase()} ${url || '(no URL given)'}`;
}

/**
 * The note of a diagnosis kept with its claims cut to the size cap of a stored diagnosis
 * (`token.truncated`, SPEC §7), or null: the panel and the reports show the same words.
 */
export function truncatedNote(truncated: { bytes: number } | undefined): string | null {
  if (!truncated) return null;
  const kb = Math.max(1, Math.round(truncated.bytes / 1024));
  return `Claims truncated: ${kb} KB over the cap of a stored diagnosis`;
}
