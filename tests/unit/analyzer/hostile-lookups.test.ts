import { describe, expect, it } from 'vitest';
import { signToken } from '../../helpers/tokens.js';
import { runCheck } from './helpers.js';

/**
 * Path segments and challenge codes are page data: names of Object.prototype members must be
 * treated as the unknown words they are, not find `constructor` or `toString` in a lookup table.
 */
describe('lookups of page data', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'url.service treats a resource named %s as unknown',
    async (resource) => {
      const result = await runCheck('url.service', {
        url: `https://rolodex.api.rhythmsoftware.com/${resource}/acme.org`,
        auth: `Bearer ${await signToken()}`,
      });
      expect(result.status).toBe('pass');
      expect(`${result.detail} ${result.fix ?? ''}`).not.toMatch(/native code|function/);
    },
  );

  it('url.service on the bare host with a resource named constructor names no host', async () => {
    const result = await runCheck('url.service', {
      url: 'https://api.rhythmsoftware.com/constructor/acme.org',
      auth: `Bearer ${await signToken()}`,
    });
    expect(result.status).toBe('fail');
    expect(`${result.detail} ${result.fix}`).not.toMatch(/native code|function/);
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'server.challenge explains error="%s" as outside RFC 6750',
    async (code) => {
      const result = await runCheck('server.challenge', {
        auth: `Bearer ${await signToken()}`,
        responseHeaders: [{ name: 'WWW-Authenticate', value: `Bearer error="${code}"` }],
      });
      expect(result.status).toBe('fail');
      expect(result.detail).toContain('outside RFC 6750');
      expect(result.detail).not.toMatch(/native code/);
    },
  );
});
