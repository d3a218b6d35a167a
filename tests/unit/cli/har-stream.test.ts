/**
 * `diagnose --har --markdown` and `--json` write their report as it is made (SPEC §9: memory
 * bounded whatever the number of 401s), and what they write is the report `buildReport` and
 * `renderMarkdown` make of the same diagnoses in memory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseHar } from '../../../src/cli/har.js';
import { recordingHarIo } from '../../helpers/har-io.js';
import { harDiagnoses } from '../../helpers/har-diagnoses.js';
import { scenarioHar } from '../../fixtures/har/generate.js';

const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-har-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let path: string;
let count: number;

beforeAll(async () => {
  const made = await scenarioHar();
  path = join(dir, 'scenarios.har');
  writeFileSync(path, made.text);
  count = made.scenarios.length;
});

const io = recordingHarIo;

const command = (output: 'markdown' | 'json') => ({
  kind: 'diagnose-har' as const,
  file: path,
  output,
  includeToken: true,
  maskPersonal: false,
});

describe('diagnose --har streams', () => {
  it('--markdown: one write for the head, one per diagnosis; together the in-memory report', async () => {
    const out = io();
    await diagnoseHar(command('markdown'), out);
    expect(out.writes).toHaveLength(count + 1);
    expect(out.writes[0]).toMatch(new RegExp(`^# Rhythm Auth report: ${count} diagnoses\\n`));
    for (const [i, piece] of out.writes.slice(1).entries())
      expect(piece).toMatch(new RegExp(`^\\n## ${i + 1}\\. `));
    const generated = (text: string) => text.replace(/^Generated .*$/m, 'Generated …');
    expect(generated(out.writes.join(''))).toBe(generated((await harDiagnoses(path)).markdown));
  });

  it('--json: the head with the first diagnosis, then one write per diagnosis, then the end', async () => {
    const out = io();
    await diagnoseHar(command('json'), out);
    expect(out.writes).toHaveLength(count + 1);
    const parsed = JSON.parse(out.writes.join('')) as { diagnoses: unknown[] };
    expect(parsed.diagnoses).toEqual((await harDiagnoses(path)).json);
  });
});
