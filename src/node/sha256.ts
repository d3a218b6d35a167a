/** node:crypto's SHA-256, the digest the analyzer takes as an input in Node (SPEC §9). */
import { createHash } from 'node:crypto';

export function nodeSha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
