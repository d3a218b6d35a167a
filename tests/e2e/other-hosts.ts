/**
 * A second HTTPS server for the hosts the reference API does not play: it answers every request
 * `401` with a Bearer challenge, like an API would, so a test can show which 401s the extension
 * ignores. Chromium maps a few hosts to it ahead of the reference API's `*.rhythmsoftware.com`
 * rule (Chromium applies the first matching `MAP`):
 *
 * - `www.rhythmsoftware.com`: inside the extension's host permissions, outside its webRequest
 *   filter (`*.api.rhythmsoftware.com`): only the filter keeps the worker out of it.
 * - `other.example.test`: outside both.
 * - `held.api.rhythmsoftware.com`: a Rhythm API host whose answers wait until the test releases
 *   them, so a request can be kept in flight on purpose.
 */
import { createServer } from 'node:https';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export const UNWATCHED_RHYTHM_HOST = 'www.rhythmsoftware.com';
export const FOREIGN_HOST = 'other.example.test';
export const HELD_API_HOST = 'held.api.rhythmsoftware.com';
const HOSTS = [UNWATCHED_RHYTHM_HOST, FOREIGN_HOST, HELD_API_HOST];

export interface OtherHosts {
  port: number;
  /** `MAP` rules for `--host-resolver-rules`, to go before the reference API's rules. */
  rules: string;
  /** How many requests to the held host are waiting for `releaseHeld()`. */
  heldCount(): number;
  /** Answers every held request (401). */
  releaseHeld(): void;
  close(): Promise<void>;
}

function answer401(res: ServerResponse, origin: string | undefined): void {
  res
    .writeHead(401, {
      'Content-Type': 'application/json',
      'WWW-Authenticate': 'Bearer error="invalid_token"',
      'Access-Control-Allow-Origin': origin ?? '*',
      'Access-Control-Expose-Headers': 'WWW-Authenticate',
    })
    .end('{"message":"Unauthorized"}');
}

export async function startOtherHosts(): Promise<OtherHosts> {
  const pems = await generate([{ name: 'commonName', value: 'Rhythm Auth e2e other hosts' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 86_400_000),
    extensions: [
      { name: 'subjectAltName', altNames: HOSTS.map((value) => ({ type: 2 as const, value })) },
    ],
  });
  const held: Array<() => void> = [];
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const origin = req.headers.origin;
    if (req.method === 'OPTIONS') {
      res
        .writeHead(204, {
          'Access-Control-Allow-Origin': origin ?? '*',
          'Access-Control-Allow-Headers': 'Authorization',
        })
        .end();
      return;
    }
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host === HELD_API_HOST) held.push(() => answer401(res, origin));
    else answer401(res, origin);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    rules: HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(','),
    heldCount: () => held.length,
    releaseHeld: () => held.splice(0).forEach((send) => send()),
    close: () =>
      new Promise<void>((resolve, reject) => {
        held.splice(0).forEach((send) => send());
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
