/**
 * withDiagnosis around a real fetch (undici's, the one inside Node's global fetch) against the
 * reference API over HTTPS on loopback: it diagnoses Rhythm 401s (and 403s when asked) from what
 * was sent and answered, hands over a redacted diagnosis, and returns the response untouched.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetch as undiciFetch, type Agent } from 'undici';
import type { ReportedDiagnosis } from '../../../src/analyzer/report/index.js';
import { diagnosisLine, withDiagnosis } from '../../../src/node/with-diagnosis.js';
import { startReferenceApi, type ReferenceApi } from '../../../tools/reference-api/server.js';
import { loopbackDispatcher } from '../../helpers/loopback-dispatcher.js';

let api: ReferenceApi;
let dispatcher: Agent;
beforeAll(async () => {
  api = await startReferenceApi();
  dispatcher = loopbackDispatcher(api.port, api.certificate);
});
afterAll(async () => {
  await dispatcher.close();
  await api.close();
});

const ROLODEX = 'https://rolodex.api.rhythmsoftware.com';
const collect = () => {
  const seen: ReportedDiagnosis[] = [];
  return { seen, onDiagnosis: (d: ReportedDiagnosis) => void seen.push(d) };
};

describe('withDiagnosis(fetch)', () => {
  it('diagnoses a Rhythm 401 from the token that was sent and the server’s challenge', async () => {
    const token = await api.mint({ kind: 'm2m', audience: `${api.issuer}api/v2/` });
    const { seen, onDiagnosis } = collect();
    const fetch = withDiagnosis(undiciFetch, { onDiagnosis });
    const response = await fetch(`${ROLODEX}/contacts/acme.org`, {
      headers: { Authorization: `Bearer ${token}` },
      dispatcher,
    });
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
    const d = seen[0]!;
    expect(d.rootCause?.id).toBe('token.audience');
    expect(d.token.subject).toBe('m2m');
    expect(d.server.challenge).toContain('error="invalid_token"');
    expect(d.request).toMatchObject({
      method: 'GET',
      url: `${ROLODEX}/contacts/acme.org`,
      status: 401,
    });
    expect(JSON.stringify(d)).not.toContain(token.split('.')[2]);
  });

  it('returns the response untouched: the caller still reads its body', async () => {
    const fetch = withDiagnosis(undiciFetch, collect());
    const response = await fetch(`${ROLODEX}/contacts/acme.org`, { dispatcher });
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  it('reads the Authorization of a Request object, and of a Headers instance', async () => {
    const token = await api.mint({ kind: 'm2m', expired: true });
    const { seen, onDiagnosis } = collect();
    const fetch = withDiagnosis(undiciFetch, { onDiagnosis });
    const { Request, Headers } = await import('undici');
    await fetch(
      new Request(`${ROLODEX}/contacts/acme.org`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { dispatcher },
    );
    await fetch(`${ROLODEX}/contacts/acme.org`, {
      headers: new Headers([['Authorization', `Bearer ${token}`]]),
      dispatcher,
    });
    expect(seen.map((d) => d.rootCause?.id)).toEqual(['token.expiry', 'token.expiry']);
  });

  it('says so when a cross-origin redirect dropped the Authorization header', async () => {
    const token = await api.mint({ kind: 'm2m' });
    const final = `${ROLODEX}/contacts/acme.org`;
    const old = createServer((_, res) => res.writeHead(302, { Location: final }).end());
    await new Promise<void>((resolve) => old.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = old.address() as AddressInfo;
      const { seen, onDiagnosis } = collect();
      const fetch = withDiagnosis(undiciFetch, { onDiagnosis });
      const response = await fetch(`http://127.0.0.1:${port}/contacts/acme.org`, {
        headers: { Authorization: `Bearer ${token}` },
        dispatcher,
      });
      expect([response.status, response.redirected]).toEqual([401, true]);
      expect(seen.map((d) => [d.request.url, d.rootCause?.summary])).toEqual([
        [final, 'Authorization header dropped by a cross-origin redirect'],
      ]);
      expect(JSON.stringify(seen)).not.toContain(token.split('.')[2]);
    } finally {
      await new Promise((resolve) => old.close(resolve));
    }
  });

  it('stays out of the way for answers that are not a Rhythm 401', async () => {
    const token = await api.mint({ kind: 'm2m' });
    const { seen, onDiagnosis } = collect();
    const fetch = withDiagnosis(undiciFetch, { onDiagnosis });
    const ok = await fetch(`${ROLODEX}/contacts/acme.org`, {
      headers: { Authorization: `Bearer ${token}` },
      dispatcher,
    });
    expect(ok.status).toBe(200);
    // A 401 from a host that is not a Rhythm API (the Auth0 stand-in's token endpoint).
    const issuer = await fetch(`${api.issuer}oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: 'nobody',
        client_secret: 'x',
        audience: 'https://api.rhythmsoftware.com',
      }),
      dispatcher,
    });
    expect(issuer.status).toBe(401);
    // A 403 without capture403.
    const forbidden = await fetch(`${ROLODEX}/contacts/acme.org?__forbidden=1`, {
      headers: { Authorization: `Bearer ${token}` },
      dispatcher,
    });
    expect(forbidden.status).toBe(403);
    expect(seen).toEqual([]);
  });

  it('diagnoses 403s with capture403, and a staging host given in extraApiHosts', async () => {
    const token = await api.mint({ kind: 'm2m' });
    const { seen, onDiagnosis } = collect();
    const fetch = withDiagnosis(undiciFetch, {
      onDiagnosis,
      capture403: true,
      extraApiHosts: ['rolodex.staging.rhythmsoftware.com'],
    });
    const headers = { Authorization: `Bearer ${token}` };
    await fetch(`${ROLODEX}/contacts/acme.org?__forbidden=1`, { headers, dispatcher });
    await fetch('https://rolodex.staging.rhythmsoftware.com/contacts/acme.org', {
      headers,
      dispatcher,
    });
    expect(seen.map((d) => [d.request.status, d.service?.host, d.rootCause?.id])).toEqual([
      [403, 'rolodex.api.rhythmsoftware.com', 'server.challenge'],
      [401, 'rolodex.staging.rhythmsoftware.com', 'server.challenge'],
    ]);
  });

  it('checks the expected issuer and client when given', async () => {
    const token = await api.mint({ kind: 'm2m', tenant: 'globex.com' });
    const { seen, onDiagnosis } = collect();
    const fetch = withDiagnosis(undiciFetch, { onDiagnosis, expectedIssuer: api.issuer });
    await fetch(`${ROLODEX}/contacts/acme.org`, {
      headers: { Authorization: `Bearer ${token}` },
      dispatcher,
    });
    const issuer = seen[0]?.checks.find((c) => c.id === 'token.issuer');
    expect(issuer?.status).toBe('fail');
  });

  it('by default writes one line to stderr: the request, the root cause and the fix, no token', async () => {
    const token = await api.mint({ kind: 'm2m', expired: true });
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const fetch = withDiagnosis(undiciFetch);
      await fetch(`${ROLODEX}/contacts/acme.org`, {
        headers: { Authorization: `Bearer ${token}` },
        dispatcher,
      });
      expect(write).toHaveBeenCalledTimes(1);
      const line = String(write.mock.calls[0]?.[0]);
      expect(line).toMatch(
        /^rhythm-auth: 401 GET https:\/\/rolodex\.api\.rhythmsoftware\.com\/contacts\/acme\.org — token\.expiry: Token expired .* Fix: .+\n$/,
      );
      expect(line.split('\n')).toHaveLength(2);
      expect(line).not.toContain(token.split('.')[1]);
    } finally {
      write.mockRestore();
    }
  });

  it('never lets a failing callback change the response: a warning instead', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const fetch = withDiagnosis(undiciFetch, {
        onDiagnosis: () => {
          throw new Error('logger is down');
        },
      });
      const response = await fetch(`${ROLODEX}/contacts/acme.org`, { dispatcher });
      expect(response.status).toBe(401);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(
        /withDiagnosis could not diagnose a 401: logger is down/,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('writes a diagnosis as one terminal-safe line', () => {
    const line = diagnosisLine({
      schema: 'rhythm-auth/diagnosis@1',
      request: { method: 'GET', url: `${ROLODEX}/x\u001b[2J`, status: 401, sentAt: 0 },
      verdict: 'fail',
      rootCause: { id: 'header.present', summary: 'No Authorization\nheader', fix: 'Send one' },
      checks: [],
      token: { form: 'none', header: null, claims: null, subject: 'unknown', fingerprint: null },
      service: null,
      server: { challenge: null, date: null },
    });
    expect(line).not.toContain('\u001b');
    expect(line).not.toContain('\n');
  });
});
