/**
 * Report test subjects: real signed tokens run through the real analyzer, each with the token and
 * secrets a shell would pass (requestSecrets), and the strings that must never be exported.
 */
import { analyze } from '../../../../src/analyzer/analyze.js';
import type { ReportContext, ReportSubject } from '../../../../src/analyzer/report/index.js';
import { requestSecrets } from '../../../../src/analyzer/index.js';
import type { CapturedRequest, HttpHeader } from '../../../../src/analyzer/types.js';
import { T0, noAudienceToken, signToken } from '../../../helpers/tokens.js';

export const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';
export const HOSTILE = '|`<img src=x onerror=alert(1)>`|\n| injected | row |\r\n\u202eevil\u200f';

export const CONTEXT: ReportContext = {
  extensionVersion: '0.1.0',
  browser: 'Chrome 131 (Linux)',
  generatedAt: T0 + 7_200_000,
  tool: 'extension',
};

export interface Case {
  name: string;
  subject: ReportSubject;
  /** The token the request carried (for the expectations), or null. */
  token: string | null;
  /** Strings that must appear in no export: signatures, complete tokens, credentials. */
  forbidden: string[];
}

export function capture(options: {
  url?: string;
  headers?: HttpHeader[];
  responseHeaders?: HttpHeader[];
  redirectedFrom?: string[];
  sentAt?: number;
}): CapturedRequest {
  return {
    url: options.url ?? CURRENT,
    method: 'GET',
    status: 401,
    sentAt: options.sentAt ?? T0 + 3_600_000,
    requestHeaders: options.headers ?? [],
    responseHeaders: options.responseHeaders ?? [],
    ...(options.redirectedFrom ? { redirectedFrom: options.redirectedFrom } : {}),
  };
}

export const bearer = (token: string): HttpHeader[] => [
  { name: 'Authorization', value: `Bearer ${token}` },
];

/** The signature of a JWS, or every segment but the header of anything else. */
export function secretParts(token: string): string[] {
  const parts = token.split('.');
  return parts.length === 3 ? [parts[2]!] : parts.slice(1).filter((p) => p.length >= 8);
}

export function makeCase(name: string, request: CapturedRequest, extra: string[] = []): Case {
  const diagnosis = analyze(request);
  const { token, secrets } = requestSecrets(request);
  const forbidden = token ? [token, ...secretParts(token), ...extra] : extra;
  return { name, subject: { diagnosis, token, secrets }, token, forbidden };
}

export async function cases(): Promise<Case[]> {
  const valid = await signToken();
  const expired = await signToken({ iatMs: T0 - 3 * 86_400_000 });
  const jwe = noAudienceToken();
  const idToken = await signToken({ kind: 'id' });
  const inQuery = await signToken({ kind: 'm2m' });
  const inner = await signToken({ kind: 'm2m' });
  const nesting = await signToken({
    claims: { act: inner, 'http://x/refresh': `Bearer ${inner}` },
  });
  const hostile = await signToken({
    claims: { [HOSTILE]: HOSTILE, 'http://rhythmsoftware.com/contact_id': HOSTILE },
  });
  const wrapped = await signToken();
  const [h, p, s] = wrapped.split('.') as [string, string, string];
  const quoted = await signToken({ kind: 'm2m' });
  const basic = 'Basic dXNlcjpzM2NyZXQtcGFzc3dvcmQ=';
  const cookie = 'session=8c1f0e2b9a7d4c3e; theme=dark';

  return [
    makeCase('a valid user token', capture({ headers: bearer(valid) })),
    makeCase('an expired token', capture({ headers: bearer(expired) })),
    makeCase('a JWE token requested without audience', capture({ headers: bearer(jwe) })),
    makeCase('an ID token used as a bearer', capture({ headers: bearer(idToken) })),
    makeCase(
      'a token in the URL query',
      capture({ url: `${CURRENT}?access_token=${inQuery}&id_token=${inQuery}&keep=1` }),
    ),
    makeCase('a claim whose value is another JWT', capture({ headers: bearer(nesting) }), [
      inner,
      secretParts(inner)[0]!,
    ]),
    makeCase('hostile claims', capture({ headers: bearer(hostile) })),
    makeCase(
      'a token wrapped across lines inside its signature',
      capture({ headers: bearer(`${h}.${p}.${s.slice(0, 40)}\n ${s.slice(40)}`) }),
      [s, s.slice(40)],
    ),
    makeCase(
      'a server message and a redirect quoting the token',
      capture({
        headers: [],
        redirectedFrom: [`https://app.acme.org/api?token=${quoted}`],
        responseHeaders: [
          {
            name: 'WWW-Authenticate',
            value: `Bearer error="invalid_token", error_description="token ${quoted} expired"`,
          },
        ],
      }),
      [quoted, secretParts(quoted)[0]!],
    ),
    makeCase(
      'Basic credentials and a cookie',
      capture({
        headers: [
          { name: 'Authorization', value: basic },
          { name: 'Cookie', value: cookie },
        ],
      }),
      ['dXNlcjpzM2NyZXQtcGFzc3dvcmQ=', '8c1f0e2b9a7d4c3e'],
    ),
  ];
}
