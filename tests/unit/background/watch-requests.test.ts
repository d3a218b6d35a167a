import { describe, expect, it, vi } from 'vitest';
import type { Capture } from '../../../src/background/capture.js';
import {
  hostFilter,
  watchRequests,
  type WebRequestEvents,
} from '../../../src/background/watch-requests.js';

function fakeEvents() {
  const added: Array<{ event: string; filter: { urls: string[] }; extra?: string[] }> = [];
  const listeners = new Map<string, Set<unknown>>();
  const event = (name: string) => ({
    addListener: (l: unknown, filter: { urls: string[] }, extra?: string[]) => {
      added.push({ event: name, filter, ...(extra ? { extra } : {}) });
      (listeners.get(name) ?? listeners.set(name, new Set()).get(name)!).add(l);
    },
    removeListener: (l: unknown) => listeners.get(name)?.delete(l),
  });
  const events = {
    onSendHeaders: event('onSendHeaders'),
    onBeforeRedirect: event('onBeforeRedirect'),
    onErrorOccurred: event('onErrorOccurred'),
    onCompleted: event('onCompleted'),
  } as unknown as WebRequestEvents;
  const count = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { events, added, count };
}

describe('watchRequests', () => {
  it('adds the four capture listeners for one URL filter, and removes exactly them', () => {
    const { events, added, count } = fakeEvents();
    const capture = {
      onSendHeaders: vi.fn(),
      onBeforeRedirect: vi.fn(),
      onErrorOccurred: vi.fn(),
      onCompleted: vi.fn(),
    } as unknown as Capture;
    const rhythm = watchRequests(events, capture, { urls: ['*://*.api.rhythmsoftware.com/*'] });
    const extra = watchRequests(events, capture, hostFilter(['staging.example.com']));
    expect(count()).toBe(8);
    expect(added.filter((a) => a.filter.urls[0] === '*://staging.example.com/*')).toEqual([
      {
        event: 'onSendHeaders',
        filter: { urls: ['*://staging.example.com/*'] },
        extra: ['requestHeaders'],
      },
      { event: 'onBeforeRedirect', filter: { urls: ['*://staging.example.com/*'] } },
      { event: 'onErrorOccurred', filter: { urls: ['*://staging.example.com/*'] } },
      {
        event: 'onCompleted',
        filter: { urls: ['*://staging.example.com/*'] },
        extra: ['responseHeaders', 'extraHeaders'],
      },
    ]);
    extra();
    expect(count()).toBe(4);
    rhythm();
    expect(count()).toBe(0);
  });
});
