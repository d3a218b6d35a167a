/**
 * The CLI's width comes from the terminal (`process.stdout.columns`, then `COLUMNS`, else no
 * wrapping into a pipe). At 80 columns help, a diagnosis and the HAR table keep every line within
 * 80 and break no word; in a real pseudo-terminal of 80 columns (`script`) too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_WIDTH, outputWidth, visibleLength, wrap } from '../../../src/cli/terminal.js';
import { renderUsage } from '../../../src/cli/usage.js';
import type { Diagnosis } from '../../../src/analyzer/types.js';
import { scenarioHar } from '../../fixtures/har/generate.js';
import { T0, signToken } from '../../helpers/tokens.js';
import { BIN, ROOT, buildCli, cleanEnv, cli } from './run-cli.js';

const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';
const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-cli-width-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let token: string;
let harFile: string;
beforeAll(async () => {
  buildCli();
  // No contact_id, an hour after expiry: several failing checks, each with a long detail.
  token = await signToken({ omit: ['http://rhythmsoftware.com/contact_id'] });
  harFile = join(dir, 'portal.har');
  writeFileSync(harFile, (await scenarioHar()).text);
}, 60_000);

const at = ['--at', new Date(T0 + 25 * 3_600_000).toISOString()];

/** Runs of letters: a word cut across two lines would show up as two runs that are not it. */
const words = (text: string) => new Set(text.match(/[A-Za-z]{2,}/g) ?? []);

function expectWithin(output: string, width: number): void {
  for (const line of output.split('\n')) {
    expect(visibleLength(line), JSON.stringify(line)).toBeLessThanOrEqual(width);
  }
}

/** Every word of `source` is whole somewhere in `output`. */
function expectNoBrokenWord(output: string, source: string): void {
  const seen = words(output);
  for (const word of words(source)) expect(seen.has(word), `"${word}" is broken`).toBe(true);
}

describe('outputWidth: the terminal, then COLUMNS, else no wrapping', () => {
  it.each([
    [80, {}, 80],
    [132, { COLUMNS: '80' }, 132],
    [undefined, { COLUMNS: '80' }, 80],
    [undefined, { COLUMNS: 'wide' }, null],
    [undefined, { COLUMNS: '0' }, null],
    [undefined, {}, null],
    [20, {}, MIN_WIDTH],
    [undefined, { COLUMNS: '12' }, MIN_WIDTH],
  ] as const)('columns %s, env %j → %s', (columns, env, width) => {
    expect(outputWidth(columns, env)).toBe(width);
  });
});

describe('wrap', () => {
  const text =
    'The header {"alg":"RS256","kid":"bilbo.baggins@hobbiton.example","typ":"JWT"} decodes, and https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current/with/a/long/path is long.';

  it.each([40, 50, 80])('keeps every line within %i columns and cuts only long words', (width) => {
    const lines = wrap(text, width, '    ', '  ');
    for (const line of lines) expect(visibleLength(line)).toBeLessThanOrEqual(width);
    // Joined again, the words are the text's: only a word longer than a line was cut.
    expect(lines.join('').replace(/\s+/g, '')).toBe(`${text}`.replace(/\s+/g, ''));
    expectNoBrokenWord(lines.join('\n'), 'The header decodes, and is long.');
  });

  it('cuts a long URL after punctuation, not inside a word', () => {
    const lines = wrap(text, 40, '    ', '  ');
    expect(lines).toContain('    https://rolodex.api.rhythmsoftware.');
  });

  it('does not wrap at all without a width', () => {
    expect(wrap(text, null, '    ', '  ')).toEqual([`  ${text}`]);
  });

  it('measures colour sequences as nothing', () => {
    expect(visibleLength('\x1b[31m✗\x1b[39m red')).toBe(5);
  });
});

