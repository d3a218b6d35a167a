import { describe, expect, it } from 'vitest';
import { analyze, renderJson, renderMarkdown, requestSecrets } from '../../../src/lib/index.js';
import { T0, signToken } from '../../helpers/tokens.js';

const token = await signToken({ kind: 'm2m', iatMs: T0 - 2 * 86_400_000 });
const request = {
  url: 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org',
  method: 'GET',
  status: 401,
  sentAt: T0,
  requestHeaders: [{ name: 'Authorization', value: `Bearer ${token}` }],
  responseHeaders: [],
};

describe('renderMarkdown and renderJson (library)', () => {
  it('renders the support report, made by the library, with the token scrubbed', () => {
    const diagnosis = analyze(request);
    const markdown = renderMarkdown({ diagnosis, ...requestSecrets(request) }, { generatedAt: T0 });
    expect(markdown).toMatch(/^# Rhythm Auth report: ✗ fail: `token\.expiry`/);
    expect(markdown).toMatch(
      /Generated 2026-11-01T12:00:00Z by the rhythm-auth library \S+ on Node\.js \d/,
    );
    expect(markdown).not.toContain(token.split('.')[2]);
  });

  it('renders several diagnoses as one JSON report (rhythm-auth/report@1)', () => {
    const d = analyze(request);
    const report = JSON.parse(renderJson([d, d], { generatedAt: T0 })) as Record<string, unknown>;
    expect(report).toMatchObject({
      schema: 'rhythm-auth/report@1',
      tool: 'library',
      generatedAt: T0,
    });
    expect(report.diagnoses).toHaveLength(2);
  });
});
