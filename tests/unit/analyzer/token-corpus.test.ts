/**
 * The real token corpus (tests/fixtures/tokens/tokens.json: RFC examples, JOSE/JWT libraries'
 * vectors, Microsoft, Auth0, Okta and Google docs and test suites), each token diagnosed the way
 * its README says, against the classification written there. Plus the two Auth0 shapes no public
 * source shows whole (README "Gaps"), minted at test time by the reference API's own code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/analyze.js';
import type { AnalyzerSettings, CheckStatus, Diagnosis } from '../../../src/analyzer/types.js';
import { createMinter } from '../../../tools/reference-api/mint.js';
import { createIssuerKeys } from '../../../tools/reference-api/tokens.js';
import { ACME, WORLD } from '../../../tools/reference-api/world.js';
import { check } from './helpers.js';

interface Expected {
  form: 'jws' | 'jwe' | 'opaque';
  format: { status: CheckStatus; finding: string };
  kind: { status: CheckStatus; value: 'access' | 'id' | 'unknown'; marks: string[] };
  audiences: string[];
  audienceNearMiss: { value: string; kind: string } | null;
  rootCause: string;
}
interface CorpusToken {
  id: string;
  provider: string;
  token: string;
  at: string;
  expected: Expected;
}

const CORPUS = JSON.parse(
  readFileSync(new URL('../../fixtures/tokens/tokens.json', import.meta.url), 'utf8'),
) as CorpusToken[];
const URL_CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

/** What `token.format`'s title and detail must say for each finding of the README. */
const FINDINGS: Readonly<Record<string, { says: RegExp; never?: RegExp }>> = {
  jws: { says: /^A signed JWT \(RS256\)/ },
  'alg-not-rs256': { says: /not RS256/ },
  'rsa-key-short': { says: /key under 2048 bits[\s\S]*1024-bit key/ },
  'base64-padding': { says: /`=` padding/ },
  'signature-truncated': { says: /truncated/ },
  'signature-length': { says: /damaged[\s\S]*exactly as long as the key's modulus/ },
  'payload-not-json': { says: /payload is not JSON/ },
  'alg-none': { says: /alg: none/ },
  'jwe-foreign': { says: /encrypted \(JWE/, never: /no audience was requested|nested/ },
  'nested-jwt': { says: /nested JWT[\s\S]*cty: JWT/, never: /not a JWT/ },
  opaque: { says: /opaque, not a JWT/, never: /header is not JSON|no audience was requested/ },
  'auth0-no-audience': { says: /no audience was requested/ },
};

/** The words `token.audience` uses for each near-miss kind of the README. */
const NEAR_MISSES: Readonly<Record<string, RegExp>> = {
  'trailing-slash': /trailing slash/,
  'http-scheme': /http:\/\//,
  'no-scheme': /no https:\/\//,
  'module-host': /module host/,
  'other-api': /is another API/,
  'client-id': /is a client id/,
  'auth0-userinfo': /Auth0's \/userinfo/,
  'auth0-management': /Management API/,
  other: /is not an API URL/,
};

const NOT_A_KIND = /\ban access token\b|\buser('s)? token\b|\buser access token\b/i;

function diagnose(token: string, at: string, settings: AnalyzerSettings = {}): Diagnosis {
  return analyze(
    {
      url: URL_CURRENT,
      method: 'GET',
      status: 401,
      sentAt: Date.parse(at),
      requestHeaders: [{ name: 'Authorization', value: `Bearer ${token}` }],
      responseHeaders: [],
    },
    settings,
  );
}

function expectClassification(d: Diagnosis, expected: Expected): void {
  expect(d.token.form, 'form').toBe(expected.form);

  const format = check(d, 'token.format');
  const finding = FINDINGS[expected.format.finding];
  expect(finding, `finding key ${expected.format.finding}`).toBeDefined();
  expect(format.status, 'token.format status').toBe(expected.format.status);
  expect(`${format.title}\n${format.detail}`, 'token.format names the finding').toMatch(
    finding!.says,
  );
  if (finding!.never) expect(`${format.title}\n${format.detail}`).not.toMatch(finding!.never);

  const kind = check(d, 'token.kind');
  expect(kind.status, 'token.kind status').toBe(expected.kind.status);
  for (const mark of expected.kind.marks) {
    const claim = mark.startsWith('aud=azp') ? '`aud` = `azp`' : `\`${mark}\``;
    expect(kind.detail, `token.kind quotes ${mark}`).toContain(claim);
  }
  if (expected.kind.value === 'unknown') {
    expect(`${kind.title}\n${kind.detail}\n${kind.fix ?? ''}`).not.toMatch(NOT_A_KIND);
    expect(d.token.subject === 'unknown' ? check(d, 'claims.contact_id').title : '').not.toMatch(
      /user token/i,
    );
  }

  const audience = check(d, 'token.audience');
  expect(audience.status, 'token.audience status').toBe(d.token.claims ? 'fail' : 'skip');
  const audienceText = `${audience.title}\n${audience.detail}`;
  for (const aud of expected.audiences) expect(audienceText, 'names every audience').toContain(aud);
  const near = expected.audienceNearMiss;
  if (near) {
    expect(audience.title, 'the title names the near miss').toContain(`"${near.value}"`);
    expect(audience.title, `near miss ${near.kind}`).toMatch(NEAR_MISSES[near.kind]!);
  }

  expect(d.rootCause?.id, 'root cause').toBe(expected.rootCause);
}

describe('the real token corpus (tests/fixtures/tokens/tokens.json)', () => {
  it('holds at least 30 tokens from every provider of issue 14', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CORPUS.map((t) => t.provider))).toEqual(
      new Set(['ietf', 'library', 'microsoft', 'auth0', 'okta', 'google']),
    );
  });

  it.each(CORPUS.map((t) => [t.id, t] as const))(
    'classifies %s as its README says',
    (_id, entry) => {
      expectClassification(diagnose(entry.token, entry.at), entry.expected);
    },
  );
});

