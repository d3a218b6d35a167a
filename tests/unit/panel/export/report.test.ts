import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPORT,
  renderReport,
  tokenOptionBlocked,
} from '../../../../src/panel/export/report.js';
import { signToken, T0 } from '../../../helpers/tokens.js';
import { entry } from '../fixtures.js';

const context = { extensionVersion: '0.1.0', browser: 'Chromium 156', generatedAt: T0 };

describe('export', () => {
  it('never puts the token or its signature in a report of a captured 401', async () => {
    const token = await signToken({ kind: 'id' });
    const captured = entry({ id: 'a', auth: `Bearer ${token}` });
    for (const format of ['markdown', 'json'] as const) {
      const text = renderReport(
        [captured],
        { ...DEFAULT_EXPORT, format, includeTokenWithoutSignature: true },
        context,
      );
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.split('.')[2]);
      expect(text).toContain(captured.diagnosis.token.fingerprint!);
    }
  });

  it('allows the token without its signature only for pasted tokens', async () => {
    const token = await signToken();
    const captured = entry({ id: 'a', auth: `Bearer ${token}` });
    const pasted = entry({ id: 'p', source: 'paste', auth: `Bearer ${token}`, token });
    expect(tokenOptionBlocked([captured])).toMatch(/pasted tokens/);
    expect(tokenOptionBlocked([pasted])).toBeNull();
    const text = renderReport(
      [pasted],
      { ...DEFAULT_EXPORT, includeTokenWithoutSignature: true },
      context,
    );
    const [header, payload, signature] = token.split('.');
    expect(text).toContain(`${header}.${payload}.[signature removed]`);
    expect(text).not.toContain(signature);
  });

  it('marks a pasted token as pasted in Markdown and JSON, never as a captured 401', async () => {
    const token = await signToken();
    const pasted = entry({ id: 'p', source: 'paste', auth: `Bearer ${token}`, token, status: 0 });
    const captured = entry({ id: 'a', auth: `Bearer ${token}` });
    const md = renderReport([pasted], DEFAULT_EXPORT, context);
    expect(md).toContain('| **Status** | none: pasted into the panel, not a captured response |');
    expect(md).toContain('## ✓ Pasted token, GET');
    expect(md).not.toContain('| **Status** | 0 |');
    const json = JSON.parse(
      renderReport([pasted, captured], { ...DEFAULT_EXPORT, format: 'json' }, context),
    ) as {
      diagnoses: Array<{ pasted?: boolean; request: { status: number } }>;
    };
    expect(json.diagnoses[0]!.pasted).toBe(true);
    expect(json.diagnoses[0]!.request.status).toBe(0);
    expect('pasted' in json.diagnoses[1]!).toBe(false);
  });

  it('masks personal claims on request', async () => {
    const token = await signToken({ kind: 'id' });
    const captured = entry({ id: 'a', auth: `Bearer ${token}` });
    const plain = renderReport([captured], { ...DEFAULT_EXPORT, format: 'json' }, context);
    expect(plain).toContain('Ada Lovelace');
    const masked = renderReport(
      [captured],
      { ...DEFAULT_EXPORT, format: 'json', maskPersonalClaims: true },
      context,
    );
    expect(masked).not.toContain('Ada Lovelace');
    expect(masked).not.toContain('ada@acme.org');
  });

  it('reports every entry given, as one JSON document', () => {
    const text = renderReport(
      [entry({ id: 'a' }), entry({ id: 'b', auth: 'Basic x' })],
      { ...DEFAULT_EXPORT, format: 'json' },
      context,
    );
    const report = JSON.parse(text) as { diagnoses: unknown[]; schema: string };
    expect(report.schema).toBe('rhythm-auth/report@1');
    expect(report.diagnoses).toHaveLength(2);
  });
});
