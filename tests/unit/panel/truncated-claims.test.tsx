// @vitest-environment happy-dom
/**
 * A diagnosis kept with its claims cut to the stored size cap (SPEC §7) says so: in the panel,
 * in the Markdown report and in the JSON report.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { reportJson, reportMarkdown } from '../../../src/analyzer/index.js';
import { capEntry } from '../../../src/shared/entry-cap.js';
import type { StoredDiagnosis } from '../../../src/shared/stored.js';
import { signToken } from '../../helpers/tokens.js';
import { entry } from './fixtures.js';
import { renderPanel } from './render.js';

afterEach(cleanup);

const LARGE = await signToken({ claims: { profile: 'p'.repeat(40_000) } });
const CONTEXT = {
  tool: 'extension' as const,
  extensionVersion: '0.1.0',
  browser: 'Chrome',
  generatedAt: 0,
};

async function capped() {
  const kept = capEntry(entry({ id: 'webRequest:1', auth: `Bearer ${LARGE}` }) as StoredDiagnosis);
  expect(kept.diagnosis.token.truncated?.bytes).toBeGreaterThan(38_000);
  return kept;
}

describe('claims truncated to the stored size cap', () => {
  it('shows the note above the claims in the panel', async () => {
    renderPanel([await capped()]);
    const note = await screen.findByTestId('claims-truncated');
    expect(note.textContent).toMatch(
      /^Claims truncated: \d+ KB over the cap of a stored diagnosis/,
    );
  });

  it('shows no note for a diagnosis kept whole', async () => {
    renderPanel([entry({ id: 'webRequest:2', auth: `Bearer ${await signToken()}` })]);
    await screen.findByRole('table', { name: 'Token claims' });
    expect(screen.queryByTestId('claims-truncated')).toBeNull();
  });

  it('says it in the Markdown and the JSON report', async () => {
    const { diagnosis } = await capped();
    expect(reportMarkdown([diagnosis], CONTEXT)).toMatch(
      /Claims truncated: \d+ KB over the cap of a stored diagnosis\./,
    );
    const json = JSON.parse(reportJson([diagnosis], CONTEXT)) as {
      diagnoses: Array<{ token: { truncated?: { bytes: number } } }>;
    };
    expect(json.diagnoses[0]?.token.truncated?.bytes).toBe(diagnosis.token.truncated?.bytes);
  });
});
