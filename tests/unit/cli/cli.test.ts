import { mkdtempSync, copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS, type Diagnosis } from '../../../src/analyzer/types.js';
import { T0, noAudienceToken, signToken } from '../../helpers/tokens.js';
import { ROOT, buildCli, cli, expectUsageError } from './run-cli.js';

const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';
/** The tokens' issue time, as --at takes it. */
const AT_IAT = ['--at', new Date(T0).toISOString()];
const AT_LATER = ['--at', String(T0 / 1000 + 3600)];
const ESC = '\u001b';

let user: string;
let noContact: string;
let signature: string;

beforeAll(async () => {
  buildCli();
  user = await signToken();
  noContact = await signToken({ omit: ['http://rhythmsoftware.com/contact_id'] });
  signature = user.split('.')[2]!;
}, 60_000);

/** The Diagnosis printed with --json; stderr empty, or exactly the note expected. */
function json(args: readonly string[], input?: string, note?: RegExp): Diagnosis {
  const result = cli(['diagnose', '--json', ...args], input === undefined ? {} : { input });
  if (note) expect(result.stderr).toMatch(note);
  else expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Diagnosis;
}

/** What the CLI says beside a bare token given to --authorization. */
const BARE_NOTE =
  /^rhythm-auth: note: the --authorization value is a bare token, without "Bearer ": diagnosed as sent that way\. If you pasted only the token, give it with --token \(or --token - for stdin\)\.\n$/;

