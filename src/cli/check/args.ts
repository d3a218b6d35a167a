/**
 * `rhythm-auth check [options]`, parsed strictly into a plain command. The client secret is never
 * an argument (it would show in `ps` and in shell history), and no error message quotes what
 * could be the secret: positional arguments and odd environment variable names are not echoed.
 */
import { parseArgs } from 'node:util';
import { RHYTHM_AUDIENCE } from '../../analyzer/index.js';
import { UsageError } from '../errors.js';
import type { ConnectTo } from './transport.js';

export interface CheckCommand {
  kind: 'check';
  /** The Auth0 issuer, `https://<domain>/` (always with the trailing slash). */
  issuer: string;
  clientId: string;
  /** The environment variable holding the secret, or null: read it from stdin. */
  secretEnv: string | null;
  /** The Rhythm tenant to read; null: the token's `tenant_id`. */
  tenant: string | null;
  audience: string;
  output: 'text' | 'json';
  caFile: string | null;
  connectTo: ConnectTo[];
}

export type CheckCall = { kind: 'check-help' } | CheckCommand;

const OPTIONS = {
  domain: { type: 'string' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret-env': { type: 'string' },
  tenant: { type: 'string' },
  audience: { type: 'string' },
  json: { type: 'boolean' },
  'ca-file': { type: 'string' },
  'connect-to': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

const NO_SECRET_ARGUMENT =
  '--client-secret is not accepted: a secret on the command line shows in `ps` and in shell history; put it in an environment variable and pass --client-secret-env NAME, or pipe it on stdin';

/** A name worth echoing in an error: what environment variables look like, not what secrets do. */
export const LOOKS_LIKE_ENV_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/;

function parsed(argv: readonly string[]) {
  for (const arg of argv) {
    if (arg === '--client-secret' || arg.startsWith('--client-secret=')) {
      throw new UsageError(NO_SECRET_ARGUMENT, false);
    }
  }
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    // Only the option's name is repeated, never a value: it could be the secret.
    const unknown = /^Unknown option '([^'=]*)/.exec(message);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]} for check`);
    const option = /^Option '(--[\w-]+)/.exec(message)?.[1];
    if (option && message.includes('does not take an argument')) {
      throw new UsageError(`${option} takes no value`);
    }
    if (option) throw new UsageError(`${option} needs a value`);
    throw new UsageError('check: cannot read the options');
  }
}

function issuerFrom(domain: string | undefined, issuer: string | undefined): string {
  if (domain !== undefined && issuer !== undefined) {
    throw new UsageError('give --domain or --issuer, not both');
  }
  if (domain !== undefined) {
    if (domain.includes('/')) {
      throw new UsageError(
        `--domain takes a host name (acme-org.us.auth0.com); for a URL use --issuer`,
      );
    }
    if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(domain)) {
      throw new UsageError(`--domain ${JSON.stringify(domain)} is not a host name`);
    }
    return `https://${domain.toLowerCase()}/`;
  }
  if (issuer === undefined) {
    throw new UsageError('check needs the Auth0 domain: --domain <host> or --issuer <url>');
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new UsageError(`--issuer ${JSON.stringify(issuer)} is not a URL`);
  }
  if (url.protocol !== 'https:') {
    throw new UsageError('--issuer must be https: the secret would cross the network in clear');
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new UsageError('--issuer is the issuer URL alone, without query, fragment or user');
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export function parseConnectTo(raw: string): ConnectTo {
  const match = /^([A-Za-z0-9.-]+)=(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(raw);
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65_535) {
    throw new UsageError(
      `--connect-to needs <host>=<address>:<port> (rolodex.api.rhythmsoftware.com=127.0.0.1:8443), got ${JSON.stringify(raw)}`,
    );
  }
  return { host: match[1]!.toLowerCase(), address: match[2]!.replace(/^\[|\]$/g, ''), port };
}

export function parseCheckArgs(argv: readonly string[]): CheckCall {
  const { values: v, positionals } = parsed(argv);
  if (v.help) return { kind: 'check-help' };
  if (positionals.length > 0) {
    // Not quoted: a secret pasted in the wrong place must not be printed back.
    throw new UsageError('check takes options only; an argument without an option was given');
  }
  const issuer = issuerFrom(v.domain, v.issuer);
  const clientId = v['client-id']?.trim() ?? '';
  if (clientId === '') throw new UsageError('check needs --client-id <id>');
  if (/\s/.test(clientId)) throw new UsageError('--client-id has white space in it');
  const secretEnv = v['client-secret-env'] ?? null;
  if (secretEnv === '') throw new UsageError('--client-secret-env needs a variable name');
  const tenant = v.tenant?.trim() ?? null;
  if (tenant === '') throw new UsageError('--tenant needs a tenant id (acme.org)');
  const audience = v.audience ?? RHYTHM_AUDIENCE;
  if (audience.trim() === '') throw new UsageError('--audience needs a value');
  if (v['ca-file'] === '') throw new UsageError('--ca-file needs a file name');
  return {
    kind: 'check',
    issuer,
    clientId,
    secretEnv,
    tenant,
    audience,
    output: v.json ? 'json' : 'text',
    caFile: v['ca-file'] ?? null,
    connectTo: (v['connect-to'] ?? []).map(parseConnectTo),
  };
}
