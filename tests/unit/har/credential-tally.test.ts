/**
 * Telling a HAR exported without its credentials (Chrome's "Export HAR (sanitized)", masks of
 * other tools) from one whose app really sent no token.
 */
import { describe, expect, it } from 'vitest';
import {
  createHarCredentialTally,
  lacksCredentials,
  sanitizedExportFinding,
  settingsForFinding,
  tallyHarRequest,
} from '../../../src/har/credential-tally.js';
import type { CapturedRequest, HttpHeader } from '../../../src/analyzer/types.js';

const RHYTHM = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';
const OTHER_HEADERS: HttpHeader[] = [{ name: 'accept', value: 'application/json' }];

function request(
  status: number,
  headers: HttpHeader[] = OTHER_HEADERS,
  url = RHYTHM,
): CapturedRequest {
  return { url, method: 'GET', status, sentAt: 0, requestHeaders: headers, responseHeaders: [] };
}

function finding(requests: CapturedRequest[]) {
  const tally = createHarCredentialTally();
  for (const r of requests) tallyHarRequest(tally, r);
  return sanitizedExportFinding(tally);
}

const auth = (value: string): HttpHeader[] => [...OTHER_HEADERS, { name: 'Authorization', value }];

describe('sanitizedExportFinding', () => {
  it('says "removed" when 401s and successful Rhythm calls all lack Authorization', () => {
    const found = finding([request(200), request(401), request(401)]);
    expect(found?.kind).toBe('removed');
    expect(found?.summary).toMatch(/none of its 2 Rhythm 401s has an Authorization header/);
    expect(found?.summary).toMatch(/Export HAR \(sanitized\)/);
    expect(found?.howToExport.join('\n')).toMatch(/Export HAR \(with sensitive data\)/);
    expect(found?.howToExport.join('\n')).toMatch(/Firefox/);
  });

  it('says "maybe-removed" when there is no successful call to prove it', () => {
    expect(finding([request(401)])?.kind).toBe('maybe-removed');
  });

  it('says "masked" when every Rhythm 401 carries a placeholder instead of the token', () => {
    expect(finding([request(401, auth('REDACTED')), request(401, auth('Bearer ***'))])?.kind).toBe(
      'masked',
    );
  });

  const none: Array<[string, CapturedRequest[]]> = [
    ['a 401 with a token', [request(401, auth('Bearer x.y.z'))]],
    [
      'one masked value among real tokens',
      [request(401, auth('Bearer [redacted]')), request(401, auth('Bearer a.b.c'))],
    ],
    [
      'a Cookie somewhere (headers were kept)',
      [request(401), request(200, [{ name: 'Cookie', value: 'a=1' }], 'https://portal.acme.org/')],
    ],
    ['a 401 with no headers at all (nothing recorded)', [request(401, [])]],
    ['no Rhythm 401', [request(200), request(401, OTHER_HEADERS, 'https://api.example.com/x')]],
  ];
  it.each(none)('says nothing for %s', (_, requests) => {
    expect(finding(requests)).toBeNull();
  });
});

describe('lacksCredentials: a request whose row waits for the finding', () => {
  it.each([
    ['no Authorization, other headers', request(401), true],
    ['no headers at all', request(401, []), true],
    ['an Authorization header', request(401, auth('Bearer x.y.z')), false],
    ['a masked Authorization header', request(401, auth('REDACTED')), false],
    ['a look-alike header', request(401, [{ name: 'X-Access-Token', value: 'a.b.c' }]), false],
    ['a token in the query', request(401, OTHER_HEADERS, `${RHYTHM}?access_token=a.b.c`), false],
  ])('%s → %s', (_, r, lacks) => {
    expect(lacksCredentials(r)).toBe(lacks);
  });
});

describe('settingsForFinding', () => {
  const removed = finding([request(200), request(401)]);
  const maybe = finding([request(401)]);
  const masked = finding([request(401, auth('REDACTED'))]);
  it('words the rows when the credentials were (maybe) removed, keeping the other settings', () => {
    expect(settingsForFinding({ capture403: true }, removed)).toEqual({
      capture403: true,
      harCredentials: 'removed',
    });
    expect(settingsForFinding({}, maybe)).toEqual({ harCredentials: 'maybe-removed' });
  });
  it('changes nothing without a finding, or for masked values (those rows have a header)', () => {
    expect(settingsForFinding({}, null)).toBeNull();
    expect(settingsForFinding({}, masked)).toBeNull();
  });
});
