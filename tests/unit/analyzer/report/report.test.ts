import { beforeAll, describe, expect, it } from 'vitest';
import {
  REPORT_SCHEMA,
  buildReport,
  renderJson,
  renderMarkdown,
  reportJson,
  reportMarkdown,
  type SupportReport,
} from '../../../../src/analyzer/report/index.js';
import { CHECK_IDS } from '../../../../src/analyzer/types.js';
import { signToken } from '../../../helpers/tokens.js';
import { CONTEXT, CURRENT, bearer, capture, cases, makeCase, type Case } from './fixtures.js';

let all: Case[];
beforeAll(async () => {
  all = await cases();
});

const INCLUDE = { includeTokenWithoutSignature: true };

/** Every way a report leaves the machine, per options. */
function exports(c: Case, options = {}): Array<[string, string]> {
  return [
    ['markdown', reportMarkdown(c.subject, CONTEXT, options)],
    ['json', reportJson(c.subject, CONTEXT, options)],
  ];
}

describe('support report redaction', () => {
  it('has a case for each kind of input the brief names', () => {
    expect(all.map((c) => c.name)).toHaveLength(10);
  });

  it('never contains a signature, a complete token or a credential by default', () => {
    for (const c of all) {
      for (const [format, text] of exports(c)) {
        for (const secret of c.forbidden) {
          expect(text.includes(secret), `${c.name} (${format}) leaks ${secret.slice(0, 16)}…`).toBe(
            false,
          );
        }
        expect(text, `${c.name} (${format})`).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{10,}/);
      }
    }
  });

  it('never contains a signature with includeTokenWithoutSignature, but shows header.payload', () => {
    for (const c of all) {
      for (const [format, text] of exports(c, INCLUDE)) {
        for (const secret of c.forbidden) {
          expect(text.includes(secret), `${c.name} (${format})`).toBe(false);
        }
        const parts = c.token?.split('.') ?? [];
        const shown = c.subject.diagnosis.token.form === 'jws' && parts.length === 3;
        if (shown && !c.name.includes('another JWT')) {
          expect(text, `${c.name} (${format})`).toContain(
            `${parts[0]}.${parts[1]}.[signature removed]`,
          );
        }
      }
    }
  });

  it('re-encodes a kept payload that carries another token, without that token', () => {
    const c = all.find((x) => x.name.includes('another JWT'))!;
    const report = buildReport(c.subject, CONTEXT, INCLUDE);
    const kept = report.diagnoses[0]!.token.withoutSignature!;
    const [header, payload, signature] = kept.split('.');
    expect(header).toBe(c.token!.split('.')[0]);
    expect(signature).toBe('[signature removed]');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    expect(claims.act).toBe('[token redacted]');
    expect(claims['http://x/refresh']).toBe('Bearer [token redacted]');
  });

  it('includes no token for a JWE, even when asked to', () => {
    const c = all.find((x) => x.name.includes('JWE'))!;
    const report = buildReport(c.subject, CONTEXT, INCLUDE);
    expect(report.diagnoses[0]!.token.withoutSignature).toBeUndefined();
    expect(renderMarkdown(report)).toContain('Token not included');
  });

  it('includes no token whose fingerprint is not the diagnosis', async () => {
    const c = all.find((x) => x.name === 'a valid user token')!;
    const other = await signToken({ kind: 'm2m' });
    const report = buildReport({ ...c.subject, token: other }, CONTEXT, INCLUDE);
    expect(report.diagnoses[0]!.token.withoutSignature).toBeUndefined();
  });

  it('replaces the values of access_token, id_token, code and token in the URL', () => {
    const url = `${CURRENT}?access_token=a1&id_token=b2&code=c3&token=d4&keep=e5#access_token=f6`;
    const c = makeCase('query', capture({ url }));
    const report = buildReport(c.subject, CONTEXT);
    expect(report.diagnoses[0]!.request.url).toBe(
      `${CURRENT}?access_token=[redacted]&id_token=[redacted]&code=[redacted]&token=[redacted]&keep=e5#access_token=[redacted]`,
    );
    for (const [, text] of exports(c)) expect(text).not.toMatch(/=(a1|b2|c3|d4|f6)\b/);
  });

  it('replaces every credential-shaped query value in the URL, by the sanitized HAR vocabulary (SPEC §6)', () => {
    const url = `${CURRENT}?client_secret=cs-1234567&password=pw-1234567&access_token=at-1234567&clientSecret=cc-1234567&x-api-key=ak-1234567&page=2`;
    const c = makeCase('query', capture({ url }));
    const report = buildReport(c.subject, CONTEXT);
    expect(report.diagnoses[0]!.request.url).toBe(
      `${CURRENT}?client_secret=[redacted]&password=[redacted]&access_token=[redacted]&clientSecret=[redacted]&x-api-key=[redacted]&page=2`,
    );
    for (const [format, text] of exports(c)) {
      expect(text, format).not.toMatch(/(cs|pw|at|cc|ak)-1234567/);
      expect(text, format).toContain('page=2');
    }
  });

  it("keeps none of the issue's query credentials: [] names, percent-encoded names, a token in a nested URL, userinfo", () => {
    const nested = encodeURIComponent('https://app.acme.org/cb?access_token=nt-1234567&x=1');
    const url = `https://ada:pw-9876543@rolodex.api.rhythmsoftware.com/contacts/acme.org/current?refresh_token=rt-1234567&api_key=ak-7654321&sig=sg-1234567&access_token[]=ab-1234567&access%5Ftoken=pe-1234567&redirect_uri=${nested}&page=2`;
    const c = makeCase('query', capture({ url }));
    const stored = c.subject.diagnosis.request.url;
    expect(stored).toBe(
      `https://[redacted]@rolodex.api.rhythmsoftware.com/contacts/acme.org/current?refresh_token=[redacted]&api_key=[redacted]&sig=[redacted]&access_token[]=[redacted]&access%5Ftoken=[redacted]&redirect_uri=${nested.replace('nt-1234567', '[redacted]')}&page=2`,
    );
    for (const [format, text] of [...exports(c), ...exports(c, INCLUDE)]) {
      expect(text, format).not.toMatch(/(rt|ak|sg|ab|pe|nt)-\d{7}|pw-9876543/);
      expect(text, format).toContain('page=2');
    }
  });
});

