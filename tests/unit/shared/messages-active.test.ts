import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../../src/shared/messages.js';
import { capturedRequest } from './fixtures.js';

const URL = 'https://rolodex.api.rhythmsoftware.com/contacts/current';

describe('parseEnvelope: active checks', () => {
  it.each([
    { type: 'plan-active', payload: { tabId: 1, entryId: 'webRequest:1' } },
    { type: 'plan-active', payload: { tabId: 1, entryId: 'paste:1', request: capturedRequest() } },
    {
      type: 'run-active',
      payload: { tabId: 1, entryId: 'webRequest:1', action: 'contact', url: URL },
    },
    {
      type: 'run-active',
      payload: {
        tabId: 0,
        entryId: 'paste:2',
        action: 'retry',
        url: URL,
        request: capturedRequest(),
      },
    },
  ])('accepts $type %#', (message) => {
    expect(parseEnvelope(message)).toEqual(message);
  });

  it.each([
    { type: 'plan-active', payload: { tabId: 1 } },
    { type: 'plan-active', payload: { tabId: 1, entryId: '' } },
    { type: 'plan-active', payload: { tabId: 1, entryId: 'x'.repeat(201) } },
    { type: 'plan-active', payload: { tabId: 1, entryId: 'a', request: { url: 1 } } },
    {
      type: 'run-active',
      payload: { tabId: 1, entryId: 'a', action: 'delete-everything', url: URL },
    },
    { type: 'run-active', payload: { tabId: 1, entryId: 'a', action: 'contact' } },
    { type: 'run-active', payload: { tabId: -1, entryId: 'a', action: 'contact', url: URL } },
    {
      type: 'run-active',
      payload: { tabId: 1, entryId: 'a', action: 'contact', url: 'x'.repeat(9000) },
    },
  ])('refuses a malformed one %#', (message) => {
    expect(parseEnvelope(message)).toBeNull();
  });
});