describe('Auth0 shapes no public source shows whole, minted by the reference API', async () => {
  const minter = createMinter(WORLD, await createIssuerKeys());
  const now = Date.UTC(2026, 0, 15, 12, 0, 0);
  const at = new Date(now + 60_000).toISOString();
  const mint = (options: Parameters<typeof minter>[0]) => minter(options, now);

  it('names the API audience that was requested, not /userinfo, in an [api, /userinfo] array', async () => {
    const token = await mint({ audience: 'https://api.mycompany.com/messages' });
    const d = diagnose(token, at);
    expectClassification(d, {
      form: 'jws',
      format: { status: 'pass', finding: 'jws' },
      kind: { status: 'pass', value: 'access', marks: ['scope'] },
      audiences: ['https://api.mycompany.com/messages', `${ACME.issuer}userinfo`],
      audienceNearMiss: { value: 'https://api.mycompany.com/messages', kind: 'other-api' },
      rootCause: 'token.audience',
    });
    const audience = check(d, 'token.audience');
    expect(audience.detail).not.toMatch(/audience was not requested|no API audience/);
    expect(audience.detail).toMatch(/an API audience was requested, just not Rhythm's/);
  });

  it('says no API audience was requested when /userinfo is the only audience', async () => {
    const token = await mint({ audience: `${ACME.issuer}userinfo`, scope: 'profile' });
    const audience = check(diagnose(token, at), 'token.audience');
    expect(audience.title).toMatch(/Auth0's \/userinfo/);
    expect(audience.detail).toMatch(/no API audience was requested/);
  });

  it("names Auth0's no-audience JWE (alg dir, the tenant as iss) with its cause", async () => {
    const d = diagnose(await mint({ kind: 'no-audience' }), at);
    expectClassification(d, {
      form: 'jwe',
      format: { status: 'fail', finding: 'auth0-no-audience' },
      kind: { status: 'skip', value: 'unknown', marks: [] },
      audiences: [],
      audienceNearMiss: null,
      rootCause: 'token.format',
    });
    expect(d.rootCause?.fix).toContain('audience=https://api.rhythmsoftware.com');
  });

  it('takes a custom-domain issuer for Auth0 once it is the configured issuer', async () => {
    const header = Buffer.from(
      JSON.stringify({ alg: 'dir', enc: 'A256GCM', iss: 'https://login.acme.org/' }),
    ).toString('base64url');
    const [, ...rest] = (await mint({ kind: 'no-audience' })).split('.');
    const token = [header, ...rest].join('.');
    const unconfigured = check(diagnose(token, at), 'token.format');
    expect(unconfigured.title).toMatch(/encrypted \(JWE dir, A256GCM\)/);
    expect(unconfigured.detail).toMatch(/If "https:\/\/login\.acme\.org\/" is your Auth0/);
    const configured = diagnose(token, at, { expectedIssuer: 'https://login.acme.org/' });
    expect(check(configured, 'token.format').title).toMatch(/no audience was requested/);
  });
});
