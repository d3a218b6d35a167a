import { describe, expect, it, vi } from 'vitest';
import {
  askRhythmAccess,
  hasRhythmAccess,
  RHYTHM_HOST_PATTERN,
  watchRhythmAccess,
} from '../../../src/shared/rhythm-access.js';
import manifest from '../../../manifest.json' with { type: 'json' };
import { fakePermissions } from './fake-permissions.js';

describe('the Rhythm site access', () => {
  it('is the manifest host permission the worker needs for the app pages and the APIs', () => {
    expect(manifest.host_permissions).toEqual([RHYTHM_HOST_PATTERN]);
  });

  it.each<[string, string[], boolean]>([
    ['granted at install', [RHYTHM_HOST_PATTERN], true],
    ['turned off by the user', [], false],
    ['only another site granted', ['https://app.example.com/*'], false],
  ])('is %s: contains() says %s', async (_, granted, expected) => {
    expect(await hasRhythmAccess(fakePermissions(granted))).toBe(expected);
  });

  it('counts as off when the browser cannot answer', async () => {
    const permissions = fakePermissions([RHYTHM_HOST_PATTERN]);
    permissions.contains = () => Promise.reject(new Error('no permissions API here'));
    expect(await hasRhythmAccess(permissions)).toBe(false);
  });
});

describe('askRhythmAccess', () => {
  it.each<[string, ReturnType<typeof fakePermissions>['answer'], object]>([
    ['the user allows', 'allow', { granted: true }],
    ['the user refuses', 'refuse', { granted: false }],
    [
      'the browser throws (no user gesture)',
      { throws: 'permissions.request may only be called from a user input handler' },
      {
        granted: false,
        reason: 'permissions.request may only be called from a user input handler',
      },
    ],
    [
      'the browser rejects',
      { rejects: 'This function must be called during a user gesture' },
      { granted: false, reason: 'This function must be called during a user gesture' },
    ],
  ])('when %s, says so', async (_, answer, outcome) => {
    const permissions = fakePermissions();
    permissions.answer = answer;
    expect(await askRhythmAccess(permissions)).toEqual(outcome);
    expect(permissions.requested).toEqual([[RHYTHM_HOST_PATTERN]]);
  });

  it('asks before anything is awaited, so the click still counts as the user gesture', () => {
    const permissions = fakePermissions();
    void askRhythmAccess(permissions);
    expect(permissions.requested).toHaveLength(1);
  });
});

describe('watchRhythmAccess', () => {
  it('reports the access after each change, and stops when unsubscribed', async () => {
    const permissions = fakePermissions([RHYTHM_HOST_PATTERN]);
    const seen: boolean[] = [];
    const stop = watchRhythmAccess(permissions, (granted) => seen.push(granted));
    permissions.revoke(RHYTHM_HOST_PATTERN);
    await vi.waitFor(() => expect(seen).toEqual([false]));
    permissions.grant('https://other.example/*'); // another site: still off
    permissions.grant(RHYTHM_HOST_PATTERN);
    await vi.waitFor(() => expect(seen).toEqual([false, false, true]));
    stop();
    expect(permissions.listeners()).toBe(0);
  });
});
