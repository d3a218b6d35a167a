import { describe, expect, it } from 'vitest';
import { routeOf, successKey } from '../../../src/analyzer/route.js';

describe('routeOf', () => {
  it('templates the tenant and the ids of a Rhythm path, keeping its words', () => {
    const base = 'https://rolodex.api.rhythmsoftware.com';
    expect(routeOf(`${base}/contacts/acme.org/current`)).toBe('/contacts/{tenant}/current');
    expect(routeOf(`${base}/contacts/other/current?x=1`)).toBe('/contacts/{tenant}/current');
    expect(routeOf(`${base}/contacts/acme.org/0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f`)).toBe(
      '/contacts/{tenant}/{id}',
    );
    expect(routeOf(`${base}/events/acme.org/12345/registrations`)).toBe(
      '/events/{tenant}/{id}/registrations',
    );
    expect(routeOf(`${base}/contacts/acme.org/deadbeefdeadbeefcafe`)).toBe(
      '/contacts/{tenant}/{id}',
    );
    expect(routeOf(`${base}/contacts`)).toBe('/contacts');
    expect(routeOf(`${base}/`)).toBe('/');
  });

  it('has no route for what is not a URL', () => {
    expect(routeOf('')).toBeNull();
    expect(routeOf('not a url')).toBeNull();
  });

  it('keys a success by host, route and subject', () => {
    expect(successKey('h', '/a/{tenant}', 'user')).not.toBe(successKey('h', '/a/{tenant}', 'm2m'));
    expect(successKey('h', '/a/{tenant}', 'user')).toBe('h /a/{tenant} user');
  });
});
