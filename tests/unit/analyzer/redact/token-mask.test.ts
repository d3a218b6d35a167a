/**
 * The token mask of a sanitized HAR (SPEC §6): the secret parts of a token replaced without
 * changing its diagnosis. Over the real token corpus (tests/fixtures/tokens, RFC, IdP and library
 * tokens of every form) and tokens signed now: the masked token diagnoses exactly as the original,
 * fingerprint included, and keeps nothing of the original's secret parts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/analyzer/analyze.js';
import {
  hasSecretParts,
  isMaskedToken,
  maskToken,
  maskedFingerprint,
  tokenFingerprint,
} from '../../../../src/analyzer/redact/token-mask.js';
import { fingerprint } from '../../../../src/analyzer/sha256.js';
import { noAudienceToken, signToken } from '../../../helpers/tokens.js';
import { CURRENT, capture, secretParts } from '../report/fixtures.js';

interface CorpusToken {
  id: string;
  token: string;
  at: string;
}
const corpus = JSON.parse(
  readFileSync(new URL('../../../fixtures/tokens/tokens.json', import.meta.url), 'utf8'),
) as CorpusToken[];

const diagnose = (token: string, at: number) =>
  analyze(
    capture({
      url: CURRENT,
      headers: [{ name: 'Authorization', value: `Bearer ${token}` }],
      sentAt: at,
    }),
  );

describe('maskToken on the real token corpus', () => {
  it.each(corpus.map((t) => [t.id, t] as const))(
    '%s: same diagnosis, no secret part left',
    (_id, t) => {
      const masked = maskToken(t.token);
      const at = Date.parse(t.at);
      const original = diagnose(t.token, at);
      // Secret parts with fewer than 16 letters and digits (google-id-token's 3-character
      // signature) have no room for the fingerprint: everything else is the same.
      const roomy = maskedFingerprint(masked) !== null || !hasSecretParts(t.token);
      const expected = roomy
        ? original
        : { ...original, token: { ...original.token, fingerprint: fingerprint(masked) } };
      expect(diagnose(masked, at)).toEqual(expected);
      expect(masked).toHaveLength(t.token.length);
      for (const part of secretParts(t.token))
        if (part.length >= 8) expect(masked).not.toContain(part);
      // An unsecured JWT (`alg: none`, empty signature) has nothing secret: it stays as it is.
      expect(isMaskedToken(masked)).toBe(hasSecretParts(t.token));
      expect(maskToken(masked)).toBe(masked);
    },
  );
});

describe('maskToken', () => {
  let user: string;
  let jwe: string;
  beforeAll(async () => {
    user = await signToken();
    jwe = noAudienceToken();
  });

  it("keeps a JWS's header and payload, and writes the fingerprint in the signature", () => {
    const [h, p, s] = user.split('.') as [string, string, string];
    const masked = maskToken(user);
    const [mh, mp, ms] = masked.split('.') as [string, string, string];
    expect([mh, mp]).toEqual([h, p]);
    expect(ms).toHaveLength(s.length);
    const alnums = ms.replace(/[^A-Za-z0-9]/g, '');
    expect(alnums.startsWith(fingerprint(user))).toBe(true);
    expect(alnums.slice(12)).toMatch(/^(?:redacted)+[a-z]*$/);
    expect(maskedFingerprint(masked)).toBe(fingerprint(user));
    expect(tokenFingerprint(masked)).toBe(fingerprint(user));
    expect(tokenFingerprint(user)).toBe(fingerprint(user));
  });

  it('keeps only the header of a JWE, and the count and length of its segments', () => {
    const masked = maskToken(jwe);
    expect(masked.split('.').map((p) => p.length)).toEqual(jwe.split('.').map((p) => p.length));
    expect(masked.split('.')[0]).toBe(jwe.split('.')[0]);
    expect(tokenFingerprint(masked)).toBe(fingerprint(jwe));
  });

  const opaque: Array<[string, string]> = [
    ['an opaque token', 'k8Jq2ZxV9wLmN3pR7tYb'],
    ['a Google ya29 token', 'ya29.a0AfH6SMBx-kq_9Zz.PQ=='],
    ['base64 padding and slashes', 'YWRhOnMzY3IzdA+/abcdefghij=='],
  ];
  it.each(opaque)(
    'masks %s whole, keeping every character that is not a letter or digit',
    (_n, token) => {
      const masked = maskToken(token);
      expect(masked.replace(/[A-Za-z0-9]/g, '*')).toBe(token.replace(/[A-Za-z0-9]/g, '*'));
      expect(tokenFingerprint(masked)).toBe(fingerprint(token));
    },
  );

  it('masks a short token with the fill only (no room for the fingerprint)', () => {
    const masked = maskToken('abc123');
    expect(masked).toBe('redact');
    expect(isMaskedToken(masked)).toBe(true);
    expect(maskedFingerprint(masked)).toBeNull();
  });

  it('leaves header.payload (no signature) as it is, and takes no token for a mask', () => {
    const [h, p] = user.split('.');
    expect(maskToken(`${h}.${p}`)).toBe(`${h}.${p}`);
    expect(isMaskedToken(user)).toBe(false);
    expect(isMaskedToken('k8Jq2ZxV9wLmN3pR7tYb')).toBe(false);
  });
});
