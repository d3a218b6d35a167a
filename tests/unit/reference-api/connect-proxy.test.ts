import { connect, createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectTarget,
  isRoutedHost,
  startConnectProxy,
  type ConnectProxy,
} from '../../../tools/reference-api/connect-proxy.js';

describe('the CONNECT proxy for Firefox', () => {
  it.each<[string, boolean]>([
    ['rolodex.api.rhythmsoftware.com', true],
    ['app.rhythmsoftware.com', true],
    ['RHYTHMSOFTWARE.COM', true],
    ['acme-org.us.auth0.com', true],
    ['firefox.settings.services.mozilla.com', false],
    ['rhythmsoftware.com.evil.test', false],
    ['notrhythmsoftware.com', false],
  ])('routes %s to the reference API: %s', (host, routed) => {
    expect(isRoutedHost(host)).toBe(routed);
  });

  it.each<[string, string | null | undefined]>([
    ['CONNECT app.rhythmsoftware.com:443 HTTP/1.1\r\nHost: x\r\n\r\n', 'app.rhythmsoftware.com'],
    ['CONNECT app.rhythmsoftware.com:443 HTTP/1.1\r\nHost: x\r\n', undefined],
    ['GET http://app.rhythmsoftware.com/ HTTP/1.1\r\n\r\n', null],
    ['CONNECT app.rhythmsoftware.com HTTP/1.1\r\n\r\n', null],
    ['x'.repeat(9000), null],
  ])('reads the target of %j', (head, target) => {
    expect(connectTarget(head)).toBe(target);
  });

  let proxy: ConnectProxy | null = null;
  let upstream: Server | null = null;
  afterEach(async () => {
    await proxy?.close();
    await new Promise((resolve) => (upstream ? upstream.close(resolve) : resolve(undefined)));
    proxy = null;
    upstream = null;
  });

  /** Sends `head` (and `then` once the proxy answered) and collects what comes back until close. */
  function exchange(port: number, head: string, then = ''): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(head));
      let got = '';
      socket.on('data', (chunk) => {
        got += String(chunk);
        if (then && got.includes('\r\n\r\n') && !got.includes(then)) socket.write(then);
        if (then && got.includes(`echo:${then}`)) socket.end();
      });
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
    });
  }

  it('tunnels a Rhythm host to the upstream and refuses every other host', async () => {
    upstream = createServer((s) => s.on('data', (d) => s.write(`echo:${String(d)}`)));
    await new Promise<void>((resolve) => upstream!.listen(0, '127.0.0.1', resolve));
    proxy = await startConnectProxy((upstream.address() as AddressInfo).port);

    const tunnelled = await exchange(
      proxy.port,
      'CONNECT rolodex.api.rhythmsoftware.com:443 HTTP/1.1\r\n\r\n',
      'hello',
    );
    expect(tunnelled).toBe('HTTP/1.1 200 Connection Established\r\n\r\necho:hello');

    const refused = await exchange(proxy.port, 'CONNECT example.com:443 HTTP/1.1\r\n\r\n');
    expect(refused).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(proxy.refused()).toBe(1);
  });
});
