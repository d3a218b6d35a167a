import { describe, expect, it, vi } from 'vitest';
import type { CapturedRequest } from '../../../src/analyzer/types.js';
import { createCapture } from '../../../src/background/capture.js';
import { createHandlers } from '../../../src/background/handlers.js';
import type { StoredDiagnosis } from '../../../src/shared/stored.js';
import { createTabStore } from '../../../src/shared/tab-store.js';
import { signToken } from '../../helpers/tokens.js';
import { capturedRequest, ROLODEX_URL, SENT_AT } from '../shared/fixtures.js';
import { createMemoryArea } from '../shared/memory-area.js';

const TOKEN = await signToken();

/** Which diagnosed requests were handed to the memory-only token holder, by entry id. */
function holder() {
  const held: Array<{ id: string; request: CapturedRequest }> = [];
  return {
    held,
    hold: vi.fn((e: StoredDiagnosis, request: CapturedRequest) => held.push({ id: e.id, request })),
  };
}

describe('tokens of diagnosed requests are held for the active checks', () => {
  it('capture holds the request of each 401 it diagnoses, and of nothing else', async () => {
    const { held, hold } = holder();
    const capture = createCapture({
      store: createTabStore(createMemoryArea()),
      settings: () => ({}),
      now: () => SENT_AT,
      onDiagnosed: () => {},
      hold,
    });
    const send = (requestId: string, status: number) => {
      capture.onSendHeaders({
        requestId,
        tabId: 3,
        url: ROLODEX_URL,
        method: 'GET',
        timeStamp: SENT_AT,
        requestHeaders: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }],
      });
      return capture.onCompleted({
        requestId,
        tabId: 3,
        url: ROLODEX_URL,
        method: 'GET',
        timeStamp: SENT_AT + 5,
        statusCode: status,
        responseHeaders: [],
      });
    };
    await send('1', 200);
    await send('2', 401);
    expect(held.map((h) => h.id)).toEqual(['webRequest:2']);
    expect(held[0]!.request.requestHeaders).toEqual([
      { name: 'Authorization', value: `Bearer ${TOKEN}` },
    ]);
  });

  it('add-captured holds what DevTools saw, once per diagnosis it keeps', async () => {
    const { held, hold } = holder();
    const handlers = createHandlers({
      store: createTabStore(createMemoryArea()),
      settings: () => ({}),
      now: () => SENT_AT,
      onDiagnosed: () => {},
      onCleared: async () => {},
      active: { plan: async () => ({ held: false }), run: async () => ({ kind: 'no-token' }) },
      hold,
    });
    const request = capturedRequest({ auth: `Bearer ${TOKEN}` });
    await handlers['add-captured']({ tabId: 3, requests: [{ key: 'k1', request }] });
    await handlers['add-captured']({ tabId: 3, requests: [{ key: 'k1', request }] });
    expect(held.map((h) => h.id)).toEqual(['devtools:k1']);
  });
});
