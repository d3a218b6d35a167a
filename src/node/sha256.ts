/** node:crypto's SHA-256, the digest the analyzer takes as an input in Node (SPEC §9). */
import * as crypto from 'node:crypto';

/** `crypto.hash` (Node 20.12+, 21.7+): one call, no Hash object; `createHash` on older Nodes. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string })
  .hash;

export const nodeSha256Hex: (text: string) => string = oneShot
  ? (text) => oneShot('sha256', text, 'hex')
  : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
