/**
 * An undici dispatcher that sends every connection for a named host to the reference API on
 * loopback, and verifies TLS against that host with the server's own certificate as the one
 * trusted root: what DNS and a public CA would do for the real hosts. URLs that name 127.0.0.1
 * connect as they say. For tests that drive a real fetch (undici's) at
 * `https://rolodex.api.rhythmsoftware.com/…`.
 */
import { Agent, buildConnector } from 'undici';

export function loopbackDispatcher(port: number, certificate: string): Agent {
  const connect = buildConnector({ ca: certificate });
  return new Agent({
    connect: (options, callback) =>
      options.hostname === '127.0.0.1'
        ? connect(options, callback)
        : connect(
            {
              ...options,
              servername: options.servername ?? options.hostname,
              hostname: '127.0.0.1',
              port: String(port),
            },
            callback,
          ),
  });
}
