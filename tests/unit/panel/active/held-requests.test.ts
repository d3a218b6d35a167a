import { describe, expect, it } from 'vitest';
import { requestKey } from '../../../../src/analyzer/request-key.js';
import { createHeldRequests } from '../../../../src/panel/active/held-requests.js';
import { signToken } from '../../../helpers/tokens.js';
import { entry, request } from '../fixtures.js';

const TOKEN = await signToken();

describe('createHeldRequests (the panel’s memory of requests, for the active checks)', () => {
  it('finds a pasted entry’s own request', () => {
    const held = createHeldRequests();
    const r = request({ auth: `Bearer ${TOKEN}` });
    held.hold('paste:1', r);
    expect(held.find(entry({ id: 'paste:1', auth: `Bearer ${TOKEN}` }), [])).toBe(r);
  });

  it('finds DevTools’ copy of a request the worker captured, by the same request', () => {
    const held = createHeldRequests();
    const r = request({ auth: `Bearer ${TOKEN}` });
    held.hold('devtools:k1', r);
    const captured = entry({ id: 'webRequest:9', auth: `Bearer ${TOKEN}` });
    expect(held.find(captured, [{ key: 'k1', requestKey: requestKey(r) }])).toBe(r);
    // Another request (another URL) is not it.
    const other = request({
      auth: `Bearer ${TOKEN}`,
      url: 'https://rolodex.api.rhythmsoftware.com/contacts/x/current',
    });
    expect(held.find(captured, [{ key: 'k1', requestKey: requestKey(other) }])).toBeUndefined();
  });

  it('keeps at most `max`, and drops by prefix', () => {
    const held = createHeldRequests(2);
    for (const id of ['paste:1', 'devtools:a', 'devtools:b']) held.hold(id, request());
    expect(held.find(entry({ id: 'paste:1' }), [])).toBeUndefined();
    held.drop('devtools:');
    expect(held.find(entry({ id: 'devtools:b' }), [])).toBeUndefined();
  });

  it('forgets exactly the pasted entries it is told of, not one pasted since', () => {
    const held = createHeldRequests();
    for (const id of ['paste:1', 'paste:10', 'paste:2']) held.hold(id, request());
    held.forget(['paste:1']);
    expect(held.find(entry({ id: 'paste:1' }), [])).toBeUndefined();
    expect(held.find(entry({ id: 'paste:10' }), [])).toBeDefined();
    expect(held.find(entry({ id: 'paste:2' }), [])).toBeDefined();
  });
});
