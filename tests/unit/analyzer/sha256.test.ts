import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, sha256Words } from '../../../src/analyzer/sha256.js';
import { signToken } from '../../helpers/tokens.js';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** The whole digest in hex, from the words `fingerprint` is cut from. */
const sha256Hex = (text: string) =>
  sha256Words(text)
    .map((w) => (w >>> 0).toString(16).padStart(8, '0'))
    .join('');

/** Every length up to three blocks: covers the 55/56 (padding spills) and 63/64/65 boundaries. */
const asciiLengths = Array.from({ length: 200 }, (_, n) => n);

describe('sha256Words', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it.each(asciiLengths)('matches node:crypto on %i ASCII bytes', (n) => {
    const text = Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 7) % 94))).join(
      '',
    );
    expect(sha256Hex(text)).toBe(reference(text));
  });

  it.each([
    ['2-byte characters across the 55/56 boundary', 'é'.repeat(28)],
    ['3-byte characters across the 64-byte block', '☃'.repeat(22)],
    ['4-byte emoji (surrogate pairs)', '🔑'.repeat(16)],
    ['mixed scripts', 'Ωmega ключ 鍵 🗝️ café'],
    ['a lone surrogate (encoded as U+FFFD)', 'a\ud800b'],
    ['NUL and control characters', '\u0000\u0001\n\r\t'],
  ])('matches node:crypto on %s', (_name, text) => {
    expect(sha256Hex(text)).toBe(reference(text));
  });

  it('matches node:crypto on long inputs (1 MB)', () => {
    const text = 'x'.repeat(1_000_000);
    expect(sha256Hex(text)).toBe(reference(text));
  });

  it('keeps no state between calls', () => {
    const first = sha256Hex('a'.repeat(130));
    sha256Hex('something else entirely');
    expect(sha256Hex('a'.repeat(130))).toBe(first);
  });
});

describe('fingerprint', () => {
  it('is the first 12 hex characters of the SHA-256 of the token', async () => {
    const token = await signToken();
    expect(fingerprint(token)).toBe(reference(token).slice(0, 12));
    expect(fingerprint(token)).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('fingerprint with a given digest (SPEC §9: Node passes node:crypto)', () => {
  it('uses the given digest, and gives the same fingerprint as its own SHA-256 with node:crypto', async () => {
    const token = await signToken();
    expect(fingerprint(token, reference)).toBe(fingerprint(token));
    const seen: string[] = [];
    const digest = (text: string) => {
      seen.push(text);
      return '0123456789abcdef0123';
    };
    expect(fingerprint(token, digest)).toBe('0123456789ab');
    expect(seen).toEqual([token]);
  });
});
