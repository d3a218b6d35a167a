import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { signToken } from '../../../helpers/tokens.js';
import {
  DEFAULT_URL,
  check,
  expectFixWhenActionable,
  request,
  type RequestOptions,
} from '../helpers.js';

const jwt = await signToken();
const bearer = `Bearer ${jwt}`;
const otherOrigin = 'https://api.rhythmsoftware.com/contacts/acme.org';
const sameOrigin = 'https://rolodex.api.rhythmsoftware.com/v1/contacts/acme.org';

type Cause = 'redirect' | 'missing';
const rows: Array<{ name: string; options: RequestOptions; status: CheckStatus; cause?: Cause }> = [
  {
    name: 'passes when the Authorization header was sent',
    options: { auth: bearer },
    status: 'pass',
  },
  {
    name: 'passes a lower-case authorization header',
    options: { headers: { authorization: bearer } },
    status: 'pass',
  },
  {
    name: 'passes an Authorization header whose value is wrong (header.scheme judges it)',
    options: { auth: 'undefined' },
    status: 'pass',
  },
  {
    name: 'passes when the header survived a redirect',
    options: { auth: bearer, redirectedFrom: [otherOrigin] },
    status: 'pass',
  },
  {
    name: 'fails when there is no Authorization header',
    options: {},
    status: 'fail',
    cause: 'missing',
  },
  {
    name: 'fails when the token went under a look-alike name',
    options: { headers: { 'X-Authorization': bearer } },
    status: 'fail',
    cause: 'missing',
  },
  {
    name: 'fails when the token went in the query string',
    options: { url: `${DEFAULT_URL}?access_token=${jwt}` },
    status: 'fail',
    cause: 'missing',
  },
  {
    name: 'fails naming a cross-origin redirect that dropped the header',
    options: { redirectedFrom: [otherOrigin] },
    status: 'fail',
    cause: 'redirect',
  },
  {
    name: 'fails naming an http→https redirect (another origin) that dropped the header',
    options: { redirectedFrom: [DEFAULT_URL.replace('https:', 'http:')] },
    status: 'fail',
    cause: 'redirect',
  },
  {
    name: 'fails naming a cross-origin hop within a chain of redirects',
    options: { redirectedFrom: [sameOrigin, otherOrigin, sameOrigin] },
    status: 'fail',
    cause: 'redirect',
  },
  {
    name: 'fails without blaming a same-origin redirect',
    options: { redirectedFrom: [sameOrigin] },
    status: 'fail',
    cause: 'missing',
  },
  {
    name: 'fails without blaming an unparseable redirect URL',
    options: { redirectedFrom: ['not a url'] },
    status: 'fail',
    cause: 'missing',
  },
  { name: 'skips a CORS preflight', options: { method: 'OPTIONS' }, status: 'skip' },
];

describe('header.present', () => {
  it.each(rows)('$name', ({ options, status, cause }) => {
    const result = check(analyze(request(options)), 'header.present');
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
    if (cause === 'redirect') {
      expect(result.title).toMatch(/redirect/i);
      expect(result.detail).toContain(DEFAULT_URL);
    }
    if (cause === 'missing') expect(result.title).not.toMatch(/redirect/i);
  });

  it('quotes the origin the request was redirected from', () => {
    const result = check(analyze(request({ redirectedFrom: [otherOrigin] })), 'header.present');
    expect(result.detail).toContain(otherOrigin);
  });

  it('makes the missing header the root cause of a request without credentials', () => {
    expect(analyze(request()).rootCause?.id).toBe('header.present');
  });
});

describe('header.present in a HAR whose exporter removed the credentials (settings.harCredentials)', () => {
  it.each([
    [
      'removed',
      /^No Authorization header in this HAR: the exporter removed it$/,
      /Chrome's "Export HAR \(sanitized\)"/,
    ],
    [
      'maybe-removed',
      /^No Authorization header: not sent, or removed when the HAR was exported$/,
      /either the app never sent the token, or the HAR was exported sanitized/,
    ],
  ] as const)('says %s instead of "send one"', (kind, title, detail) => {
    const result = check(analyze(request(), { harCredentials: kind }), 'header.present');
    expect(result.status).toBe('fail');
    expect(result.title).toMatch(title);
    expect(result.detail).toMatch(detail);
    expect(result.fix).toMatch(/^Export the HAR again with its headers/);
    if (kind === 'removed') expect(result.fix).not.toMatch(/Send `Authorization/);
  });

  it('keeps the evidence it has: a look-alike header, a cross-origin redirect', () => {
    const settings = { harCredentials: 'removed' } as const;
    const lookalike = check(
      analyze(request({ headers: { 'X-Authorization': bearer } }), settings),
      'header.present',
    );
    expect(lookalike.detail).toMatch(/sent in `X-Authorization` instead/);
    const redirect = check(
      analyze(request({ redirectedFrom: [otherOrigin] }), settings),
      'header.present',
    );
    expect(redirect.title).toMatch(/cross-origin redirect/);
  });
});
