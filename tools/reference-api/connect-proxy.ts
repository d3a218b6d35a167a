/**
 * Firefox's way to the reference API: it has no `--host-resolver-rules`, and its
 * `network.dns.localDomains` keeps the port (443, one per machine). So Firefox is pointed at this
 * HTTP proxy on an ephemeral port, which tunnels (`CONNECT`) the Rhythm and Auth0 hosts to the
 * reference API and refuses everything else: nothing leaves the machine. It never logs: the
 * tunnelled bytes are TLS, and the host names are all it reads.
 */
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ConnectProxy {
  port: number;
  /** `CONNECT` requests refused since the start (Firefox's own services asking for the Internet). */
  refused: () => number;
  close: () => Promise<void>;
}

/** The hosts routed to the reference API: the same ones as `chromiumArgs`. */
export function isRoutedHost(host: string): boolean {
  const h = host.toLowerCase();
  return (
    h === 'rhythmsoftware.com' ||
    h.endsWith('.rhythmsoftware.com') ||
    h === 'auth0.com' ||
    h.endsWith('.auth0.com')
  );
}

const MAX_HEAD = 8 * 1024;

/** `CONNECT host:port HTTP/1.1` → the host, when the whole request head has arrived. */
export function connectTarget(head: string): string | null | undefined {
  if (!head.includes('\r\n\r\n')) return head.length > MAX_HEAD ? null : undefined;
  const match = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.[01]\r\n/.exec(head);
  return match ? match[1]! : null;
}

function tunnel(client: Socket, upstreamPort: number, rest: Buffer): void {
  const upstream = connect(upstreamPort, '127.0.0.1', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (rest.length) upstream.write(rest);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on('error', () => client.destroy());
  client.on('error', () => upstream.destroy());
  client.on('close', () => upstream.destroy());
}

/** Starts the proxy on 127.0.0.1 and an ephemeral port, tunnelling to `upstreamPort`. */
export async function startConnectProxy(upstreamPort: number): Promise<ConnectProxy> {
  let refused = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const text = head.toString('latin1');
      const host = connectTarget(text);
      if (host === undefined) return;
      client.off('data', onData);
      if (host === null || !isRoutedHost(host)) {
        refused += 1;
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      tunnel(client, upstreamPort, head.subarray(text.indexOf('\r\n\r\n') + 4));
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The Firefox prefs that send all of its traffic through the proxy on `port`. */
export function firefoxProxyPrefs(port: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.share_proxy_settings': false,
    // No DNS over HTTPS, no QUIC: both would go around the proxy.
    'network.trr.mode': 5,
    'network.http.http3.enable': false,
  };
}
