/**
 * The token's lifetime as a bar from `iat` to `exp`, with the request and now as markers. The
 * axis widens to include the markers, so an expired token shows the request past the bar's end.
 */
import { duration } from '../../analyzer/index.js';
import { claimTime } from './claims.js';

export interface Marker {
  id: 'request' | 'now';
  label: string;
  at: number;
  /** 0–100, along the axis. */
  pos: number;
}

export interface Lifetime {
  /** The bar from issued to expiry, in percent of the axis. */
  start: number;
  end: number;
  iat: number;
  exp: number;
  markers: Marker[];
  /** The text alternative of the picture. */
  summary: string;
  expiredAtRequest: boolean;
}

function where(at: number, iat: number, exp: number, name: string): string {
  if (at < iat) return `${name} ${duration(iat - at)} before it was issued`;
  if (at >= exp) return `${name} ${duration(at - exp)} after it expired`;
  return `${name} ${duration(at - iat)} after it was issued, ${duration(exp - at)} before it expires`;
}

/** Null when the token has no usable `iat` and `exp`. */
export function lifetimeOf(
  claims: Record<string, unknown> | null,
  sentAt: number,
  now: number,
): Lifetime | null {
  if (!claims) return null;
  const iat = claimTime('iat', claims.iat, sentAt)?.at;
  const exp = claimTime('exp', claims.exp, sentAt)?.at;
  if (iat === undefined || exp === undefined || exp <= iat) return null;
  const min = Math.min(iat, sentAt, now);
  const max = Math.max(exp, sentAt, now);
  // Far-away markers (a years-old 401 reviewed today) must not squash the bar to a line.
  const span = Math.max(max - min, 1);
  const pos = (at: number) => Math.round(((at - min) / span) * 1000) / 10;
  const markers: Marker[] = [
    { id: 'request', label: 'Request', at: sentAt, pos: pos(sentAt) },
    { id: 'now', label: 'Now', at: now, pos: pos(now) },
  ];
  const summary = [
    `Token lifetime ${duration(exp - iat)}.`,
    `${where(sentAt, iat, exp, 'The request was sent')}.`,
    `${where(now, iat, exp, 'Now is')}.`,
  ].join(' ');
  return {
    start: pos(iat),
    end: pos(exp),
    iat,
    exp,
    markers,
    summary,
    expiredAtRequest: sentAt >= exp,
  };
}
