import { describe, expect, it, vi } from 'vitest';
import {
  addGuarded,
  extraInfoSpec,
  logFailure,
  preflightsReachOnCompleted,
  type SpecEvent,
} from '../../../src/background/listeners.js';
import { fakeWebRequest } from './fake-web-request.js';

const chrome = fakeWebRequest('chrome').events;
const firefox = fakeWebRequest('firefox').events;

describe('extraInfoSpec', () => {
  it.each<[string, object, SpecEvent, string[], string[]]>([
    [
      'Chrome',
      chrome,
      'onCompleted',
      ['responseHeaders', 'extraHeaders'],
      ['responseHeaders', 'extraHeaders'],
    ],
    [
      'Chrome',
      chrome,
      'onHeadersReceived',
      ['responseHeaders', 'extraHeaders'],
      ['responseHeaders', 'extraHeaders'],
    ],
    ['Chrome', chrome, 'onSendHeaders', ['requestHeaders'], ['requestHeaders']],
    ['Firefox', firefox, 'onCompleted', ['responseHeaders', 'extraHeaders'], ['responseHeaders']],
    [
      'Firefox',
      firefox,
      'onHeadersReceived',
      ['responseHeaders', 'extraHeaders'],
      ['responseHeaders'],
    ],
    ['Firefox', firefox, 'onSendHeaders', ['requestHeaders', 'extraHeaders'], ['requestHeaders']],
    // A browser without the enums: the standard values, never the Chrome-only one.
    [
      'a browser without enums',
      {},
      'onCompleted',
      ['responseHeaders', 'extraHeaders'],
      ['responseHeaders'],
    ],
    [
      'a browser with a malformed enum',
      { OnCompletedOptions: 'x' },
      'onCompleted',
      ['extraHeaders'],
      [],
    ],
  ])('in %s, %s gets only what its enum lists', (_, webRequest, event, wanted, expected) => {
    expect(extraInfoSpec(webRequest, event, wanted)).toEqual(expected);
  });

  it('reads the enum values, not its keys (Chrome says EXTRA_HEADERS, Firefox RESPONSEHEADERS)', () => {
    const renamed = { OnCompletedOptions: { SOMETHING_ELSE: 'extraHeaders' } };
    expect(extraInfoSpec(renamed, 'onCompleted', ['responseHeaders', 'extraHeaders'])).toEqual([
      'extraHeaders',
    ]);
  });
});

describe('addGuarded', () => {
  it('runs the registration and reports nothing when it works', () => {
    const add = vi.fn();
    const onFailure = vi.fn();
    expect(addGuarded('onCompleted', add, onFailure)).toBe(true);
    expect(add).toHaveBeenCalledOnce();
    expect(onFailure).not.toHaveBeenCalled();
  });

  it.each<[string, unknown, string]>([
    [
      'an Error',
      new Error('Invalid enumeration value "extraHeaders"'),
      'Invalid enumeration value "extraHeaders"',
    ],
    ['a string', 'no webRequest', 'no webRequest'],
  ])('turns a thrown %s into a reported failure instead of a throw', (_, thrown, message) => {
    const onFailure = vi.fn();
    const add = () => {
      throw thrown;
    };
    expect(addGuarded('onCompleted', add, onFailure)).toBe(false);
    expect(onFailure).toHaveBeenCalledWith({ event: 'onCompleted', message });
  });

  it('logs a failure on one prefixed console line (the e2e suites look for it)', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    logFailure({ event: 'onCompleted', message: 'boom' });
    expect(error).toHaveBeenCalledWith('Rhythm Auth: could not watch webRequest.onCompleted: boom');
    error.mockRestore();
  });
});

describe('preflightsReachOnCompleted', () => {
  it.each<[string, object, boolean]>([
    ['Chrome', chrome, true],
    ['Firefox', firefox, false],
    ['a browser without enums', {}, false],
  ])('in %s: %s', (_, webRequest, expected) => {
    expect(preflightsReachOnCompleted(webRequest)).toBe(expected);
  });
});