describe('rhythm-auth diagnose: exit codes and output', () => {
  it('exits 0 when no check failed', () => {
    const result = cli(['diagnose', '--token', user, '--url', CURRENT, ...AT_LATER]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^✓ 401 GET /);
  });

  it('exits 1 when a check failed (an expired token)', () => {
    const result = cli([
      'diagnose',
      '--token',
      user,
      '--url',
      CURRENT,
      '--at',
      '2026-11-02T14:14:00Z',
    ]);
    expect(result.status).toBe(1);
    const verdict = result.stdout.split('\n').slice(0, 2).join('\n').replace(/\n +/, ' ');
    expect(verdict).toMatch(
      /^✗ 401 GET \S+ — token\.expiry: Token expired 2 h 14 min before this request$/m,
    );
  });

  it('prints the Diagnosis with --json: 19 checks in the order of the spec', () => {
    const d = json(['--token', user, '--url', CURRENT, ...AT_LATER]);
    expect(d.schema).toBe('rhythm-auth/diagnosis@1');
    expect(d.checks).toHaveLength(19);
    expect(d.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(d.request.sentAt).toBe(T0 + 3_600_000);
  });

  it('never prints the token or its signature, in any output', () => {
    const base = [
      'diagnose',
      '--token',
      user,
      '--url',
      `${CURRENT}?access_token=${user}`,
      ...AT_LATER,
    ];
    for (const extra of [[], ['--json'], ['--markdown'], ['--markdown', '--include-token']]) {
      const out = cli([...base, ...extra]).stdout;
      expect(out.length, extra.join(' ')).toBeGreaterThan(100);
      expect(out, extra.join(' ')).not.toContain(signature);
      expect(out, extra.join(' ')).not.toContain(user);
    }
  });

  it('prints the support report with --markdown, the token without signature with --include-token', () => {
    const [h, p] = user.split('.');
    const plain = cli(['diagnose', '--token', user, '--url', CURRENT, ...AT_LATER, '--markdown']);
    expect(plain.stdout).toMatch(/^# Rhythm Auth report: /);
    expect(plain.stdout).not.toContain(`${h}.${p}`);
    const withToken = cli([
      'diagnose',
      '--token',
      user,
      '--url',
      CURRENT,
      ...AT_LATER,
      '--markdown',
      '--include-token',
    ]);
    expect(withToken.stdout).toContain(`${h}.${p}.[signature removed]`);
  });

  it('reads --authorization - from stdin, dropping exactly one trailing newline', () => {
    const once = json(['--authorization', '-', '--url', CURRENT, ...AT_LATER], `Bearer ${user}\n`);
    expect(once.checks.find((c) => c.id === 'header.scheme')?.status).toBe('pass');
    const twice = json(
      ['--authorization', '-', '--url', CURRENT, ...AT_LATER],
      `Bearer ${user}\n\n`,
    );
    expect(twice.checks.find((c) => c.id === 'header.scheme')?.status).toBe('warn');
    const token = json(['--token', '-', '--url', CURRENT, ...AT_LATER], `${user}\n`);
    expect(token.verdict).toBe('pass');
  });

  it('diagnoses a misspelled header given with --header', () => {
    const d = json(['--header', `Authorisation: Bearer ${user}`, '--url', CURRENT, ...AT_LATER]);
    expect(d.rootCause?.id).toBe('header.name');
  });

  it('diagnoses a request without credentials (exit 1), not a usage error', () => {
    const result = cli(['diagnose', '--url', CURRENT]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(json(['--url', CURRENT]).rootCause?.id).toBe('header.present');
  });

  it('passes --method, --status and --response-header to the analyzer', () => {
    const d = json([
      '--token',
      user,
      '--url',
      CURRENT,
      ...AT_LATER,
      '--method',
      'options',
      '--status',
      '401',
      '--response-header',
      'WWW-Authenticate: Bearer error="invalid_token"',
    ]);
    expect(d.rootCause?.id).toBe('request.preflight');
    expect(d.server.challenge).toBe('Bearer error="invalid_token"');
  });
});

describe('rhythm-auth diagnose: the acceptance scenarios at the token issue time', () => {
  const scenarios: Array<[string, () => string[], string, RegExp?]> = [
    [
      'a token without `Bearer `',
      () => ['--authorization', user, '--url', CURRENT],
      'header.scheme',
      BARE_NOTE,
    ],
    [
      'a token requested without audience',
      () => ['--token', noAudienceToken(), '--url', CURRENT],
      'token.format',
    ],
    [
      'a user who never logged in',
      () => ['--token', noContact, '--url', CURRENT],
      'claims.contact_id',
    ],
    [
      'contacts on the membership host',
      () => ['--token', user, '--url', CURRENT.replace('rolodex', 'membership')],
      'url.service',
    ],
  ];
  it.each(scenarios)('names the root cause of %s', (_name, args, rootCause, note) => {
    const result = cli(['diagnose', ...args(), ...AT_IAT]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(`^Root cause  ${rootCause.replace('.', '\\.')} — `, 'm'),
    );
    expect(json([...args(), ...AT_IAT], undefined, note).rootCause?.id).toBe(rootCause);
  });
});

describe('rhythm-auth: usage errors exit 2 with one line', () => {
  const errors: Array<[string, string[], RegExp]> = [
    ['a bad --at', ['diagnose', '--at', 'yesterday'], /--at "yesterday" is neither ISO 8601/],
    ['--at in milliseconds', ['diagnose', '--at', String(T0)], /looks like milliseconds/],
    ['an unknown flag', ['diagnose', '--bogus'], /unknown option --bogus/],
    ['--status abc', ['diagnose', '--status', 'abc'], /--status "abc" is not an HTTP status/],
    ['a --header without colon', ['diagnose', '--header', 'Authorization Bearer x'], /no colon/],
    [
      'a --response-header without name',
      ['diagnose', '--response-header', ': x'],
      /not a header name/,
    ],
    ['an option without its value', ['diagnose', '--url'], /argument missing/],
    ['no command', [], /missing command/],
    ['an unknown command', ['diagnos'], /unknown command "diagnos"/],
    ['--json with --markdown', ['diagnose', '--json', '--markdown'], /not both/],
    ['--include-token without --markdown', ['diagnose', '--include-token'], /only with --markdown/],
    [
      '--token with --authorization',
      ['diagnose', '--token', 'a', '--authorization', 'b'],
      /not both/,
    ],
    [
      '--har with --url',
      ['diagnose', '--har', 'x.har', '--url', CURRENT],
      /--har cannot be combined with --url: the requests come from the file/,
    ],
    ['sanitize-har with one file', ['sanitize-har', 'a.har'], /sanitize-har needs two files/],
    [
      'sanitize-har with an option',
      ['sanitize-har', 'a.har', 'b.har', '--json'],
      /takes no options/,
    ],
  ];
  it.each(errors)('refuses %s', (_name, args, reason) => {
    expectUsageError(cli(args), reason);
  });

  it('does not echo a token pasted into the wrong option', () => {
    const result = cli(['diagnose', '--at', user]);
    expectUsageError(result, /--at "\[token redacted\]"/);
    expect(result.stderr).not.toContain(signature);
  });
});

describe('rhythm-auth: help, version, colour, width', () => {
  it('prints the usage with --help and the package version with --version', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}rhythm-auth diagnose/);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(cli(['--version']).stdout).toBe(`rhythm-auth ${version}\n`);
  });

  const colours: Array<[string, Record<string, string>, boolean]> = [
    ['a pipe (not a TTY)', {}, false],
    ['NO_COLOR, even with FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR on a pipe', { FORCE_COLOR: '1' }, true],
  ];
  it.each(colours)('uses ANSI colour for %s: %s', (_name, env, coloured) => {
    const result = cli(
      ['diagnose', '--token', user, '--url', CURRENT, '--at', '2026-11-03T00:00:00Z'],
      { env },
    );
    expect(result.stdout.includes(ESC)).toBe(coloured);
  });

  it('shows escape sequences and bidi marks from the server or the token, never runs them', () => {
    const hostile = `Bearer error="invalid_token", error_description="${ESC}]0;pwned\u0007${ESC}[2J\u202eevil"`;
    const result = cli([
      'diagnose',
      '--url',
      CURRENT,
      '--response-header',
      `WWW-Authenticate: ${hostile}`,
    ]);
    expect(result.stdout).toContain('server.challenge');
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toContain('\u202e');
    expect(result.stdout).toContain('\\u001b');
  });

  it('keeps the text output within 100 columns when COLUMNS says 100', () => {
    const result = cli(
      ['diagnose', '--token', noContact, '--url', CURRENT, '--at', '2026-11-03T00:00:00Z'],
      { env: { COLUMNS: '100' } },
    );
    for (const line of result.stdout.split('\n'))
      expect([...line].length, line).toBeLessThanOrEqual(100);
  });

  it('says "not built yet" in one line when dist/ is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-'));
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(join(ROOT, 'bin/rhythm-auth.js'), join(dir, 'bin/rhythm-auth.js'));
      const result = spawnSync(process.execPath, [join(dir, 'bin/rhythm-auth.js'), '--help'], {
        encoding: 'utf8',
      });
      expectUsageError(
        { status: result.status, stdout: result.stdout, stderr: result.stderr },
        /^rhythm-auth: not built yet: run `npm run build`$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
