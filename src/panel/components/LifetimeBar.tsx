import { duration, isoTime } from '../../analyzer/index.js';
import { lifetimeOf } from '../view/lifetime.js';

/**
 * The token's lifetime: a bar from `iat` to `exp`, markers at the request and now. The picture is
 * `role="img"` named by a sentence that says the same; the legend below gives the exact times.
 */
export function LifetimeBar({
  claims,
  sentAt,
  now,
}: {
  claims: Record<string, unknown> | null;
  sentAt: number;
  now: number;
}) {
  const life = lifetimeOf(claims, sentAt, now);
  if (!life) {
    return (
      <p class="muted lifetime__none" data-testid="lifetime-none">
        No lifetime to draw: the token has no usable <code>iat</code> and <code>exp</code>.
      </p>
    );
  }
  const request = life.markers[0]!;
  const current = life.markers[1]!;
  return (
    <figure class="lifetime" data-testid="lifetime">
      <div class="lifetime__track" role="img" aria-label={life.summary}>
        <div
          class={`lifetime__bar${life.expiredAtRequest ? ' lifetime__bar--expired' : ''}`}
          style={{ left: `${life.start}%`, width: `${Math.max(0.5, life.end - life.start)}%` }}
        />
        {life.expiredAtRequest && (
          <div
            class="lifetime__gap"
            data-testid="lifetime-gap"
            style={{ left: `${life.end}%`, width: `${Math.max(0, request.pos - life.end)}%` }}
          />
        )}
        {life.markers.map((m) => (
          <div
            key={m.id}
            class={`lifetime__marker lifetime__marker--${m.id} lifetime__marker--${m.align}`}
            style={{ left: `${m.pos}%` }}
            data-marker={m.id}
            data-align={m.align}
          >
            <span class="lifetime__label">{m.label}</span>
          </div>
        ))}
      </div>
      <figcaption class="lifetime__legend">
        <span>
          <span
            class={`swatch ${life.expiredAtRequest ? 'swatch--expired' : 'swatch--bar'}`}
            aria-hidden="true"
          />{' '}
          Valid {isoTime(life.iat)} → {isoTime(life.exp)} ({duration(life.exp - life.iat)})
        </span>
        <span>
          <span class="swatch swatch--request" aria-hidden="true" /> Request {isoTime(request.at)}
        </span>
        <span>
          <span class="swatch swatch--now" aria-hidden="true" /> Now{' '}
          {life.clockBehind === null ? isoTime(current.at) : `${isoTime(now)} (clock behind)`}
        </span>
        <span class="lifetime__summary">{life.summary}</span>
      </figcaption>
    </figure>
  );
}
