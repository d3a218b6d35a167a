import { describe, expect, it } from 'vitest';
import { explainTokenRefusal } from '../../../../src/cli/check/auth0-errors.js';

const FACTS = {
  issuer: 'https://acme-org.us.auth0.com/',
  clientId: 'm2mClient',
  audience: 'https://api.rhythmsoftware.com',
};
const body = (error: string, description?: string) =>
  JSON.stringify({
    error,
    ...(description === undefined ? {} : { error_description: description }),
  });

describe('explainTokenRefusal: what Auth0 means and what to change', () => {
  it.each([
    [
      'Auth0 401 "Unauthorized" (unknown client or wrong secret)',
      401,
      body('access_denied', 'Unauthorized'),
      FACTS.audience,
      /does not accept client m2mClient with this secret/,
      /Rhythm Console → Security & Settings → API Keys/,
    ],
    [
      "the RFC's invalid_client",
      401,
      body('invalid_client', 'Client authentication failed'),
      FACTS.audience,
      /does not accept client m2mClient/,
      /Client ID and the Secret again/,
    ],
    [
      'no client grant for the API',
      403,
      body(
        'access_denied',
        'Client is not authorized to access "https://api.rhythmsoftware.com". You need to create a "client-grant" associated to this API.',
      ),
      FACTS.audience,
      /not authorized for the API https:\/\/api\.rhythmsoftware\.com/,
      /Machine to Machine Applications → switch this client on/,
    ],
    [
      'an audience no API has (a trailing slash)',
      403,
      body('access_denied', 'Service not found: https://api.rhythmsoftware.com/'),
      'https://api.rhythmsoftware.com/',
      /No API in this Auth0 tenant has the audience https:\/\/api\.rhythmsoftware\.com\//,
      /audience https:\/\/api\.rhythmsoftware\.com exactly \(https, no trailing slash/,
    ],
    [
      "older tenants' wording for it",
      403,
      body('access_denied', 'Service not enabled within domain: https://rhythm'),
      'https://rhythm',
      /No API in this Auth0 tenant has the audience https:\/\/rhythm/,
      /Applications → APIs lists each API's Identifier/,
    ],
    [
      'the Rhythm audience itself unknown (another tenant)',
      403,
      body('access_denied', 'Service not found: https://api.rhythmsoftware.com'),
      FACTS.audience,
      /No API in this Auth0 tenant/,
      /check that --domain is the Auth0 domain/,
    ],
    [
      'a client without the grant type',
      403,
      body('unauthorized_client', "Grant type 'client_credentials' not allowed for the client."),
      FACTS.audience,
      /may not use the client-credentials grant/,
      /Grant Types, Client Credentials must be on/,
    ],
    [
      'rate limiting',
      429,
      body('too_many_requests', 'Global limit has been reached'),
      FACTS.audience,
      /rate-limiting/,
      /keep a token for its 24 h lifetime/,
    ],
    [
      'a page that is not Auth0',
      404,
      '<!doctype html><p>Not found</p>',
      FACTS.audience,
      /not Auth0's/,
      /https:\/\/acme-org\.us\.auth0\.com\/oauth\/token/,
    ],
    [
      'an error this table does not know',
      400,
      body('invalid_request', 'Invalid request body'),
      FACTS.audience,
      /Auth0 refused the token: invalid_request/,
      /Monitoring → Logs/,
    ],
  ])('explains %s', (_, status, text, audience, title, fix) => {
    const refusal = explainTokenRefusal({ ...FACTS, audience, status, body: text });
    expect(refusal.title).toMatch(title);
    expect(refusal.fix).toMatch(fix);
    expect(refusal.detail).toMatch(new RegExp(`${status}`));
  });

  it('keeps the code and description Auth0 gave, for --json', () => {
    const refusal = explainTokenRefusal({
      ...FACTS,
      status: 401,
      body: body('access_denied', 'Unauthorized'),
    });
    expect(refusal).toMatchObject({ error: 'access_denied', description: 'Unauthorized' });
  });
});
