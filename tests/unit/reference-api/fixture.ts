/**
 * Shared setup for the reference API's unit tests: a key pair made per test file, a fixed clock,
 * and requests built from URLs so tables read like the calls they stand for.
 */
import { createAuthorizerContext } from '../../../tools/reference-api/authorization.js';
import type { ReferenceRequest } from '../../../tools/reference-api/http.js';
import { createMinter } from '../../../tools/reference-api/mint.js';
import type { MintOptions } from '../../../tools/reference-api/mint.js';
import { createHandler } from '../../../tools/reference-api/router.js';
import { createIssuerKeys } from '../../../tools/reference-api/tokens.js';
import { WORLD } from '../../../tools/reference-api/world.js';

/** 2026-01-15T12:00:00Z, epoch ms: every request and token of these tests lives at this time. */
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
export const NOW_S = NOW / 1000;

export const CONTACT_CURRENT = 'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current';

export async function createFixture() {
  const keys = await createIssuerKeys();
  const minter = createMinter(WORLD, keys);
  return {
    keys,
    mint: (options: MintOptions = {}) => minter(options, NOW),
    handler: createHandler(WORLD, keys, minter),
    rules: createAuthorizerContext(WORLD, keys.jwks),
  };
}
export type Fixture = Awaited<ReturnType<typeof createFixture>>;

export function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; now?: number } = {},
): ReferenceRequest {
  const parsed = new URL(url);
  return {
    method: init.method ?? 'GET',
    host: parsed.hostname,
    path: parsed.pathname,
    query: Object.fromEntries(parsed.searchParams),
    headers: Object.fromEntries(
      Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    ),
    ...(init.body === undefined ? {} : { body: init.body }),
    now: init.now ?? NOW,
  };
}

/** Splits a JWT into its decoded header and payload (no verification). */
export function decodeParts(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header = '', payload = ''] = token.split('.');
  const json = (part: string) =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: json(header), payload: json(payload) };
}