describe('at 80 columns (COLUMNS=80, stdout a pipe)', () => {
  const env = { COLUMNS: '80' };

  it('lays out --help within 80 columns, no word broken', () => {
    const help = cli(['--help'], { env }).stdout;
    expectWithin(help, 80);
    expectNoBrokenWord(help, renderUsage(null));
    expect(help).toMatch(
      /^ {2}--authorization <value> {4}the Authorization header value exactly as sent$/m,
    );
  });

  it('lays out a diagnosis within 80 columns, no word of a title, detail or fix broken', () => {
    const text = cli(['diagnose', '--token', token, '--url', CURRENT, ...at], { env }).stdout;
    expectWithin(text, 80);
    const d = JSON.parse(
      cli(['diagnose', '--json', '--token', token, '--url', CURRENT, ...at]).stdout,
    ) as Diagnosis;
    const shown = d.checks.flatMap((c) =>
      c.status === 'fail' || c.status === 'warn' ? [c.title, c.detail, c.fix ?? ''] : [c.title],
    );
    expectNoBrokenWord(text, shown.join(' '));
  });

  it('lays out the HAR table within 80 columns: each URL on its own line under its row', () => {
    const text = cli(['diagnose', '--har', harFile], { env }).stdout;
    expectWithin(text, 80);
    expect(text).toMatch(/^SENT \(UTC\) +METHOD +ROOT CAUSE$/m);
    expect(text).toMatch(
      /^2026-11-01 13:00:00Z {2}GET {6}✗ header\.scheme\n {2}rolodex\.api\.rhythmsoftware\.com\/contacts\/acme\.org\/current$/m,
    );
    expectNoBrokenWord(text, 'Summary Rhythm with a failing check Each one in full');
  });
});

describe('into a pipe without COLUMNS', () => {
  it('wraps nothing: each paragraph of the help on one line', () => {
    const help = cli(['--help']).stdout;
    expect(help).toBe(renderUsage(null));
    expect(help).toMatch(
      /^ {2}--har <file> {15}diagnose every 401 .* A broken file: exit 2, with where it broke\.$/m,
    );
  });

  it('prints whole URLs in the HAR table', () => {
    expect(cli(['diagnose', '--har', harFile]).stdout).toMatch(
      /^2026-11-01 13:00:00Z {2}GET {6}rolodex\.api\.rhythmsoftware\.com\/contacts\/acme\.org\/current +✗ header\.scheme$/m,
    );
  });
});

/** `script` (util-linux) gives the CLI a real terminal; `stty` makes it 80 columns wide. */
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.runIf(hasScript)('in a pseudo-terminal of 80 columns (script)', () => {
  function inTerminal(args: readonly string[]): string {
    const quote = (part: string) => `'${part.replace(/'/g, "'\\''")}'`;
    const command = `stty cols 80 rows 200; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
    const result = spawnSync('script', ['-qfec', command, '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: cleanEnv({ NO_COLOR: '1' }),
      timeout: 30_000,
    });
    // As the terminal shows it: `\r` returns to the start of the line, ESC[K erases the rest
    // (the progress line on stderr is rewritten, then erased).
    return result.stdout
      .replace(/\r\n/g, '\n')
      .split('\n')
      .map((line) => line.replaceAll('\u001b[K', '').split('\r').pop() ?? '')
      .join('\n');
  }

  it('takes the width from the terminal (no COLUMNS): help, diagnosis and HAR table', () => {
    const help = inTerminal(['--help']);
    expect(help).toMatch(/^Usage:/);
    expectWithin(help, 80);
    expect(help).not.toBe(renderUsage(null));
    const text = inTerminal(['diagnose', '--token', token, '--url', CURRENT, ...at]);
    expect(text).toMatch(/^✗ 401 GET /);
    expectWithin(text, 80);
    const table = inTerminal(['diagnose', '--har', harFile]);
    expect(table).toMatch(/^SENT \(UTC\) +METHOD +ROOT CAUSE$/m);
    expectWithin(table, 80);
  });
});
