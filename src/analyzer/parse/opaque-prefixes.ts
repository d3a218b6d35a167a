/**
 * Prefixes that name an opaque token's issuer: evidence in the token itself, and public (every
 * token of that kind starts with them). `token.format` names the issuer from them; a sanitized
 * HAR keeps them, so the masked token diagnoses as the original did.
 */
export const OPAQUE_PREFIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^ya29\./, "Google's OAuth access tokens start with `ya29.`"],
  [/^1\/\//, 'Google refresh tokens start with `1//`'],
  [/^gh[opsur]_/, 'GitHub tokens start with `gh…_`'],
  [/^xox[abpors]-/, 'Slack tokens start with `xox…-`'],
];

/** The issuer prefix an opaque token starts with, and what it says; null when none. */
export function opaquePrefix(token: string): { prefix: string; text: string } | null {
  for (const [pattern, text] of OPAQUE_PREFIXES) {
    const match = pattern.exec(token);
    if (match) return { prefix: match[0], text };
  }
  return null;
}
