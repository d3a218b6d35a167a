import { describe, expect, it } from 'vitest';
import {
  parsePortEvent,
  reconnectDelay,
  startConnection,
  type PortLike,
} from '../../../src/panel/connection.js';
import type { PanelEvent } from '../../../src/panel/state.js';
import type { StoredDiagnosis } from '../../../src/shared/stored.js';
import { entry } from './fixtures.js';

class FakePort implements PortLike {
  private messages: Array<(m: unknown) => void> = [];
  private disconnects: Array<() => void> = [];
  disconnected = false;
  constructor(readonly name: string) {}
  onMessage = { addListener: (l: (m: unknown) => void) => void this.messages.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.disconnects.push(l) };
  disconnect() {
    this.disconnected = true;
  }
  push(message: unknown) {
    for (const l of this.messages) l(message);
  }
  /** The worker died. */
  drop() {
    for (const l of this.disconnects) l();
  }
}

function harness(stored: StoredDiagnosis[] = []) {
  const ports: FakePort[] = [];
  const events: PanelEvent[] = [];
  const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  let reads = 0;
  const connection = startConnection({
    tabId: 7,
    connect: (name) => {
      const port = new FakePort(name);
      ports.push(port);
      return port;
    },
    readTab: async (tabId) => {
      expect(tabId).toBe(7);
      reads += 1;
      return stored;
    },
    dispatch: (e) => events.push(e),
    setTimeout: (run, ms) => {
      const t = { run, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimeout: (t) => void ((t as { cleared: boolean }).cleared = true),
  });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  const fire = (ms: number) => {
    const t = timers.find((x) => !x.cleared && x.ms === ms);
    if (!t) throw new Error(`no timer of ${ms} ms`);
    t.cleared = true;
    t.run();
  };
  return { ports, events, connection, flush, fire, reads: () => reads };
}

const types = (events: PanelEvent[]) => events.map((e) => e.type);

describe('connection to the worker', () => {
  it('connects a port named after the tab, then reads the tab from storage.session', async () => {
    const a = entry({ id: 'a' });
    const h = harness([a]);
    await h.flush();
    expect(h.ports.map((p) => p.name)).toEqual(['panel:7']);
    expect(types(h.events)).toEqual(['connecting', 'sync-started', 'synced']);
    expect(h.events.at(-1)).toEqual({ type: 'synced', entries: [a] });
  });

  it('passes on live events for its tab only, and drops malformed ones', async () => {
    const h = harness();
    await h.flush();
    const port = h.ports[0]!;
    port.push({ type: 'request-diagnosed', entry: entry({ id: 'b' }) });
    port.push({ type: 'request-diagnosed', entry: entry({ id: 'c', tabId: 99 }) });
    port.push({ type: 'request-diagnosed', entry: { id: 'd' } });
    port.push({ type: 'tab-cleared', tabId: 7 });
    port.push('<img src=x>');
    expect(types(h.events).slice(3)).toEqual(['request-diagnosed', 'tab-cleared']);
  });

  it('reconnects when the worker dies (which wakes it) and reads the tab again', async () => {
    const h = harness();
    await h.flush();
    h.ports[0]!.drop();
    expect(h.events.at(-1)).toEqual({ type: 'connecting', attempt: 1 });
    h.fire(reconnectDelay(1));
    await h.flush();
    expect(h.ports).toHaveLength(2);
    expect(h.reads()).toBe(2);
    expect(types(h.events).slice(-2)).toEqual(['sync-started', 'synced']);
  });

  it('backs off from 100 ms to at most 5 s', () => {
    expect([1, 2, 3, 4, 10, 50].map(reconnectDelay)).toEqual([100, 200, 400, 800, 5000, 5000]);
  });

  it('reports a failure when the extension context is gone', () => {
    const events: PanelEvent[] = [];
    startConnection({
      tabId: 1,
      connect: () => {
        throw new Error('Extension context invalidated.');
      },
      readTab: async () => [],
      dispatch: (e) => events.push(e),
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    });
    expect(events.at(-1)).toEqual({
      type: 'connection-failed',
      message: 'Extension context invalidated.',
    });
  });

  it('stops for good', async () => {
    const h = harness();
    await h.flush();
    h.connection.stop();
    expect(h.ports[0]!.disconnected).toBe(true);
    h.ports[0]!.drop();
    expect(h.ports).toHaveLength(1);
  });

  it('validates port events', () => {
    expect(parsePortEvent({ type: 'tab-cleared', tabId: 3 })).toEqual({
      type: 'tab-cleared',
      tabId: 3,
    });
    expect(parsePortEvent({ type: 'tab-cleared' })).toBeNull();
    expect(parsePortEvent(null)).toBeNull();
    expect(
      parsePortEvent({
        type: 'request-diagnosed',
        entry: { ...entry({ id: 'x' }), diagnosis: 'no' },
      }),
    ).toBeNull();
  });
});
