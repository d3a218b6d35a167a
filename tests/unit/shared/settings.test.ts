import { describe, expect, it } from 'vitest';
import { diagnosedStatuses } from '../../../src/analyzer/scope.js';
import {
  analyzerSettings,
  areaChanges,
  DEFAULT_SETTINGS,
  followSettings,
  loadSettings,
  parseSettings,
  type Settings,
  type SyncArea,
  watchSettings,
} from '../../../src/shared/settings.js';
import type { StorageListener } from '../../../src/shared/tab-store.js';

const ISSUER = 'https://acme-org.us.auth0.com/';

describe('parseSettings', () => {
  it.each<[string, unknown]>([
    ['undefined (nothing stored)', undefined],
    ['null', null],
    ['a string', 'settings'],
    ['an array', [1, 2]],
    ['an empty object', {}],
  ])('answers the defaults for %s', (_, raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      expectedIssuer: '',
      expectedClientId: '',
      extraApiHosts: [],
      capture403: false,
      keepPerTab: 100,
    });
  });

  it('keeps well-typed fields, trimming the strings', () => {
    expect(
      parseSettings({
        expectedIssuer: ` ${ISSUER} `,
        expectedClientId: 'Zq4mW8vT2nK6pR0sL3xY7bC1dF5gH9jA\n',
        extraApiHosts: ['staging.example.com'],
        capture403: true,
        keepPerTab: 50,
      }),
    ).toEqual({
      expectedIssuer: ISSUER,
      expectedClientId: 'Zq4mW8vT2nK6pR0sL3xY7bC1dF5gH9jA',
      extraApiHosts: ['staging.example.com'],
      capture403: true,
      keepPerTab: 50,
    });
  });

  it.each<[string, Record<string, unknown>, Partial<Settings>]>([
    ['a number issuer', { expectedIssuer: 42 }, { expectedIssuer: '' }],
    ['an object client id', { expectedClientId: { id: 'x' } }, { expectedClientId: '' }],
    ['hosts as a string', { extraApiHosts: 'staging.example.com' }, { extraApiHosts: [] }],
    ['capture403 as a string', { capture403: 'true' }, { capture403: false }],
    ['capture403 as 1', { capture403: 1 }, { capture403: false }],
    ['keepPerTab as a string', { keepPerTab: '50' }, { keepPerTab: 100 }],
    ['a fractional keepPerTab', { keepPerTab: 12.5 }, { keepPerTab: 100 }],
    ['a NaN keepPerTab', { keepPerTab: Number.NaN }, { keepPerTab: 100 }],
  ])('falls back to the default for %s', (_, raw, expected) => {
    expect(parseSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, ...expected });
  });

  it.each<[number, number]>([
    [0, 1],
    [-5, 1],
    [1, 1],
    [100, 100],
    [101, 100],
    [1e9, 100],
  ])('clamps keepPerTab %d to %d', (keepPerTab, kept) => {
    expect(parseSettings({ keepPerTab }).keepPerTab).toBe(kept);
  });

  it('lower-cases and trims extra hosts, dropping blanks and non-strings', () => {
    expect(
      parseSettings({
        extraApiHosts: ['Staging.Example.COM', '', 7, null, ' api.test.local ', '  '],
      }).extraApiHosts,
    ).toEqual(['staging.example.com', 'api.test.local']);
  });
});

describe('analyzerSettings', () => {
  it('passes nothing for the defaults', () => {
    expect(analyzerSettings(DEFAULT_SETTINGS)).toEqual({});
  });

  it('passes the issuer, client id, hosts and 403 setting that are set', () => {
    const settings = parseSettings({
      expectedIssuer: ISSUER,
      expectedClientId: 'client-1',
      extraApiHosts: ['Staging.Example.com'],
      capture403: true,
      keepPerTab: 10,
    });
    expect(analyzerSettings(settings)).toEqual({
      expectedIssuer: ISSUER,
      expectedClientId: 'client-1',
      extraApiHosts: ['staging.example.com'],
      capture403: true,
    });
  });

  it('leaves out a blank issuer', () => {
    expect(analyzerSettings(parseSettings({ expectedIssuer: '   ' }))).toEqual({});
  });
});

