/**
 * `rhythm-auth diagnose --har` and `rhythm-auth sanitize-har`, through the real built CLI, on HAR
 * files shaped like the ones Chrome, Firefox, Safari, Charles and Fiddler write (tokens signed now).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskToken } from '../../../src/analyzer/redact/token-mask.js';
import type { Diagnosis } from '../../../src/analyzer/types.js';
import { deepToken, nestedJson } from '../../helpers/deep.js';
import { T0 } from '../../helpers/tokens.js';
import {
  CURRENT,
  SENT,
  chromeEntry,
  fillTemplate,
  harOf,
  scenarioHar,
  type Scenario,
  type Tokens,
} from '../../fixtures/har/generate.js';
import { ROOT, buildCli, cli, expectUsageError } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-cli-har-'));
// Runs whether the tests pass or fail: nothing of this file stays in the temp folder.
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let scenarioFile: string;
let list: Scenario[];
let tokens: Tokens;

function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function diagnoses(path: string): Diagnosis[] {
  const result = cli(['diagnose', '--har', path, '--json']);
  expect(result.status === 0 || result.status === 1, result.stderr).toBe(true);
  return (JSON.parse(result.stdout) as { diagnoses: Diagnosis[] }).diagnoses;
}
const causes = (ds: Diagnosis[]) => ds.map((d) => d.rootCause?.id ?? null);

beforeAll(async () => {
  buildCli();
  const made = await scenarioHar();
  list = made.scenarios;
  tokens = made.tokens;
  scenarioFile = file('scenarios.har', made.text);
}, 60_000);

describe('rhythm-auth diagnose --har', () => {
  it('diagnoses every Rhythm 401 (not the 200s, not other APIs) with its root cause', () => {
    expect(causes(diagnoses(scenarioFile))).toEqual(list.map((s) => s.rootCause));
  });

  it('prints a table and a summary per root cause, within 100 columns, and exits 1', () => {
    const result = cli(['diagnose', '--har', scenarioFile], { env: { COLUMNS: '100' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out).toMatch(/^\S+scenarios\.har: 22 entries, 19 Rhythm 401s diagnosed$/m);
    expect(out).toMatch(/^SENT \(UTC\) +METHOD +URL +ROOT CAUSE$/m);
    expect(out).toMatch(
      /^2026-11-01 13:00:00Z {2}GET {6}rolodex\.api…\/contacts\/acme\.org\/current +✗ header\.scheme$/m,
    );
    expect(out).toMatch(/^Summary: 19 Rhythm 401s, 18 with a failing check$/m);
    expect(out).toMatch(/^ +4 +✗ token\.format +e\.g\. /m);
    expect(out).toMatch(/^ +1 +✓ none +no check failed or warned$/m);
    for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
  });

  it('never prints a token, a signature or a secret, in any output', () => {
    const forbidden = [
      tokens.user,
      tokens.user.split('.')[2]!,
      tokens.m2m.split('.')[2]!,
      'cs-9f8e7d6c5b4a39281706',
    ];
    for (const extra of [[], ['--json'], ['--markdown'], ['--markdown', '--include-token']]) {
      const out = cli(['diagnose', '--har', scenarioFile, ...extra]).stdout;
      for (const secret of forbidden) expect(out, extra.join(' ')).not.toContain(secret);
    }
  });

  it('prints the support report of all of them with --markdown', () => {
    const result = cli(['diagnose', '--har', scenarioFile, '--markdown']);
    expect(result.stdout).toMatch(/^# Rhythm Auth report: 19 diagnoses/);
  });

  const tools: Array<[string, string, string[]]> = [
    ['Firefox (lower-case names, a local offset)', 'firefox', ['claims.contact_id']],
    ['Safari (optional fields left out)', 'safari', ['url.service']],
    ['Charles (minified, no cookies, redirectURL null)', 'charles', ['header.scheme']],
    ['Fiddler (BOM, CRLF, status as a string)', 'fiddler', ['token.format']],
  ];
  it.each(tools)('reads a HAR exported by %s', (_, name, expected) => {
    const text = fillTemplate(name, tokens);
    expect(causes(diagnoses(file(`${name}.har`, text)))).toEqual(expected);
    // The same file in the other layouts: minified, CRLF, with a byte order mark.
    const har = JSON.parse(text.replace(/^\ufeff/, '')) as unknown;
    for (const variant of [
      JSON.stringify(har),
      JSON.stringify(har, null, 2).replace(/\n/g, '\r\n'),
      `\ufeff${JSON.stringify(har, null, '\t')}`,
    ]) {
      expect(causes(diagnoses(file(`${name}-variant.har`, variant)))).toEqual(expected);
    }
  });

  it('says when the HAR was exported sanitized, and how to export one that can be diagnosed', () => {
    const path = file('sanitized.har', fillTemplate('chrome-sanitized', tokens));
    const text = cli(['diagnose', '--har', path]);
    expect(text.status).toBe(1);
    const flat = text.stdout.replace(/\s+/g, ' ');
    expect(flat).toMatch(
      /This HAR was exported without credentials: none of its 2 Rhythm 401s has an Authorization header/,
    );
    expect(flat).toMatch(/"Export HAR \(with sensitive data\)"/);
    expect(flat).toMatch(/Firefox: Network panel/);
    expect(flat).toMatch(/rhythm-auth sanitize-har in\.har out\.har/);
    // Every row says what the banner says, not "No Authorization header — send one".
    expect(flat).toMatch(
      /2 ✗ header\.present No Authorization header in this HAR: the exporter removed it/,
    );
    expect(flat).not.toMatch(/No Authorization header$|No Authorization header \d/m);
    // With --json the note goes to stderr, and stdout stays JSON; the rows say it there too.
    const json = cli(['diagnose', '--har', path, '--json']);
    expect(json.stderr).toMatch(
      /^rhythm-auth: note:\n {2}! This HAR was exported without credentials/,
    );
    const listed = (JSON.parse(json.stdout) as { diagnoses: Diagnosis[] }).diagnoses;
    expect(causes(listed)).toEqual(['header.present', 'header.present']);
    for (const d of listed) {
      expect(d.rootCause?.summary).toBe(
        'No Authorization header in this HAR: the exporter removed it',
      );
      expect(d.rootCause?.fix).toMatch(/Export the HAR again with its headers/);
      expect(d.rootCause?.fix).not.toMatch(/Send `Authorization/);
    }
    const markdown = cli(['diagnose', '--har', path, '--markdown']).stdout;
    expect(markdown).toContain('No Authorization header in this HAR: the exporter removed it');
    expect(markdown).not.toMatch(/interceptor, a token that was still loading/);
  });

  it('says "not sent, or removed" when no request of the HAR has any credential', () => {
    const entries = [
      chromeEntry({ url: CURRENT, status: 401 }),
      chromeEntry({ url: CURRENT, status: 401, sentAt: SENT + 60_000 }),
    ];
    const path = file('maybe.har', JSON.stringify(harOf(entries)));
    const listed = diagnoses(path);
    expect(listed.map((d) => d.rootCause?.summary)).toEqual([
      'No Authorization header: not sent, or removed when the HAR was exported',
      'No Authorization header: not sent, or removed when the HAR was exported',
    ]);
  });

  it('keeps "No Authorization header" for a HAR whose other requests carry credentials', () => {
    const entries = [
      chromeEntry({ url: CURRENT, status: 401 }),
      chromeEntry({ url: CURRENT, status: 401, authorization: `Bearer ${tokens.user}` }),
    ];
    const listed = diagnoses(file('mixed.har', JSON.stringify(harOf(entries))));
    expect(listed[0]?.rootCause?.summary).toBe('No Authorization header');
  });

  it('marks a diagnosis that only warns with !, not a green ✓', () => {
    const warnOnly = chromeEntry({
      url: CURRENT,
      status: 401,
      sentAt: SENT,
      authorization: `bearer ${tokens.user}`,
    });
    const path = file('warn.har', JSON.stringify(harOf([warnOnly])));
    const result = cli(['diagnose', '--har', path], { env: { COLUMNS: '100' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/current +! header\.scheme$/m);
    expect(result.stdout).toMatch(
      /^Summary: 1 Rhythm 401, 0 with a failing check, 1 with warnings only$/m,
    );
    expect(result.stdout).toMatch(
      /^ +1 +! header\.scheme +Bearer scheme with irregular spacing or case$/m,
    );
    expect(result.stdout).not.toMatch(/✓/);
  });

  it('reads the JSONP .harp files of the real corpus, every entry, and sanitizes them as JSONP', () => {
    const real = join(ROOT, 'tests/fixtures/har/real');
    const sources = JSON.parse(readFileSync(join(real, 'sources.json'), 'utf8')) as {
      files: Array<{ file: string; entries: number }>;
    };
    const harp = sources.files.filter((f) => f.file.endsWith('.harp'));
    expect(harp.length).toBe(2);
    for (const { file: name, entries } of harp) {
      const result = cli(['diagnose', '--har', join(real, name)]);
      expect(result.stderr, name).toBe('');
      expect(result.status, name).toBe(0);
      expect(result.stdout, name).toMatch(new RegExp(`^\\S+: ${entries} entries, 0 Rhythm 401s`));
      const out = join(dir, name);
      expect(cli(['sanitize-har', join(real, name), out]).status, name).toBe(0);
      const callback = /^[A-Za-z_$][\w$.]*\(/.exec(readFileSync(join(real, name), 'utf8'))?.[0];
      expect(callback, name).toBeDefined();
      expect(readFileSync(out, 'utf8').startsWith(callback!), name).toBe(true);
      expect(cli(['diagnose', '--har', out]).stdout).toMatch(new RegExp(`: ${entries} entries`));
    }
  });

  it('says why entries were unreadable (the real no-creator HAR has no startedDateTime)', () => {
    const real = new URL('../../fixtures/har/real/no-creator-auth-variants.har', import.meta.url);
    const { stdout } = cli(['diagnose', '--har', real.pathname]);
    expect(stdout).toMatch(
      /: 4 entries, 0 Rhythm 401s diagnosed, 4 unreadable entries \(no start time\)/,
    );
  });

  it('says so and exits 0 when there is no Rhythm 401', () => {
    const path = file('none.har', JSON.stringify({ log: { version: '1.2', entries: [] } }));
    const text = cli(['diagnose', '--har', path]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(
      /No 401 from a Rhythm API \(\*\.api\.rhythmsoftware\.com\) in this file/,
    );
    expect(cli(['diagnose', '--har', path, '--json']).stdout).toBe('{\n  "diagnoses": []\n}\n');
  });

  it('exits 0 when every Rhythm 401 passes every check', () => {
    const only = list.find((s) => s.rootCause === null)!;
    const path = file('pass.har', JSON.stringify({ log: { entries: [only.entry] } }));
    expect(cli(['diagnose', '--har', path]).status).toBe(0);
  });

  const broken: Array<[string, () => string, RegExp]> = [
    [
      'a truncated file',
      () => readFileSync(scenarioFile, 'utf8').slice(0, 5000),
      /: truncated: the file ends inside log\.entries\[\d+\] \(which starts at byte \d+\) at byte 5000 \(line \d+, column \d+\)$/,
    ],
    [
      'invalid JSON inside an entry',
      () => readFileSync(scenarioFile, 'utf8').replace('"startedDateTime":', '"startedDateTime"'),
      /: invalid JSON: expected ':' after a property name, found '"' \(in log\.entries\[0\]\) at byte \d+ \(line \d+, column 27\)$/,
    ],
    [
      'a JSON file that is not a HAR',
      () => '{"entries": []}',
      /: not a HAR: no "log" object at the top level at byte 14 \(line 1, column 15\)$/,
    ],
    ['an empty file', () => '', /: not a HAR: the file is empty at byte 0 \(line 1, column 1\)$/],
  ];
  it.each(broken)('exits 2 with one line saying where %s broke', (name, text, reason) => {
    expectUsageError(cli(['diagnose', '--har', file(`${name}.har`, text())]), reason);
  });

  it.each([
    [
      'a JSONP file cut before its )',
      () => `onInputData(${readFileSync(scenarioFile, 'utf8')}`,
      /: truncated: the file ends before the '\)' that closes onInputData\( at byte \d+/,
    ],
    [
      'a UTF-16 file',
      () => Buffer.from(`\ufeff${readFileSync(scenarioFile, 'utf8')}`, 'utf16le'),
      /: not a HAR: the file is UTF-16 \(a UTF-16 byte order mark\), not UTF-8 at byte 0/,
    ],
  ] as const)('names %s for what it is, never "a number"', (name, text, reason) => {
    const result = cli(['diagnose', '--har', file(`${name}.har`, text())]);
    expectUsageError(result, reason);
    expect(result.stderr).not.toMatch(/number/);
  });

  it('exits 2 for a file that does not exist', () => {
    expectUsageError(
      cli(['diagnose', '--har', join(dir, 'nope.har')]),
      /cannot read .*nope\.har: no such file/,
    );
  });
});

describe('a token nested 5,000 deep (issue 11)', () => {
  /** A Rhythm 401 carrying the token, and a custom field as deep in the entry itself. */
  function deepHar(): { path: string; signature: string } {
    const token = deepToken(5000, Math.floor(T0 / 1000));
    const entry = JSON.stringify(
      chromeEntry({ url: CURRENT, status: 401, authorization: `Bearer ${token}` }),
    ).replace('{', `{"_deep":${nestedJson(5000, `"${token}"`)},`);
    const text = `{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[${entry}]}}`;
    return { path: file('deep.har', text), signature: token.split('.')[2]! };
  }

  it('sanitize-har writes it without its signature, instead of crashing', () => {
    const { path, signature } = deepHar();
    const out = join(dir, 'deep-clean.har');
    const result = cli(['sanitize-har', path, out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const clean = readFileSync(out, 'utf8');
    expect(() => JSON.parse(clean) as unknown).not.toThrow();
    expect(clean).not.toContain(signature);
  });

  it('--markdown --include-token reports it without its signature, instead of crashing', () => {
    const { path, signature } = deepHar();
    const clean = join(dir, 'deep-clean-2.har');
    cli(['sanitize-har', path, clean]);
    for (const target of [path, clean]) {
      const result = cli(['diagnose', '--har', target, '--markdown', '--include-token']);
      expect(result.status === 0 || result.status === 1, result.stderr).toBe(true);
      expect(result.stdout).toMatch(/^# Rhythm Auth report/);
      expect(result.stdout).not.toContain(signature);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe('rhythm-auth sanitize-har', () => {
  it('writes a HAR without signatures, cookies or secrets, and says what it changed', () => {
    const out = join(dir, 'clean.har');
    const result = cli(['sanitize-har', scenarioFile, out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toMatch(
      /scenarios\.har → \S+clean\.har: 22 entries, 18 changed/,
    );
    expect(result.stdout).toMatch(/^ {2}JWT signatures masked \(header and claims kept\) +\d+$/m);
    expect(result.stdout).toMatch(/^ {2}cookie values redacted \(names, attributes kept\) +4$/m);
    const clean = readFileSync(out, 'utf8');
    for (const token of [tokens.user, tokens.m2m, tokens.id, tokens.noContact]) {
      expect(clean).not.toContain(token.split('.')[2]);
    }
    for (const secret of [
      'cs-9f8e7d6c5b4a39281706',
      'ps-1a2b3c4d5e6f7a8b9c0d',
      'alb-0f1e2d3c4b5a69788796',
      'ak-live-7c6b5a4d3e2f1a0b',
      'v1.rt-5e4d3c2b1a09f8e7d6c5',
      'YWRhOnMzY3IzdC1wYXNzd29yZA==',
    ]) {
      expect(clean).not.toContain(secret);
    }
    // Every JWT keeps its header and payload; its signature is the mask (token-mask.ts).
    for (const token of [tokens.user, tokens.m2m, tokens.id, tokens.noContact]) {
      expect(clean).toContain(maskToken(token));
    }
  });

  it('keeps the diagnosis: sanitize → diagnose gives the same root causes', () => {
    const out = join(dir, 'roundtrip.har');
    expect(cli(['sanitize-har', scenarioFile, out]).status).toBe(0);
    expect(causes(diagnoses(out))).toEqual(causes(diagnoses(scenarioFile)));
    expect(causes(diagnoses(out))).toEqual(list.map((s) => s.rootCause));
  });

  it("keeps each tool's layout (BOM, CRLF, minified) around the entries", () => {
    const input = file('fiddler-in.har', fillTemplate('fiddler', tokens));
    const out = join(dir, 'fiddler-out.har');
    expect(cli(['sanitize-har', input, out]).status).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).not.toMatch(/[^\r]\n/);
    expect(causes(diagnoses(out))).toEqual(['token.format']);
  });

  it('exits 2 and writes nothing for a broken input', () => {
    const out = join(dir, 'never.har');
    expectUsageError(
      cli(['sanitize-har', file('cut.har', '{"log":{"entries":[{'), out]),
      /cannot read \S+cut\.har: truncated: the file ends inside log\.entries\[0\]/,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('exits 2 when the output cannot be written', () => {
    expectUsageError(
      cli(['sanitize-har', scenarioFile, join(dir, 'missing-folder', 'out.har')]),
      /cannot write \S+out\.har: no such file or folder/,
    );
  });
});
