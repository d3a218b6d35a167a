import { describe, expect, it } from 'vitest';
import { urlParts } from '../../../../src/panel/view/url-parts.js';

describe('URL split', () => {
  it('splits a Rhythm URL into host, module, resource, tenant and id', () => {
    expect(
      urlParts('https://rolodex.api.rhythmsoftware.com/contacts/incose.org/C-1/notes?page=2'),
    ).toEqual({
      scheme: 'https',
      host: 'rolodex.api.rhythmsoftware.com',
      module: 'rolodex',
      resource: 'contacts',
      tenant: 'incose.org',
      id: 'C-1/notes',
      query: 'page=2',
    });
  });

  it('keeps the redaction the analyzer applied to the query', () => {
    expect(
      urlParts('https://system.api.rhythmsoftware.com/queries/acme.org?access_token=[redacted]'),
    ).toMatchObject({
      module: 'system',
      query: 'access_token=[redacted]',
    });
  });

  it('says when the host is no module host, or the path has no tenant', () => {
    expect(urlParts('https://api.rhythmsoftware.com/contacts')).toMatchObject({
      module: null,
      tenant: null,
      id: null,
    });
  });

  it('reports an unreadable or missing URL', () => {
    expect(urlParts('')).toEqual({ error: 'no URL (pasted without one)' });
    expect(urlParts('not a url')).toHaveProperty('error');
  });
});