describe('diagnosedStatuses of the settings', () => {
  it.each<[boolean, number[]]>([
    [false, [401]],
    [true, [401, 403]],
  ])('with capture403 %s captures %j', (capture403, statuses) => {
    expect(diagnosedStatuses(analyzerSettings(parseSettings({ capture403 })))).toEqual(statuses);
  });
});

describe('loadSettings, watchSettings and followSettings', () => {
  function hub() {
    const listeners: StorageListener[] = [];
    return {
      changes: {
        addListener: (l: StorageListener) => void listeners.push(l),
        removeListener: () => {},
      },
      emit: (changes: Record<string, { newValue?: unknown }>, area: string) =>
        listeners.forEach((l) => l(changes, area)),
    };
  }
  const area = (stored: unknown): SyncArea => ({
    get: async (key) => ({ [key]: stored }),
    set: async () => {},
  });

  it('reads the stored settings, parsed', async () => {
    expect((await loadSettings(area({ capture403: true, keepPerTab: 'x' }))).capture403).toBe(true);
  });

  it('follows them: the stored ones first, then each saved change, and only sync ones', async () => {
    const { changes, emit } = hub();
    const seen: Settings[] = [];
    await followSettings(area({ keepPerTab: 5 }), changes, (s) => seen.push(s));
    emit({ settings: { newValue: { keepPerTab: 7 } } }, 'sync');
    emit({ settings: { newValue: { keepPerTab: 9 } } }, 'local');
    emit({ other: { newValue: 1 } }, 'sync');
    expect(seen.map((s) => s.keepPerTab)).toEqual([5, 7]);
  });

  it('starts from the defaults when storage fails', async () => {
    const failing: SyncArea = { get: () => Promise.reject(new Error('gone')), set: async () => {} };
    const seen: Settings[] = [];
    await followSettings(failing, hub().changes, (s) => seen.push(s));
    expect(seen).toEqual([DEFAULT_SETTINGS]);
    await expect(loadSettings(failing)).rejects.toThrow('gone');
  });
});

describe('areaChanges', () => {
  type Changes = Record<string, { newValue?: unknown }>;
  function areaEvent() {
    const listeners = new Set<(changes: Changes) => void>();
    return {
      event: {
        addListener: (l: (changes: Changes) => void) => void listeners.add(l),
        removeListener: (l: (changes: Changes) => void) => void listeners.delete(l),
      },
      emit: (changes: Changes) => listeners.forEach((l) => l(changes)),
      get size() {
        return listeners.size;
      },
    };
  }
  const none = { addListener: () => {}, removeListener: () => {} };

  it('hears the area’s own event, named as the area, until removed', () => {
    const own = areaEvent();
    const changes = areaChanges(own.event, 'sync', none);
    const heard: Array<[Changes, string]> = [];
    const listener: StorageListener = (c, area) => void heard.push([c, area]);
    changes.addListener(listener);
    own.emit({ settings: { newValue: { keepPerTab: 7 } } });
    changes.removeListener(listener);
    own.emit({ settings: { newValue: { keepPerTab: 9 } } });
    expect(heard).toEqual([[{ settings: { newValue: { keepPerTab: 7 } } }, 'sync']]);
    expect(own.size).toBe(0);
  });

  it('falls back to every area’s event where the area has none of its own', () => {
    expect(areaChanges(undefined, 'sync', none)).toBe(none);
  });

  it('feeds watchSettings the same way', () => {
    const own = areaEvent();
    const seen: number[] = [];
    watchSettings(areaChanges(own.event, 'sync', none), (s) => seen.push(s.keepPerTab));
    own.emit({ settings: { newValue: { keepPerTab: 7 } } });
    expect(seen).toEqual([7]);
  });
});
