/** Base64 written (decoding, lenient, is decode-token.ts's `decodeBase64Lenient`). */

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `bytes` in base64: base64url when `url` (JWT segments), `=` padding when `pad`. */
export function encodeBase64(bytes: Uint8Array, options: { url: boolean; pad: boolean }): string {
  const alphabet = options.url ? URL_SAFE : STANDARD;
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.ceil((Math.min(3, bytes.length - i) * 8) / 6);
    let group = '';
    for (let c = 0; c < 4; c++) {
      if (c < chars) group += alphabet[(n >> (18 - 6 * c)) & 63];
      else if (options.pad) group += '=';
    }
    out.push(group);
  }
  return out.join('');
}
