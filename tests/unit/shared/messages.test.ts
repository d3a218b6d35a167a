import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import { parseEnvelope, type MessageRequest } from '../../../src/shared/messages.js';
import { capturedRequest } from './fixtures.js';

const request = capturedRequest({ auth: 'Bearer not.a.jwt' });
const item = { key: 'r1', request };
const addCaptured = (requests: unknown[], tabId: unknown = 3) => ({
  type: 'add-captured',
  payload: { tabId, requests },
});
const withRequest = (patch: Record<string, unknown>) =>
  addCaptured([{ key: 'r1', request: { ...request, ...patch } }]);

describe('parseEnvelope', () => {
  it.each<[string, unknown]>([
    ['get-tab', { type: 'get-tab', payload: { tabId: 3 } }],
    ['get-tab for tab 0', { type: 'get-tab', payload: { tabId: 0 } }],
    ['clear-tab', { type: 'clear-tab', payload: { tabId: 3 } }],
    [
      'get-last-success',
      {
        type: 'get-last-success',
        payload: {
          tabId: 3,
          host: 'rolodex.api.rhythmsoftware.com',
          route: '/contacts/{tenant}/current',
          subject: 'user',
        },
      },
    ],
    ['add-captured with no requests', addCaptured([])],
    ['add-captured', addCaptured([item, { ...item, key: 'r2', responseBody: '{"x":1}' }])],
    [
      'add-captured with a redirect chain and a type',
      withRequest({ redirectedFrom: ['https://api.rhythmsoftware.com/x'], type: 'fetch' }),
    ],
    ['add-captured with 5000 requests', addCaptured(Array.from({ length: 5000 }, () => item))],
  ])('accepts %s', (_, raw) => {
    expect(parseEnvelope(raw)).toBe(raw);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'get-tab'],
    ['an array', [{ type: 'get-tab', payload: { tabId: 3 } }]],
    ['a missing type', { payload: { tabId: 3 } }],
    ['a non-string type', { type: 1, payload: { tabId: 3 } }],
    ['an unknown type', { type: 'delete-everything', payload: { tabId: 3 } }],
    ['a type from Object.prototype', { type: 'toString', payload: { tabId: 3 } }],
    ['an event type', { type: 'request-diagnosed', payload: { tabId: 3 } }],
    ['a missing payload', { type: 'get-tab' }],
    ['a null payload', { type: 'get-tab', payload: null }],
    ['a string payload', { type: 'get-tab', payload: '3' }],
    ['a missing tabId', { type: 'get-tab', payload: {} }],
    ['a string tabId', { type: 'clear-tab', payload: { tabId: '3' } }],
    ['a negative tabId', { type: 'clear-tab', payload: { tabId: -1 } }],
    ['a fractional tabId', { type: 'get-tab', payload: { tabId: 1.5 } }],
    ['a NaN tabId', { type: 'get-tab', payload: { tabId: Number.NaN } }],
    ['an infinite tabId', { type: 'get-tab', payload: { tabId: Number.POSITIVE_INFINITY } }],
    ['get-last-success without a host', { type: 'get-last-success', payload: { tabId: 3 } }],
    [
      'get-last-success without a route and subject',
      { type: 'get-last-success', payload: { tabId: 3, host: 'h' } },
    ],
    [
      'get-last-success with another subject',
      { type: 'get-last-success', payload: { tabId: 3, host: 'h', route: '/', subject: 'admin' } },
    ],
    [
      'get-last-success with a number host',
      { type: 'get-last-success', payload: { tabId: 3, host: 1 } },
    ],
    ['add-captured with a bad tabId', addCaptured([item], -2)],
    ['add-captured without requests', { type: 'add-captured', payload: { tabId: 3 } }],
    [
      'add-captured with requests not an array',
      { type: 'add-captured', payload: { tabId: 3, requests: {} } },
    ],
    ['add-captured with 5001 requests', addCaptured(Array.from({ length: 5001 }, () => item))],
    ['a null item', addCaptured([null])],
    ['an item without a key', addCaptured([{ request }])],
    ['an item with a number key', addCaptured([{ key: 1, request }])],
    ['an item without a request', addCaptured([{ key: 'r1' }])],
    ['a non-string responseBody', addCaptured([{ ...item, responseBody: 42 }])],
    ['a non-string url', withRequest({ url: 42 })],
    ['a non-string method', withRequest({ method: null })],
    ['a string status', withRequest({ status: '401' })],
    ['a string sentAt', withRequest({ sentAt: '2026-11-01T12:00:00Z' })],
    ['a NaN sentAt', withRequest({ sentAt: Number.NaN })],
    ['an infinite sentAt', withRequest({ sentAt: Number.POSITIVE_INFINITY })],
    [
      'request headers not an array',
      withRequest({ requestHeaders: { Authorization: 'Bearer x' } }),
    ],
    ['missing response headers', withRequest({ responseHeaders: undefined })],
    ['a header without a value', withRequest({ requestHeaders: [{ name: 'Authorization' }] })],
    [
      'a header with a number value',
      withRequest({ responseHeaders: [{ name: 'Date', value: 1 }] }),
    ],
    ['a header as a [name, value] pair', withRequest({ requestHeaders: [['Authorization', 'x']] })],
    ['a header that is null', withRequest({ responseHeaders: [null] })],
    [
      'redirectedFrom as a string',
      withRequest({ redirectedFrom: 'https://api.rhythmsoftware.com/x' }),
    ],
    ['redirectedFrom with a non-string', withRequest({ redirectedFrom: [42] })],
    ['a non-string type', withRequest({ type: 7 })],
    [
      'one malformed request among valid ones',
      addCaptured([item, { key: 'r2', request: {} }, item]),
    ],
  ])('rejects %s', (_, raw) => {
    expect(parseEnvelope(raw)).toBeNull();
  });

  it.each<[string, unknown]>([
    ['redirectedFrom as a string', 'https://api.rhythmsoftware.com/x'],
    ['redirectedFrom with a number', [42]],
  ])('lets through nothing that makes analyze throw, such as %s', (_, redirectedFrom) => {
    // Without an Authorization header, header.present walks redirectedFrom.
    const raw = addCaptured([{ key: 'r1', request: { ...capturedRequest(), redirectedFrom } }]);
    const accepted = parseEnvelope(raw);
    const payload = accepted?.payload as MessageRequest<'add-captured'> | undefined;
    for (const { request: r } of payload?.requests ?? []) {
      expect(() => analyze(r)).not.toThrow();
    }
  });
});
