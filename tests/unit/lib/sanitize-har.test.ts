/**
 * sanitizeHar (a HAR in memory) against sanitizeHarFile (a file, streamed, as the CLI's
 * sanitize-har): the same rules, so the same sanitized HAR, from text or from the parsed object.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeHar, sanitizeHarFile } from '../../../src/lib/index.js';
import { fillTemplate, makeTokens, scenarioHar, type Tokens } from '../../fixtures/har/generate.js';

let dir: string;
let tokens: Tokens;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rhythm-auth-lib-har-'));
  tokens = await makeTokens();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function viaFile(text: string, name: string): Promise<unknown> {
  const input = join(dir, `${name}.har`);
  const output = join(dir, `${name}.sanitized.har`);
  await writeFile(input, text);
  await sanitizeHarFile(input, output);
  return JSON.parse((await readFile(output, 'utf8')).replace(/^\uFEFF/, ''));
}

describe('sanitizeHar (library)', () => {
  it.each(['charles', 'chrome-sanitized', 'fiddler', 'firefox', 'safari'])(
    'sanitizes the %s HAR as sanitizeHarFile does, from text and from the object',
    async (name) => {
      const text = fillTemplate(name, tokens);
      const expected = await viaFile(text, name);
      expect(sanitizeHar(text).har).toEqual(expected);
      expect(sanitizeHar(JSON.parse(text.replace(/^\uFEFF/, '')) as object).har).toEqual(expected);
    },
  );

  it('removes every signature, counts what it changed, and leaves the input alone', async () => {
    const { text, tokens: t } = await scenarioHar();
    const input = JSON.parse(text) as object;
    const before = JSON.stringify(input);
    const result = sanitizeHar(input);
    expect(JSON.stringify(input)).toBe(before);
    const out = JSON.stringify(result.har);
    for (const token of [t.user, t.m2m, t.noContact])
      expect(out).not.toContain(token.split('.')[2]);
    expect(result.entries).toBeGreaterThan(5);
    expect(result.entriesChanged).toBeGreaterThan(0);
    expect(result.changes.signatures).toBeGreaterThan(0);
  });

  it.each([
    ['text that is not JSON', '{"log": ', /sanitizeHar: not JSON/],
    [
      'JSON that is not a HAR',
      '{"log": {}}',
      /sanitizeHar: not a HAR \(it needs log\.entries, a list\)/,
    ],
    ['an array', [], /not a HAR/],
  ])('refuses %s with a TypeError', (_, input, message) => {
    expect(() => sanitizeHar(input as string)).toThrow(TypeError);
    expect(() => sanitizeHar(input as string)).toThrow(message);
  });
});
