import { describe, expect, it } from 'vitest';
import { parseCheckArgs, parseConnectTo } from '../../../../src/cli/check/args.js';
import { UsageError } from '../../../../src/cli/errors.js';

const BASE = ['--domain', 'acme-org.us.auth0.com', '--client-id', 'm2mClient'];
const SECRET = 'sup3r-s3cret-value-of-the-client';

function refusal(argv: string[]): string {
  try {
    parseCheckArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('rhythm-auth check: arguments', () => {
  it('reads the defaults: the Rhythm audience, the token tenant, text, the secret from stdin', () => {
    expect(parseCheckArgs(BASE)).toEqual({
      kind: 'check',
      issuer: 'https://acme-org.us.auth0.com/',
      clientId: 'm2mClient',
      secretEnv: null,
      tenant: null,
      audience: 'https://api.rhythmsoftware.com',
      output: 'text',
      caFile: null,
      connectTo: [],
    });
  });

  it.each([
    [
      '--issuer with the trailing slash',
      ['--issuer', 'https://login.acme.org/'],
      'https://login.acme.org/',
    ],
    ['--issuer without it', ['--issuer', 'https://login.acme.org'], 'https://login.acme.org/'],
    [
      '--domain in capitals',
      ['--domain', 'ACME-org.us.auth0.com'],
      'https://acme-org.us.auth0.com/',
    ],
  ])('takes the issuer from %s', (_, args, issuer) => {
    const command = parseCheckArgs([...args, '--client-id', 'x']);
    expect(command).toMatchObject({ kind: 'check', issuer });
  });

  it('reads every option', () => {
    const command = parseCheckArgs([
      ...BASE,
      '--client-secret-env',
      'RHYTHM_SECRET',
      '--tenant',
      'acme.org',
      '--audience',
      'https://api.rhythmsoftware.com/',
      '--json',
      '--ca-file',
      'proxy.pem',
      '--connect-to',
      'acme-org.us.auth0.com=127.0.0.1:8443',
      '--connect-to',
      'rolodex.api.rhythmsoftware.com=[::1]:9443',
    ]);
    expect(command).toMatchObject({
      secretEnv: 'RHYTHM_SECRET',
      tenant: 'acme.org',
      audience: 'https://api.rhythmsoftware.com/',
      output: 'json',
      caFile: 'proxy.pem',
      connectTo: [
        { host: 'acme-org.us.auth0.com', address: '127.0.0.1', port: 8443 },
        { host: 'rolodex.api.rhythmsoftware.com', address: '::1', port: 9443 },
      ],
    });
  });

  it('answers --help with the help of check', () => {
    expect(parseCheckArgs(['--help'])).toEqual({ kind: 'check-help' });
  });

  it.each([
    [
      '--client-secret as an option',
      [...BASE, '--client-secret', SECRET],
      /--client-secret is not accepted/,
    ],
    [
      '--client-secret=value',
      [...BASE, `--client-secret=${SECRET}`],
      /--client-secret is not accepted/,
    ],
    ['a stray argument (it may be the secret)', [...BASE, SECRET], /options only/],
    [
      'an unknown option with a value',
      [...BASE, `--secret=${SECRET}`],
      /unknown option --secret for check/,
    ],
    ['no domain', ['--client-id', 'x'], /--domain <host> or --issuer <url>/],
    ['both --domain and --issuer', [...BASE, '--issuer', 'https://a.b/'], /not both/],
    [
      'a URL as --domain',
      ['--domain', 'https://acme.auth0.com/', '--client-id', 'x'],
      /use --issuer/,
    ],
    ['an http issuer', ['--issuer', 'http://acme.auth0.com/', '--client-id', 'x'], /must be https/],
    [
      'an issuer with a query',
      ['--issuer', 'https://a.b/?x=1', '--client-id', 'x'],
      /without query/,
    ],
    ['no client id', ['--domain', 'acme.auth0.com'], /needs --client-id/],
    ['a value missing', [...BASE, '--tenant'], /--tenant needs a value/],
    ['a value for a flag', [...BASE, '--json=yes'], /--json takes no value/],
    ['an empty tenant', [...BASE, '--tenant', ' '], /--tenant needs a tenant id/],
  ])('refuses %s, without repeating a secret', (_, argv, reason) => {
    const message = refusal(argv);
    expect(message).toMatch(reason);
    expect(message).not.toContain(SECRET);
  });

  it.each(['rolodex', 'host=127.0.0.1', 'host=127.0.0.1:0', 'host=127.0.0.1:70000', '=1.2.3.4:5'])(
    'refuses --connect-to %s',
    (raw) => {
      expect(() => parseConnectTo(raw)).toThrow(/--connect-to needs <host>=<address>:<port>/);
    },
  );
});
