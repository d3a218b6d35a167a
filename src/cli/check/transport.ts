/**
 * The HTTPS client of `rhythm-auth check`: node:https, certificates always verified. Two explicit
 * options point it elsewhere, for a test server or a TLS-inspecting proxy, and nothing else can:
 * `connectTo` sends a host's connections to another address (like curl's --connect-to) while TLS
 * still checks the certificate against the host's own name, and `ca` adds certificates to trust
 * beside Node's roots. There is no way to turn verification off.
 */
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { HttpHeader } from '../../analyzer/index.js';

export interface ConnectTo {
  /** The host name as it appears in URLs. */
  host: string;
  /** Where to connect instead: an IP address (or a host name) and a port. */
  address: string;
  port: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Read the body (a token answer); else the answer's body is left unread (a list of contacts). */
  readBody: boolean;
}

export interface HttpAnswer {
  status: number;
  headers: HttpHeader[];
  /** The body as text (at most MAX_BODY bytes), or '' when it was not read. */
  body: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpAnswer>;

export interface TransportOptions {
  connectTo?: readonly ConnectTo[];
  /** PEM certificates to trust besides Node's own roots. */
  ca?: string;
  timeoutMs?: number;
}

/** Why a request got no HTTP answer at all: DNS, TCP, TLS or a timeout. */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    /** `ENOTFOUND`, `ECONNREFUSED`, `CERT_HAS_EXPIRED`, `timeout`… */
    readonly code: string,
    readonly host: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;

export function createTransport(options: TransportOptions = {}): Transport {
  const ca = options.ca === undefined ? undefined : [...rootCertificates, options.ca];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const targets = new Map((options.connectTo ?? []).map((c) => [c.host.toLowerCase(), c]));

  return (request) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const url = new URL(request.url);
      const target = targets.get(url.hostname.toLowerCase());
      const req = httpsRequest(url, {
        method: request.method,
        // The URL's own name, whatever address the connection goes to: the certificate is
        // checked against it (servername), and the server routes by it (Host).
        headers: { ...request.headers, Host: url.host },
        servername: url.hostname,
        ...(target ? { hostname: target.address, port: target.port } : {}),
        ...(ca ? { ca } : {}),
        agent: false,
      });
      req.setTimeout(timeoutMs, () => {
        req.destroy(
          new NetworkError('timeout', url.hostname, `no answer in ${timeoutMs / 1000} s`),
        );
      });
      req.on('error', (error) => reject(toNetworkError(error, url.hostname)));
      req.on('response', (res) => {
        const headers: HttpHeader[] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          headers.push({ name: res.rawHeaders[i]!, value: res.rawHeaders[i + 1]! });
        }
        const status = res.statusCode ?? 0;
        if (!request.readBody) {
          res.destroy();
          resolve({ status, headers, body: '' });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_BODY) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => {
          const body = Buffer.concat(chunks).subarray(0, MAX_BODY).toString('utf8');
          resolve({ status, headers, body });
        });
        res.on('error', (error) => reject(toNetworkError(error, url.hostname)));
      });
      req.end(request.body);
    });
}

const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function isCertificateError(error: NetworkError): boolean {
  return CERTIFICATE_CODES.has(error.code);
}

function toNetworkError(error: unknown, host: string): NetworkError {
  if (error instanceof NetworkError) return error;
  const code = String((error as NodeJS.ErrnoException | null)?.code ?? 'EUNKNOWN');
  return new NetworkError(code, host, networkText(code, host));
}

function networkText(code: string, host: string): string {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve ${host} (${code})`;
    case 'ECONNREFUSED':
      return `${host} refused the connection`;
    case 'ECONNRESET':
      return `${host} closed the connection`;
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `cannot connect to ${host} (${code})`;
    default:
      return CERTIFICATE_CODES.has(code)
        ? `the certificate of ${host} is not trusted (${code})`
        : `no answer from ${host} (${code})`;
  }
}
