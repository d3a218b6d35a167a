/**
 * `rhythm-auth check` end to end: the built CLI against the reference API's Auth0 stand-in and
 * Rolodex over real HTTPS on loopback, pointed there by --connect-to and trusting its
 * certificate by --ca-file. Passing and failing the ways a backend's configuration fails.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, GLOBEX } from '../../../../tools/reference-api/world.js';
import { buildCli, expectUsageError } from '../run-cli.js';
import {
  ISSUER_HOST,
  ROLODEX_HOST,
  runCli,
  startCheckFixture,
  type CheckFixture,
} from './run-check.js';

let fx: CheckFixture;
beforeAll(async () => {
  buildCli();
  fx = await startCheckFixture();
}, 60_000);
afterAll(async () => {
  await fx?.close();
});

const UNGRANTED = ACME.ungrantedM2m ?? { clientId: '', clientSecret: '' };
const client = (id: string) => [
  '--domain',
  ISSUER_HOST,
  '--client-id',
  id,
  '--client-secret-env',
  'SECRET',
];
const env = (secret: string) => ({ SECRET: secret });
const GOOD = client(ACME.m2m.clientId);
const GOOD_ENV = env(ACME.m2m.clientSecret);
const SECRETS = [ACME.m2m.clientSecret, UNGRANTED.clientSecret, GLOBEX.m2m.clientSecret];
/** Anything shaped like a JWT's header and payload. */
const JWT_SHAPED = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}/;

function expectSafe(output: string): void {
  for (const secret of SECRETS) expect(output).not.toContain(secret);
  expect(output).not.toMatch(JWT_SHAPED);
}

