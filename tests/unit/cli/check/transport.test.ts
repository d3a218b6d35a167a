import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, NetworkError } from '../../../../src/cli/check/transport.js';
import { startReferenceApi, type ReferenceApi } from '../../../../tools/reference-api/server.js';

let api: ReferenceApi;
beforeAll(async () => {
  api = await startReferenceApi();
});
afterAll(async () => {
  await api.close();
});

const ROLODEX = 'rolodex.api.rhythmsoftware.com';
const get = (url: string) => ({ method: 'GET', url, headers: {}, readBody: true }) as const;

describe('the HTTPS transport of check', () => {
  it('connects a host to the address --connect-to names, and checks the certificate against the host', async () => {
    const transport = createTransport({
      connectTo: [{ host: ROLODEX, address: '127.0.0.1', port: api.port }],
      ca: api.certificate,
    });
    const answer = await transport(get(`https://${ROLODEX}/contacts/acme.org`));
    expect(answer.status).toBe(401);
    expect(answer.headers.find((h) => h.name === 'WWW-Authenticate')?.value).toMatch(/^Bearer /);
    expect(JSON.parse(answer.body)).toEqual({ message: 'Unauthorized' });
  });

  it('refuses a certificate that is not for the host it connects to', async () => {
    const transport = createTransport({
      connectTo: [{ host: 'example.org', address: '127.0.0.1', port: api.port }],
      ca: api.certificate,
    });
    const error = await transport(get('https://example.org/')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID', host: 'example.org' });
  });

  it('gives up on a server that never answers, as a NetworkError', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const transport = createTransport({
        connectTo: [{ host: ROLODEX, address: '127.0.0.1', port }],
        timeoutMs: 200,
      });
      const error = await transport(get(`https://${ROLODEX}/`)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'timeout', message: 'no answer in 0.2 s' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
