/**
 * The reference Rhythm API as a real HTTPS server on loopback: one listener for every faked host
 * (Chromium maps them here with --host-resolver-rules), a certificate made at start. It never logs:
 * URLs and headers can carry tokens.
 */
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JSONWebKeySet } from 'jose';
import { generate } from 'selfsigned';
import type { ReferenceRequest } from './http.js';
import { createMinter } from './mint.js';
import type { MintOptions } from './mint.js';
import { createHandler } from './router.js';
import type { Handler } from './router.js';
import { createIssuerKeys } from './tokens.js';
import { ACME, WORLD } from './world.js';
import type { World } from './world.js';

export interface ReferenceApiOptions {
  /** 0 (the default): an ephemeral port. */
  port?: number;
  /** Epoch ms; tests may move the server's clock. Default `Date.now`. */
  clock?: () => number;
}

export interface ReferenceApi {
  port: number;
  /** `https://127.0.0.1:<port>`; send requests here with a faked Host / servername. */
  origin: string;
  world: World;
  /** The demo tenant's issuer, `https://acme-org.us.auth0.com/`. */
  issuer: string;
  /** Mints with the server's keys at the server's clock. */
  mint: (options?: MintOptions) => Promise<string>;
  jwks: JSONWebKeySet;
  /** The self-signed certificate (PEM), for clients that want to trust it instead of ignoring errors. */
  certificate: string;
  /** How many requests reached `host` (and `path`, when given) since the start: tests assert on it. */
  hits: (host: string, path?: string) => number;
  close: () => Promise<void>;
}

export const CERTIFICATE_HOSTS = [
  '*.api.rhythmsoftware.com',
  'api.rhythmsoftware.com',
  'app.rhythmsoftware.com',
  '*.staging.rhythmsoftware.com',
  '*.us.auth0.com',
  'localhost',
];

/** The flags that send Chromium's Rhythm and Auth0 traffic to this server. */
export function chromiumArgs(port: number): string[] {
  return [
    `--host-resolver-rules=MAP *.rhythmsoftware.com 127.0.0.1:${port},MAP *.auth0.com 127.0.0.1:${port}`,
    '--ignore-certificate-errors',
  ];
}

async function createCertificate() {
  // EC keys: generated in milliseconds where RSA takes a noticeable fraction of a second.
  const pems = await generate([{ name: 'commonName', value: 'Rhythm reference API' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 7 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...CERTIFICATE_HOSTS.map((value) => ({ type: 2 as const, value })),
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function toReferenceRequest(
  req: IncomingMessage,
  body: string,
  now: number,
): ReferenceRequest {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const url = new URL(req.url ?? '/', 'https://reference.invalid');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: req.method ?? 'GET',
    host,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
    now,
  };
}

function serve(handler: Handler, clock: () => number, count: (host: string, path: string) => void) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = await readBody(req);
      const request = toReferenceRequest(req, body, clock());
      count(request.host, request.path);
      const answer = await handler(request);
      const headers = { ...answer.headers };
      // RFC 9110 §8.6: no Content-Length on a 204.
      if (answer.status !== 204) headers['Content-Length'] = String(Buffer.byteLength(answer.body));
      res.writeHead(answer.status, headers).end(answer.status === 204 ? undefined : answer.body);
    } catch {
      // Deliberately no details: an error message could quote a header or a body.
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Internal error');
    }
  };
}

export async function startReferenceApi(options: ReferenceApiOptions = {}): Promise<ReferenceApi> {
  const clock = options.clock ?? Date.now;
  const [keys, tls] = await Promise.all([createIssuerKeys(), createCertificate()]);
  const mint = createMinter(WORLD, keys);
  // Counts only (host and path): nothing of a request's headers or body is kept.
  const hits = new Map<string, number>();
  const count = (host: string, path: string) => {
    for (const key of [host, `${host}${path}`]) hits.set(key, (hits.get(key) ?? 0) + 1);
  };
  const server = createServer(tls, serve(createHandler(WORLD, keys, mint), clock, count));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: nothing outside this machine may reach it.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    world: WORLD,
    issuer: ACME.issuer,
    mint: (mintOptions = {}) => mint(mintOptions, clock()),
    jwks: keys.jwks,
    certificate: tls.cert,
    hits: (host, path) => hits.get(path === undefined ? host : `${host}${path}`) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}