function expectWithin80(output: string): void {
  for (const line of output.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
}

function step(stdout: string, n: number): string {
  const start = stdout.search(new RegExp(`^. ${n}\\. `, 'm'));
  const rest = stdout.slice(start);
  const end = rest.slice(1).search(/^(. \d\. |\S)/m);
  return (end < 0 ? rest : rest.slice(0, end + 1)).replace(/\n +/g, ' ');
}

describe('rhythm-auth check against the reference API', () => {
  it('passes every step for a good client: a token, its diagnosis, one Rolodex read', async () => {
    const tokenCalls = fx.api.hits(ISSUER_HOST, '/oauth/token');
    const reads = fx.api.hits(ROLODEX_HOST, '/contacts/acme.org');
    const result = await fx.run(GOOD, { env: GOOD_ENV });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(step(result.stdout, 1)).toMatch(
      /^✓ 1\. Token +Auth0 issued an access token token_type Bearer, expires in 24 h/,
    );
    expect(step(result.stdout, 2)).toMatch(
      /^✓ 2\. Diagnosis +M2M token of tenant "acme\.org", customer "cust_8f2a"/,
    );
    expect(step(result.stdout, 3)).toMatch(
      /^✓ 3\. Rolodex +GET https:\/\/rolodex\.api\.rhythmsoftware\.com\/contacts\/acme\.org → 200: the token works/,
    );
    expect(result.stdout).toMatch(
      /^✓ All 3 steps passed: this client can call the Rhythm APIs for tenant acme\.org\.$/m,
    );
    // Pointing it at loopback is said, never silent.
    expect(result.stdout).toContain(
      `connect   ${ISSUER_HOST} → 127.0.0.1:${fx.api.port} (--connect-to)`,
    );
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(
      `trust the certificates in ${fx.caFile} (--ca-file)`,
    );
    expect(fx.api.hits(ISSUER_HOST, '/oauth/token')).toBe(tokenCalls + 1);
    expect(fx.api.hits(ROLODEX_HOST, '/contacts/acme.org')).toBe(reads + 1);
    expectSafe(result.stdout);
    expectWithin80(result.stdout);
  });

  it('reads the secret from stdin when no --client-secret-env is given', async () => {
    const args = ['--domain', ISSUER_HOST, '--client-id', ACME.m2m.clientId];
    const result = await fx.run(args, { input: `${ACME.m2m.clientSecret}\n` });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each([
    [
      'a wrong audience (a trailing slash)',
      [...GOOD, '--audience', 'https://api.rhythmsoftware.com/'],
      GOOD_ENV,
      /No API in this Auth0 tenant has the audience https:\/\/api\.rhythmsoftware\.com\/ Auth0 answered 403 access_denied: "Service not enabled within domain: https:\/\/api\.rhythmsoftware\.com\/"\. Fix: Request the token with the audience https:\/\/api\.rhythmsoftware\.com exactly/,
    ],
    [
      'an unknown client (another tenant’s)',
      client(GLOBEX.m2m.clientId),
      env(GLOBEX.m2m.clientSecret),
      /Auth0 does not accept client m2mGlobex\S+ with this secret Auth0 answered 401 access_denied: "Unauthorized"\. .* Fix: Copy the Client ID and the Secret again from Rhythm Console → Security & Settings → API Keys/,
    ],
    [
      'a wrong secret',
      GOOD,
      env('not-the-secret-of-this-client'),
      /Auth0 does not accept client m2mAcme\S+ with this secret/,
    ],
    [
      'a client with no grant for the Rhythm API',
      client(UNGRANTED.clientId),
      env(UNGRANTED.clientSecret),
      /Client m2mAcmeNoGrant\S+ is not authorized for the API https:\/\/api\.rhythmsoftware\.com .* Fix: Authorize the client for the API: Auth0 Dashboard → Applications → APIs/,
    ],
    [
      'the single-page app’s client',
      client(ACME.spa.clientId),
      env('whatever-the-spa-has-no-secret'),
      /Client spaAcme\S+ may not use the client-credentials grant Auth0 answered 403 unauthorized_client/,
    ],
  ])('fails at the token for %s, with the fix', async (_, args, secrets, expected) => {
    const reads = fx.api.hits(ROLODEX_HOST);
    const result = await fx.run(args, { env: secrets });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(step(result.stdout, 1)).toMatch(new RegExp(`^✗ 1\\. Token +${expected.source}`));
    expect(step(result.stdout, 2)).toMatch(/^○ 2\. Diagnosis +Skipped: no token/);
    expect(step(result.stdout, 3)).toMatch(/^○ 3\. Rolodex +Skipped: no token/);
    expect(result.stdout).toMatch(/^✗ Failed at step 1 \(Token\)\.$/m);
    expect(fx.api.hits(ROLODEX_HOST)).toBe(reads);
    expectSafe(result.stdout);
    expectWithin80(result.stdout);
  });

  it.each([
    [
      'a token for another API (the Management API audience)',
      ['--audience', `${ACME.issuer}api/v2/`],
      'acme.org',
      'token.audience',
      /token\.audience: Wrong audience: "https:\/\/acme-org\.us\.auth0\.com\/api\/v2\/" is Auth0's Management API/,
    ],
    [
      'another tenant in the path (--tenant)',
      ['--tenant', 'globex.com'],
      'globex.com',
      'url.tenant',
      /url\.tenant: Path tenant "globex\.com" is not the token's tenant "acme\.org"/,
    ],
  ])('diagnoses %s, and the Rolodex 401 confirms it', async (_, extra, tenant, id, expected) => {
    const result = await fx.run([...GOOD, ...extra], { env: GOOD_ENV });
    expect(result.status).toBe(1);
    expect(step(result.stdout, 1)).toMatch(/^✓ 1\. Token/);
    expect(step(result.stdout, 2)).toMatch(
      new RegExp(
        `^✗ 2\\. Diagnosis +Rhythm would refuse this token: 1 check failed ✗ ${expected.source}.* Fix: `,
      ),
    );
    expect(step(result.stdout, 3)).toMatch(
      new RegExp(
        `^✗ 3\\. Rolodex +GET https://rolodex\\.api\\.rhythmsoftware\\.com/contacts/${tenant.replace('.', '\\.')} → 401: ${id.replace('.', '\\.')}, as step 2 found The server said: WWW-Authenticate: Bearer realm="rhythm", error="invalid_token"`,
      ),
    );
    expectSafe(result.stdout);
    expectWithin80(result.stdout);
  });

  it('prints the result as JSON with --json: every step, the 401 diagnosed, no secret, no token', async () => {
    const result = await fx.run([...GOOD, '--json', '--tenant', 'globex.com'], { env: GOOD_ENV });
    expect(result.status).toBe(1);
    expectSafe(result.stdout);
    const report = JSON.parse(result.stdout) as {
      schema: string;
      verdict: string;
      steps: Array<{
        id: string;
        status: string;
        response?: { status: number };
        diagnosis?: { rootCause: { id: string }; token: { fingerprint: string } };
      }>;
    };
    expect(report).toMatchObject({
      schema: 'rhythm-auth/check@1',
      verdict: 'fail',
      tenant: 'globex.com',
      clientId: ACME.m2m.clientId,
    });
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([
      ['token', 'pass'],
      ['diagnosis', 'fail'],
      ['rolodex', 'fail'],
    ]);
    expect(report.steps[2]).toMatchObject({
      response: { status: 401 },
      diagnosis: { rootCause: { id: 'url.tenant' } },
    });
    expect(report.steps[2]?.diagnosis?.token.fingerprint).toMatch(/^[0-9a-f]{12}$/);
  });

  it('says in one line when the server cannot be reached', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const args = [...GOOD, '--connect-to', `${ISSUER_HOST}=127.0.0.1:${closed}`];
    const result = await runCli(['check', ...args], { env: GOOD_ENV });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^✗ 1\. Token +No token: acme-org\.us\.auth0\.com refused the connection$/m,
    );
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });

  it('refuses a certificate it was not told to trust, and names --ca-file', async () => {
    const args = [...GOOD, '--connect-to', `${ISSUER_HOST}=127.0.0.1:${fx.api.port}`];
    const result = await runCli(['check', ...args], { env: GOOD_ENV });
    expect(result.status).toBe(1);
    expect(step(result.stdout, 1)).toMatch(
      /^✗ 1\. Token +No token: the certificate of acme-org\.us\.auth0\.com is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\) Fix: .*--ca-file <pem>/,
    );
  });

  it.each([
    [
      '--client-secret given',
      [...GOOD, '--client-secret', ACME.m2m.clientSecret],
      {},
      /--client-secret is not accepted/,
    ],
    [
      'no secret on stdin',
      ['--domain', ISSUER_HOST, '--client-id', ACME.m2m.clientId],
      {},
      /no client secret: pipe it on stdin/,
    ],
    [
      'the secret variable unset',
      GOOD,
      {},
      /the environment variable SECRET \(--client-secret-env\) is not set/,
    ],
    [
      'a secret given as the variable name',
      [...client(ACME.m2m.clientId).slice(0, 4), '--client-secret-env', ACME.m2m.clientSecret],
      {},
      /its name is not shown/,
    ],
  ])('exits 2 with one line for %s, never echoing the secret', async (_, args, secrets, reason) => {
    const result = await fx.run(args, { env: secrets });
    expectUsageError(result, reason);
    expectSafe(result.stderr);
  });

  it('exits 2 when --ca-file holds no certificate', async () => {
    const result = await runCli(['check', ...GOOD, '--ca-file', 'package.json'], { env: GOOD_ENV });
    expectUsageError(result, /--ca-file package\.json holds no PEM certificate/);
  });
});
