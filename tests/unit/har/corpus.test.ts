/**
 * `sanitize-har` over the whole real corpus (tests/fixtures/har/real: files of 15 producers,
 * byte-exact), and over derived copies with Rhythm 401s put into each producer's shape: every
 * entry and every URL kept, no credential of the input left anywhere in the output, nothing that
 * is not a credential changed, the same diagnoses (SPEC §6: "diagnoses exactly as the original"),
 * and sanitizing a sanitized file changes nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeHarFile } from '../../../src/har/node/sanitize-file.js';
import { withRhythm401s, type Planted } from '../../helpers/derived-har.js';
import { harDiagnoses } from '../../helpers/har-diagnoses.js';
import { credentialsOf, survives } from '../../helpers/har-oracle.js';

const REAL = new URL('../../fixtures/har/real/', import.meta.url);
const sources = JSON.parse(readFileSync(new URL('sources.json', REAL), 'utf8')) as {
  files: Array<{ file: string; producer: { name?: string } | null }>;
};
const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A `.harp` is HAR Viewer's JSONP (`callback({...})`): the HAR inside it. */
function harText(file: string): string {
  const text = readFileSync(new URL(file, REAL), 'utf8');
  if (!file.endsWith('.harp')) return text;
  return /^\s*[A-Za-z_$][\w$.]*\(([\s\S]*)\)\s*;?\s*$/.exec(text)![1]!;
}

const parse = (text: string) =>
  JSON.parse(text.replace(/^\ufeff/, '')) as { log: { entries: Array<Record<string, unknown>> } };

interface Run {
  input: string;
  output: string;
  again: string;
}
const runs = new Map<string, Run>();

async function sanitizeTwice(name: string, text: string): Promise<Run> {
  const input = join(dir, name);
  writeFileSync(input, text);
  const output = join(dir, `${name}.out`);
  await sanitizeHarFile(input, output);
  const again = join(dir, `${name}.again`);
  await sanitizeHarFile(output, again);
  return { input, output, again };
}

const files = sources.files.map((f) => f.file);
const derived = new Map<string, Planted>();

beforeAll(async () => {
  for (const file of files) {
    runs.set(file, await sanitizeTwice(file.replace(/\.harp$/, '.har'), harText(file)));
    const copy = await withRhythm401s(harText(file));
    derived.set(file, copy.planted);
    runs.set(
      `derived:${file}`,
      await sanitizeTwice(`derived-${file.replace(/\.harp$/, '.har')}`, copy.text),
    );
  }
}, 120_000);

const read = (path: string) => readFileSync(path, 'utf8');

/** Every string of `a` whose counterpart in `b` differs, with its path (iterative). */
function changedStrings(a: unknown, b: unknown): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  const stack: Array<[unknown, unknown, string]> = [[a, b, '']];
  while (stack.length > 0) {
    const [x, y, path] = stack.pop()!;
    if (typeof x === 'string') {
      if (x !== y) out.push([path, x, typeof y === 'string' ? y : JSON.stringify(y)]);
    } else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x))
        stack.push([v, (y as Record<string, unknown>)?.[k], `${path}.${k}`]);
    }
  }
  return out;
}

const decodedBase64 = (s: string) =>
  /^[A-Za-z0-9+/=\s]{16,}$/.test(s) ? Buffer.from(s, 'base64').toString('utf8') : '';

describe.each(
  files.map((f) => [f, sources.files.find((s) => s.file === f)?.producer?.name ?? 'no creator']),
)('sanitize-har on %s (%s)', (file) => {
  for (const kind of ['real', 'derived'] as const) {
    const key = kind === 'real' ? file : `derived:${file}`;

    it(`${kind}: keeps every entry and every URL`, () => {
      const { input, output } = runs.get(key)!;
      const a = parse(read(input)).log.entries;
      const b = parse(read(output)).log.entries;
      expect(b).toHaveLength(a.length);
      a.forEach((entry, i) => {
        const url = (e: Record<string, unknown>) => (e.request as { url: string }).url;
        const before = URL.canParse(url(entry)) ? new URL(url(entry)) : null;
        if (!before) return; // relative (Akita): nothing to compare but the text
        const after = new URL(url(b[i]!));
        expect(after.host, `entries[${i}]`).toBe(before.host);
        const credentials = credentialsOf(parse(read(input)), read(input)).all;
        const pathHasCredential = [...credentials].some(
          (c) => c.length >= 6 && before.pathname.includes(c),
        );
        if (!pathHasCredential) expect(after.pathname, `entries[${i}]`).toBe(before.pathname);
      });
    });

    it(`${kind}: leaves no credential of the input anywhere in the output`, () => {
      const { input, output } = runs.get(key)!;
      const text = read(input);
      const out = read(output);
      const { searchable } = credentialsOf(parse(text), text);
      const planted = kind === 'derived' ? derived.get(file)!.secrets : [];
      const left = [...searchable, ...planted].filter((v) => survives(out, v));
      expect(left.map((v) => `${v.slice(0, 4)}…(${v.length})`)).toEqual([]);
    });

    it(`${kind}: changes only strings that hold a credential`, () => {
      const { input, output } = runs.get(key)!;
      const text = read(input);
      const { all } = credentialsOf(parse(text), text);
      const planted = kind === 'derived' ? derived.get(file)!.secrets : [];
      const values = [...all, ...planted].filter((v) => v.length > 0);
      const unexplained = changedStrings(parse(text), parse(read(output))).filter(([, before]) => {
        const decoded = decodedBase64(before);
        return !values.some(
          (v) =>
            before.includes(v) || decoded.includes(v) || before.includes(encodeURIComponent(v)),
        );
      });
      expect(
        unexplained.map(([path, a, b]) => `${path}: ${a.slice(0, 80)} → ${b.slice(0, 80)}`),
      ).toEqual([]);
    });

    it(`${kind}: diagnoses exactly as the original (JSON, Markdown with the token, counts)`, async () => {
      const { input, output } = runs.get(key)!;
      const [before, after] = await Promise.all([harDiagnoses(input), harDiagnoses(output)]);
      expect(after.json).toEqual(before.json);
      expect(after.markdown).toBe(before.markdown);
      expect(after.counts).toEqual(before.counts);
      if (kind === 'derived') {
        expect(before.counts.diagnosed).toBeGreaterThanOrEqual(derived.get(file)!.added);
      }
    });

    it(`${kind}: is idempotent`, () => {
      const { output, again } = runs.get(key)!;
      expect(read(again) === read(output)).toBe(true);
    });
  }
});
