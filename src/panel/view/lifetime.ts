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
  /**
   * Where the label sits against its marker: centred, or to one side when the two markers are
   * close (Request to the left, Now to the right) or the marker is at an end of the axis, so the
   * labels never overlap or leave the picture.
   */
  align: 'center' | 'start' | 'end';
}

/** Markers closer than this (percent of the axis) get their labels pushed apart. */
export const CLOSE = 16;

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
  /**
   * When this computer's clock reads earlier than the request's time (a HAR or report from a
   * machine whose clock runs ahead, or this one's behind): by how much. The Now marker is then
   * drawn at the request, never before it.
   */
  clockBehind: number | null;
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
  const clockBehind = now < sentAt ? sentAt - now : null;
  const shownNow = Math.max(now, sentAt);
  const min = Math.min(iat, sentAt);
  const max = Math.max(exp, shownNow);
  // Far-away markers (a years-old 401 reviewed today) must not squash the bar to a line.
  const span = Math.max(max - min, 1);
  const pos = (at: number) => Math.round(((at - min) / span) * 1000) / 10;
  const requestPos = pos(sentAt);
  const nowPos = pos(shownNow);
  const close = nowPos - requestPos < CLOSE;
  const edge = (p: number): Marker['align'] => (p < 8 ? 'start' : p > 92 ? 'end' : 'center');
  const markers: Marker[] = [
    {
      id: 'request',
      label: 'Request',
      at: sentAt,
      pos: requestPos,
      align: close && requestPos >= 8 ? 'end' : edge(requestPos),
    },
    {
      id: 'now',
      label: 'Now',
      at: shownNow,
      pos: nowPos,
      align: close && nowPos <= 92 ? 'start' : edge(nowPos),
    },
  ];
  const summary = [
    `Token lifetime ${duration(exp - iat)}.`,
    `${where(sentAt, iat, exp, 'The request was sent')}.`,
    clockBehind === null
      ? `${where(now, iat, exp, 'Now is')}.`
      : `This computer's clock reads ${duration(clockBehind)} before the request was sent: one of the two clocks is off, so Now is drawn at the request.`,
  ].join(' ');
  return {
    start: pos(iat),
    end: pos(exp),
    iat,
    exp,
    markers,
    summary,
    expiredAtRequest: sentAt >= exp,
    clockBehind,
  };
}
