/**
 * What every rule of the sanitizer shares while it walks one item of a HAR: the vault of
 * credentials (vault.ts), the token the analyzer reads from the entry (masked, not redacted, so
 * it diagnoses the same), the counts of what was replaced, and how deep in documents inside
 * documents it is (a body in a base64 string in a JSON string…).
 */
import type { Vault } from './vault.js';

/** How many values of each kind the sanitizer replaced. */
export interface SanitizeChanges {
  /** JWT signatures masked (header and payload kept). */
  signatures: number;
  /** Other tokens masked: JWE segments, opaque tokens the analyzer reads. */
  tokens: number;
  /** Cookie values redacted (`Cookie`, `Set-Cookie`, `cookies[]`; names and attributes kept). */
  cookies: number;
  /** Credential header values redacted (Basic, API keys…). */
  headers: number;
  /** Credential parameters of URLs (query, fragment, `user:password@`) redacted. */
  queryParams: number;
  /** Credential fields of bodies (forms, JSON, multipart, text) redacted. */
  bodyFields: number;
  /** Copies of credentials found elsewhere in the file. */
  elsewhere: number;
}

export const CHANGE_KINDS = [
  'signatures',
  'tokens',
  'cookies',
  'headers',
  'queryParams',
  'bodyFields',
  'elsewhere',
] as const satisfies ReadonlyArray<keyof SanitizeChanges>;

export function emptyChanges(): SanitizeChanges {
  return {
    signatures: 0,
    tokens: 0,
    cookies: 0,
    headers: 0,
    queryParams: 0,
    bodyFields: 0,
    elsewhere: 0,
  };
}

export function addChanges(total: SanitizeChanges, more: SanitizeChanges): void {
  for (const kind of CHANGE_KINDS) total[kind] += more[kind];
}

export function hasChanges(changes: SanitizeChanges): boolean {
  return CHANGE_KINDS.some((kind) => changes[kind] > 0);
}

/** Documents nest in documents (JSON in a JSON string, base64 of a form…): this deep, no further. */
export const MAX_DOCUMENT_DEPTH = 6;

export interface Scope {
  vault: Vault;
  /** The second pass: copies of the vault's values are replaced too. */
  copies: boolean;
  /** The token the analyzer reads from this entry (SPEC §3), or null. */
  token: string | null;
  changes: SanitizeChanges;
  /** Documents entered so far (the HAR item itself is 0). */
  depth: number;
  /** Tokens masked so far, and their masks: a HAR repeats one token thousands of times. */
  masks: Map<string, string>;
}

/** `run` one document deeper (a body, a base64 string, a JWT payload). */
export function deeper<T>(scope: Scope, run: (scope: Scope) => T): T {
  scope.depth++;
  try {
    return run(scope);
  } finally {
    scope.depth--;
  }
}
