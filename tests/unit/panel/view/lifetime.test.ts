import { describe, expect, it } from 'vitest';
import { lifetimeOf } from '../../../../src/panel/view/lifetime.js';

const H = 3_600_000;
const IAT = Date.UTC(2026, 10, 1, 12, 0, 0);
const claims = { iat: IAT / 1000, exp: (IAT + 24 * H) / 1000 };

describe('token lifetime', () => {
  it('places the request inside the bar while the token was valid', () => {
    const life = lifetimeOf(claims, IAT + 6 * H, IAT + 12 * H);
    expect(life).toMatchObject({ start: 0, end: 100, expiredAtRequest: false });
    expect(life?.markers.map((m) => [m.id, m.pos])).toEqual([
      ['request', 25],
      ['now', 50],
    ]);
    expect(life?.summary).toBe(
      'Token lifetime 24 h. The request was sent 6 h after it was issued, 18 h before it expires. Now is 12 h after it was issued, 12 h before it expires.',
    );
  });

  it('widens the axis past the bar for a request after expiry', () => {
    const life = lifetimeOf(claims, IAT + 25 * H, IAT + 26 * H);
    expect(life?.expiredAtRequest).toBe(true);
    expect(life?.end).toBeLessThan(100);
    expect(life?.markers[0]?.pos).toBeGreaterThan(life?.end ?? 100);
    expect(life?.summary).toContain('The request was sent 1 h after it expired.');
  });

  it('pushes the labels of close markers apart: Request to the left, Now to the right', () => {
    const life = lifetimeOf(claims, IAT + 6 * H, IAT + 6 * H + 60_000);
    expect(life?.markers.map((m) => [m.id, m.align])).toEqual([
      ['request', 'end'],
      ['now', 'start'],
    ]);
    const far = lifetimeOf(claims, IAT + 6 * H, IAT + 18 * H);
    expect(far?.markers.map((m) => m.align)).toEqual(['center', 'center']);
    // At the ends of the axis the label stays inside the picture.
    const ends = lifetimeOf(claims, IAT, IAT + 24 * H);
    expect(ends?.markers.map((m) => m.align)).toEqual(['start', 'end']);
  });

  it('never draws Now before the request: a clock behind is said, and Now clamped to it', () => {
    const life = lifetimeOf(claims, IAT + 6 * H, IAT + 5 * H);
    expect(life?.clockBehind).toBe(H);
    const [request, now] = life!.markers;
    expect(now!.pos).toBeGreaterThanOrEqual(request!.pos);
    expect(now!.at).toBe(request!.at);
    expect(life?.summary).toContain(
      "This computer's clock reads 1 h before the request was sent: one of the two clocks is off",
    );
    expect(lifetimeOf(claims, IAT + 6 * H, IAT + 7 * H)?.clockBehind).toBeNull();
  });

  it.each([
    ['no claims', null],
    ['no exp', { iat: 1 }],
    ['exp before iat', { iat: 100, exp: 50 }],
    ['text times', { iat: 'a', exp: 'b' }],
  ])('draws nothing with %s', (_name, value) => {
    expect(lifetimeOf(value, IAT, IAT)).toBeNull();
  });
});
