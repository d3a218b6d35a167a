/** The token's claims as table rows: Rhythm claims marked and explained, times in words. */
import {
  CLAIM_EXPLANATIONS,
  duration,
  isoTime,
  RHYTHM_CLAIMS,
  SHORT_CLAIM_NAMES,
} from '../../analyzer/index.js';

export const TIME_CLAIMS = ['exp', 'iat', 'nbf', 'auth_time'] as const;
export type TimeClaim = (typeof TIME_CLAIMS)[number];

/** Claims past this many are counted, not rendered (a hostile token may carry thousands). */
export const MAX_CLAIM_ROWS = 200;

export interface ClaimTime {
  /** Epoch ms. */
  at: number;
  utc: string;
  /** "expired 2 h 14 min before this request". */
  relative: string;
  /** The value looked like milliseconds, not the seconds JWT NumericDates are. */
  milliseconds: boolean;
}

export interface ClaimRow {
  name: string;
  /** `tenant_id` for `http://rhythmsoftware.com/tenant_id`. */
  shortName: string | null;
  value: unknown;
  rhythm: boolean;
  explanation: string | null;
  time: ClaimTime | null;
}

export function isTimeClaim(name: string): name is TimeClaim {
  return (TIME_CLAIMS as readonly string[]).includes(name);
}

/** Own-property lookups only: a `__proto__` or `constructor` claim must not find Object.prototype. */
export function ownString(map: Readonly<Record<string, string>>, key: string): string | null {
  return Object.hasOwn(map, key) ? (map[key] ?? null) : null;
}

/** A time claim's instant relative to when the request was sent, in words. */
export function relativeToRequest(claim: TimeClaim, at: number, sentAt: number): string {
  const before = at <= sentAt;
  const d = duration(at - sentAt);
  switch (claim) {
    case 'exp':
      return before ? `expired ${d} before this request` : `${d} left when this request was sent`;
    case 'iat':
      return before
        ? `issued ${d} before this request`
        : `issued ${d} after this request (clock skew?)`;
    case 'nbf':
      return before
        ? `valid from ${d} before this request`
        : `not valid until ${d} after this request`;
    case 'auth_time':
      return before ? `signed in ${d} before this request` : `signed in ${d} after this request`;
    default: {
      const unhandled: never = claim;
      return unhandled;
    }
  }
}

export function claimTime(claim: TimeClaim, value: unknown, sentAt: number): ClaimTime | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  // NumericDate is seconds; a value past year 5138 in seconds is almost surely milliseconds.
  const milliseconds = value > 1e11;
  const at = milliseconds ? value : value * 1000;
  if (Math.abs(at) > 8.64e15) return null;
  return { at, utc: isoTime(at), relative: relativeToRequest(claim, at, sentAt), milliseconds };
}

export function claimRows(claims: Record<string, unknown>, sentAt: number): ClaimRow[] {
  return Object.keys(claims)
    .slice(0, MAX_CLAIM_ROWS)
    .map((name) => {
      const value = claims[name];
      return {
        name,
        shortName: ownString(SHORT_CLAIM_NAMES, name),
        value,
        rhythm: (RHYTHM_CLAIMS as readonly string[]).includes(name),
        explanation: ownString(CLAIM_EXPLANATIONS, name),
        time: isTimeClaim(name) ? claimTime(name, value, sentAt) : null,
      };
    });
}

/** `14:03:27 local (Europe/Paris), 2026-11-01` for a time the user reads in their own zone. */
export function localTime(at: number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '—';
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${d.toLocaleString([], { hour12: false })} local${zone ? ` (${zone})` : ''}`;
}
