/**
 * 1,000 varied requests for the analyzer benchmark: real RS256 tokens (user, M2M, ID tokens, with
 * small and large claim sets), sent right and wrong, to several hosts. Signed once per run.
 */
import { SignJWT, generateKeyPair } from 'jose';
import type { CapturedRequest } from '../src/analyzer/types.js';

const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);
const HOSTS = ['rolodex', 'membership', 'events', 'platform', 'system'];
const ISS = 'https://acme-org.us.auth0.com/';

function claimsFor(i: number): Record<string, unknown> {
  const iat = Math.floor(T0 / 1000) + (i % 97) * 60;
  const base: Record<string, unknown> = {
    iss: ISS,
    iat,
    exp: iat + 86_400,
    'http://rhythmsoftware.com/tenant_id': i % 11 === 0 ? 'globex.com' : 'acme.org',
    'http://rhythmsoftware.com/customer_id': `cust_${i % 13}`,
  };
  if (i % 3 === 0) {
    return {
      ...base,
      sub: `client${i}@clients`,
      aud: 'https://api.rhythmsoftware.com',
      azp: `client${i}`,
      gty: 'client-credentials',
      scope: 'read:contacts write:contacts',
    };
  }
  const user = {
    ...base,
    sub: `auth0|user${i}`,
    aud: ['https://api.rhythmsoftware.com', `${ISS}userinfo`],
    azp: 'spaClient',
    scope: 'openid profile email',
    ...(i % 5 === 0 ? {} : { 'http://rhythmsoftware.com/contact_id': `C-${100000 + i}` }),
  };
  // Every 7th token carries a large set of permissions, as some tenants' tokens do.
  return i % 7 === 0
    ? { ...user, permissions: Array.from({ length: 40 }, (_, k) => `read:resource-${k}`) }
    : user;
}

export async function benchRequests(
  count = 1000,
): Promise<{ requests: CapturedRequest[]; tokens: string[] }> {
  const { privateKey } = await generateKeyPair('RS256');
  const tokens: string[] = [];
  const requests: CapturedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const token = await new SignJWT(claimsFor(i))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1' })
      .sign(privateKey);
    tokens.push(token);
    const host = HOSTS[i % HOSTS.length]!;
    const value =
      i % 10 === 1 ? token : i % 10 === 2 ? `Bearer Bearer ${token}` : `Bearer ${token}`;
    requests.push({
      url: `https://${host}.api.rhythmsoftware.com/${i % 4 === 0 ? 'contacts' : 'memberships'}/acme.org/${i % 6 === 0 ? 'current' : `C-${i}`}`,
      method: i % 9 === 0 ? 'POST' : 'GET',
      status: 401,
      sentAt: T0 + (i % 50) * 3_600_000,
      requestHeaders: [
        { name: 'Accept', value: 'application/json' },
        { name: i % 17 === 0 ? 'Authorisation' : 'Authorization', value },
      ],
      responseHeaders: [
        {
          name: 'WWW-Authenticate',
          value:
            'Bearer realm="rhythm", error="invalid_token", error_description="The token expired"',
        },
        { name: 'Date', value: new Date(T0 + (i % 50) * 3_600_000 + 300).toUTCString() },
      ],
    });
  }
  return { requests, tokens };
}
