import { describe, expect, it } from 'vitest';
import { hostAndPath, shortHost } from '../../../../src/shared/ui/format.js';

describe('shortHost: a row keeps what tells the hosts apart', () => {
  it.each<[string, string]>([
    ['rolodex.api.rhythmsoftware.com', 'rolodex.api'],
    ['membership.api.rhythmsoftware.com', 'membership.api'],
    ['Rolodex.API.RhythmSoftware.com', 'rolodex.api'],
    ['api.rhythmsoftware.com', 'api.rhythmsoftware.com'], // the bare host: shown whole
    ['held.api.rhythmsoftware.com', 'held.api'], // any API host under the domain
    ['rolodex.staging.example.com', 'rolodex.staging.example.com'], // an extra host: as it is
    ['www.rhythmsoftware.com', 'www.rhythmsoftware.com'],
    ['', ''],
  ])('%j → %j', (host, shown) => {
    expect(shortHost(host)).toBe(shown);
  });

  it('leaves the three look-alike rows of issue 16 distinct', () => {
    const urls = [
      'https://rolodex.api.rhythmsoftware.com/contacts/acme.org/current',
      'https://membership.api.rhythmsoftware.com/contacts/acme.org/current',
      'https://api.rhythmsoftware.com/contacts/acme.org/current',
    ];
    const shown = urls.map((u) => {
      const { host, path } = hostAndPath(u);
      return `${shortHost(host)} ${path}`;
    });
    expect(new Set(shown).size).toBe(3);
  });
});
