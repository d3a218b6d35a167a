/**
 * Hostile depth (issue 11): values nested 5,000 deep, where V8's JSON.stringify (and every
 * recursive walker) overflows its stack. Built as text: nothing recursive can build them.
 */
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** JSON text of an array nested `depth` deep around `inner`. */
export function nestedJson(depth: number, inner = '"x"'): string {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

/**
 * A JWT (deliberately malformed: its signature is random bytes) whose payload carries the Rhythm
 * claims and a claim nested `depth` deep.
 */
export function deepToken(depth: number, iat: number): string {
  const claims = `{"iss":"https://acme-org.us.auth0.com/","sub":"auth0|deep","aud":"https://api.rhythmsoftware.com","iat":${iat},"exp":${iat + 86_400},"http://rhythmsoftware.com/tenant_id":"acme.org","http://rhythmsoftware.com/customer_id":"c1","http://rhythmsoftware.com/contact_id":"C1","deep":${nestedJson(depth)}}`;
  const signature = Buffer.from(
    Array.from({ length: 256 }, (_, i) => (i * 37 + 11) & 255),
  ).toString('base64url');
  return `${b64('{"alg":"RS256","typ":"JWT"}')}.${b64(claims)}.${signature}`;
}