describe('personal claims', () => {
  const PERSONAL = {
    email: 'ada.lovelace@acme.org',
    name: 'Ada Lovelace',
    nickname: 'countess-ada',
    picture: 'https://cdn.acme.org/ada.png',
  };

  async function idCase(): Promise<Case> {
    const token = await signToken({ kind: 'id', claims: PERSONAL });
    return makeCase('id token with a profile', capture({ headers: bearer(token) }));
  }

  it('masks email, name, nickname and picture everywhere with maskPersonalClaims', async () => {
    const c = await idCase();
    const options = { maskPersonalClaims: true, includeTokenWithoutSignature: true };
    const report = buildReport(c.subject, CONTEXT, options);
    const claims = report.diagnoses[0]!.token.claims!;
    for (const name of Object.keys(PERSONAL)) expect(claims[name]).toBe('[masked]');
    const payload = report.diagnoses[0]!.token.withoutSignature!.split('.')[1]!;
    const kept = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    for (const name of Object.keys(PERSONAL)) expect(kept[name]).toBe('[masked]');
    for (const text of [renderMarkdown(report), renderJson(report)]) {
      for (const value of Object.values(PERSONAL)) expect(text).not.toContain(value);
    }
  });

  it('keeps them by default', async () => {
    const c = await idCase();
    const report = buildReport(c.subject, CONTEXT);
    expect(report.diagnoses[0]!.token.claims!.email).toBe(PERSONAL.email);
    expect(report.options).toEqual({
      includeTokenWithoutSignature: false,
      maskPersonalClaims: false,
    });
  });
});

describe('report shape', () => {
  it('is rhythm-auth/report@1 with the context and every check of every diagnosis', () => {
    const [a, b] = all;
    const report: SupportReport = JSON.parse(reportJson([a!.subject, b!.subject], CONTEXT));
    expect(report).toMatchObject({
      schema: REPORT_SCHEMA,
      generatedAt: CONTEXT.generatedAt,
      tool: 'extension',
      version: '0.1.0',
      browser: 'Chrome 131 (Linux)',
    });
    expect(report.diagnoses).toHaveLength(2);
    for (const d of report.diagnoses) expect(d.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
  });

  it('accepts a bare Diagnosis as well as a subject with its token', () => {
    const c = all.find((x) => x.name === 'an expired token')!;
    const report = buildReport(c.subject.diagnosis, CONTEXT);
    expect(report.diagnoses[0]!.rootCause?.id).toBe('token.expiry');
  });

  it('numbers the sections of a report with many diagnoses', () => {
    const md = reportMarkdown(
      all.slice(0, 3).map((c) => c.subject),
      CONTEXT,
    );
    expect(md.split('\n')[0]).toBe('# Rhythm Auth report: 3 diagnoses');
    expect(md.match(/^## \d\. /gm)).toEqual(['## 1. ', '## 2. ', '## 3. ']);
  });
});
