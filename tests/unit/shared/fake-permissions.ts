/**
 * An in-memory `browser.permissions` for the site access code: origins granted or not, the
 * events both browsers fire when they change, and `request` answering as the test says (the
 * user allows, refuses, or the browser throws as Chrome does outside a user gesture).
 */
import type { PermissionsLike } from '../../../src/shared/rhythm-access.js';

type Answer = 'allow' | 'refuse' | { throws: string } | { rejects: string };

export interface FakePermissions extends PermissionsLike {
  /** The origin patterns asked for, in order. */
  requested: string[][];
  answer: Answer;
  /** What the user does in the browser's settings: fires onAdded/onRemoved like the browser. */
  grant(origin: string): void;
  revoke(origin: string): void;
  listeners(): number;
}

export function fakePermissions(granted: string[] = []): FakePermissions {
  const origins = new Set(granted);
  const added = new Set<() => void>();
  const removed = new Set<() => void>();
  const event = (set: Set<() => void>) => ({
    addListener: (l: () => void) => void set.add(l),
    removeListener: (l: () => void) => void set.delete(l),
  });
  const fake: FakePermissions = {
    requested: [],
    answer: 'allow',
    async contains(p) {
      return p.origins.every((o) => origins.has(o));
    },
    request(p) {
      fake.requested.push(p.origins);
      const answer = fake.answer;
      if (typeof answer === 'object' && 'throws' in answer) throw new Error(answer.throws);
      if (typeof answer === 'object') return Promise.reject(new Error(answer.rejects));
      if (answer === 'refuse') return Promise.resolve(false);
      for (const o of p.origins) fake.grant(o);
      return Promise.resolve(true);
    },
    onAdded: event(added),
    onRemoved: event(removed),
    grant(origin) {
      origins.add(origin);
      for (const l of added) l();
    },
    revoke(origin) {
      origins.delete(origin);
      for (const l of removed) l();
    },
    listeners: () => added.size + removed.size,
  };
  return fake;
}
