/** Masking of personal claims (SPEC §6: `email`, `name`, `nickname`, `picture`). */
import { PERSONAL_CLAIMS } from '../rhythm.js';
import { mapStrings } from './map-strings.js';
import { MASKED } from './patterns.js';

export { MASKED };
/** Shorter values are not searched for elsewhere (masking `Al` everywhere would maul the text). */
export const MIN_MASK_LENGTH = 3;

/** The string values of the personal claims: to be masked wherever else they show up. */
export function personalValues(claims: Record<string, unknown> | null): string[] {
  if (!claims) return [];
  return PERSONAL_CLAIMS.map((name) => claims[name])
    .filter((v): v is string => typeof v === 'string' && v.length >= MIN_MASK_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/** `text` with every mask value replaced by `[masked]`. */
export function maskText(text: string, masks: readonly string[]): string {
  return masks.reduce((t, m) => (m.length >= MIN_MASK_LENGTH ? t.split(m).join(MASKED) : t), text);
}

/** The claims with the personal ones masked, and their values masked inside every other string. */
export function maskClaims(
  claims: Record<string, unknown>,
  masks: readonly string[],
): Record<string, unknown> {
  const masked = mapStrings(claims, (t) => maskText(t, masks)) as Record<string, unknown>;
  for (const name of PERSONAL_CLAIMS) {
    if (Object.hasOwn(claims, name)) masked[name] = MASKED;
  }
  return masked;
}
