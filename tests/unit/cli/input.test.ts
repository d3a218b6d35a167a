/**
 * The CLI on the input people really type (issue 14): a whole header pasted into --token, a bare
 * token on --authorization, URLs and times that are not one, and every file-system error as one
 * line naming the path and the cause. Through the real built CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/analyzer/types.js';
import { T0, signToken } from '../../helpers/tokens.js';
import { BIN, ROOT, buildCli, cleanEnv, cli, expectUsageError } from './run-cli.js';

const CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';
const AT = ['--at', String(T0 / 1000 + 3600)];
const dir = mkdtempSync(join(tmpdir(), 'rhythm-auth-cli-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let user: string;
beforeAll(async () => {
  buildCli();
  user = await signToken();
}, 60_000);

const checkOf = (d: Diagnosis, id: string) => d.checks.find((c) => c.id === id);

describe('rhythm-auth diagnose: what was pasted where', () => {
  it('takes a whole "Bearer …" value given to --token as the header, with a note', () => {
    const result = cli([
      'diagnose',
      '--json',
      '--token',
      `Bearer ${user}`,
      '--url',
      CURRENT,
      ...AT,
    ]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'rhythm-auth: note: --token got a whole Authorization value ("Bearer …"): diagnosed as that header, as --authorization would; --token takes the token alone.\n',
    );
    const d = JSON.parse(result.stdout) as Diagnosis;
    expect(checkOf(d, 'header.scheme')?.status).toBe('pass');
    expect(JSON.stringify(d)).not.toMatch(/Bearer sent twice|Bearer Bearer/);
  });

  it('does the same for --token - reading "bearer …" from stdin, and keeps the lowercase warning', () => {
    const result = cli(['diagnose', '--json', '--token', '-', '--url', CURRENT, ...AT], {
      input: `bearer ${user}\n`,
    });
    expect(result.stderr).toMatch(
      /^rhythm-auth: note: --token got a whole Authorization value \("Bearer …"\) \(from stdin\)/,
    );
    const d = JSON.parse(result.stdout) as Diagnosis;
    expect(checkOf(d, 'header.scheme')?.status).toBe('warn');
  });

  it('diagnoses a bare token on --authorization - as sent, and points to --token', () => {
    const result = cli(['diagnose', '--authorization', '-', '--url', CURRENT, ...AT], {
      input: `${user}\n`,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Root cause {2}header\.scheme — Token sent without `Bearer `$/m);
    expect(result.stderr).toMatch(
      /bare token, without "Bearer "[^\n]*give it with --token \(or --token - for stdin\)/,
    );
    // The README's example: the token on stdin with --token - is a clean request.
    const fixed = cli(['diagnose', '--token', '-', '--url', CURRENT, ...AT], {
      input: `${user}\n`,
    });
    expect(fixed.stderr).toBe('');
    expect(fixed.status).toBe(0);
  });
});

describe('rhythm-auth diagnose: a --url that is not a URL is a usage error (exit 2)', () => {
  const urls: Array<[string, string, RegExp]> = [
    [
      'a mangled scheme',
      'ht!tp:/bad url',
      /--url "ht!tp:\/bad url" is not an absolute http\(s\) URL/,
    ],
    [
      'a URL without https://',
      'rolodex.api.rhythmsoftware.com/contacts/current',
      /is not an absolute http\(s\) URL; did you mean https:\/\/rolodex\.api\.rhythmsoftware\.com\/contacts\/current\?/,
    ],
    [
      'one slash after the scheme',
      'https:/rolodex.api.rhythmsoftware.com/x',
      /not an absolute http\(s\) URL/,
    ],
    ['another scheme', 'ftp://rolodex.api.rhythmsoftware.com/x', /not an absolute http\(s\) URL/],
    [
      'a space inside',
      'https://rolodex.api.rhythmsoftware.com/contacts/a b',
      /contains whitespace/,
    ],
    ['an empty one', '', /--url needs a URL/],
    ['a path alone', '/contacts/current', /not an absolute http\(s\) URL/],
  ];
  it.each(urls)('refuses %s', (_name, url, reason) => {
    expectUsageError(cli(['diagnose', '--url', url]), reason);
  });

  it('still diagnoses http:// (url.service says why), exit 1', () => {
    const result = cli(['diagnose', '--json', '--url', CURRENT.replace('https', 'http')]);
    expect(result.status).toBe(1);
    expect(checkOf(JSON.parse(result.stdout) as Diagnosis, 'url.service')?.status).toBe('fail');
  });
});

describe('rhythm-auth diagnose: --at before 1970, and values that look like options', () => {
  it.each([[['--at', '-5']], [['--at=-1793534400']]])(
    'refuses %j in its own words, not Node’s',
    (args) => {
      const result = cli(['diagnose', ...args]);
      expectUsageError(
        result,
        /^rhythm-auth: --at -\d+ is before 1970, not a time a request was sent/,
      );
      expect(result.stderr).not.toMatch(/ambiguous|XYZ/);
    },
  );

  it('says how to give a value that starts with "-" to another option', () => {
    expectUsageError(
      cli(['diagnose', '--method', '-x']),
      /--method "-x": a value that starts with "-" reads as an option; write --method=-x if it is the value/,
    );
  });
});

/** Runs the built CLI with stdin from a file descriptor (a directory, here), as a shell `<` does. */
function withStdin(path: string, args: readonly string[]) {
  const result = spawnSync(
    'sh',
    ['-c', `exec "$0" "$@" < "${path}"`, process.execPath, BIN, ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: cleanEnv(),
      timeout: 20_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('rhythm-auth: file-system errors are one line naming the path and the cause', () => {
  it('refuses stdin that is a directory (exit 2) instead of reading an empty header', () => {
    expectUsageError(
      withStdin(dir, ['diagnose', '--authorization', '-', '--url', CURRENT]),
      /^rhythm-auth: stdin is a directory, not the Authorization value/,
    );
  });

  it('names a symbolic-link loop (ELOOP)', () => {
    const a = join(dir, 'loop-a.har');
    const b = join(dir, 'loop-b.har');
    symlinkSync(b, a);
    symlinkSync(a, b);
    expectUsageError(
      cli(['diagnose', '--har', a]),
      new RegExp(
        `^rhythm-auth: cannot read ${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: too many levels of symbolic links`,
      ),
    );
    expectUsageError(
      cli(['sanitize-har', a, join(dir, 'out.har')]),
      /cannot read \S+loop-a\.har: too many levels of symbolic links/,
    );
  });

  it('names a directory given as a HAR (EISDIR)', () => {
    const folder = join(dir, 'folder.har');
    mkdirSync(folder);
    expectUsageError(
      cli(['diagnose', '--har', folder]),
      /cannot read \S+folder\.har: it is a directory$/,
    );
  });

  it('names a full disk on the output (ENOSPC, /dev/full)', () => {
    const result = spawnSync(
      'sh',
      ['-c', 'exec "$0" "$@" > /dev/full', process.execPath, BIN, '--help'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: cleanEnv(),
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'rhythm-auth: cannot write the output: no space left on the device\n',
    );
  });

  it('names too many open files (EMFILE) when the limit is hit opening the HAR', () => {
    const har = join(dir, 'tiny.har');
    writeFileSync(har, '{"log":{"entries":[]}}');
    // Node itself needs some descriptors to start: find the limits at which the HAR's own open is
    // the one that fails. Whatever the limit, the answer is ours or a clean run, never a trace.
    const seen: string[] = [];
    for (let limit = 12; limit <= 40; limit++) {
      const result = spawnSync(
        'sh',
        [
          '-c',
          `ulimit -n ${limit} && exec "$0" "$@"`,
          process.execPath,
          BIN,
          'diagnose',
          '--har',
          har,
        ],
        { cwd: ROOT, encoding: 'utf8', env: cleanEnv() },
      );
      if (/^rhythm-auth: /.test(result.stderr)) seen.push(result.stderr);
      expect(result.stderr, `ulimit -n ${limit}`).not.toMatch(/internal error/);
    }
    expect(seen).toContain(`rhythm-auth: cannot read ${har}: too many open files\n`);
  });
});
