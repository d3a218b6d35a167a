import { describe, expect, it } from 'vitest';
import { CLAIM_CONTACT_ID } from '../../../../src/analyzer/rhythm.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { TEST_CONTACT, TEST_TENANT, signToken } from '../../../helpers/tokens.js';
import { expectFixWhenActionable, runCheck } from '../helpers.js';

const API = 'api.rhythmsoftware.com';
const USER = `Bearer ${await signToken({ kind: 'user' })}`;
const USER_NUMERIC = `Bearer ${await signToken({ claims: { [CLAIM_CONTACT_ID]: 123 } })}`;
const USER_NO_CONTACT = `Bearer ${await signToken({ omit: [CLAIM_CONTACT_ID] })}`;
const USER_EMPTY_CONTACT = `Bearer ${await signToken({ claims: { [CLAIM_CONTACT_ID]: '' } })}`;
const M2M = `Bearer ${await signToken({ kind: 'm2m' })}`;
/** No `sub`: nothing says whose token it is (RFC 7515's examples, `{}` claims). */
const NO_SUBJECT = `Bearer ${await signToken({ omit: ['sub', CLAIM_CONTACT_ID] })}`;
/** Client credentials as RFC 9068 and Okta write them: `sub` is the client itself. */
const OKTA_M2M = `Bearer ${await signToken({ omit: [CLAIM_CONTACT_ID], claims: { sub: '0oa1client', cid: '0oa1client' } })}`;
const RFC9068_M2M = `Bearer ${await signToken({ omit: [CLAIM_CONTACT_ID], claims: { sub: 'c-42', client_id: 'c-42' } })}`;
const MS_APP_ONLY = `Bearer ${await signToken({ omit: [CLAIM_CONTACT_ID], claims: { sub: 'oid-1', idtyp: 'app' } })}`;

const FIRST_LOGIN = /logged into the Rhythm UI/;

type Case = { name: string; auth: string; url: string; status: CheckStatus };

const cases: Case[] = [
  // present
  {
    name: 'a user token carries contact_id',
    auth: USER,
    url: `https://rolodex.${API}/contacts/${TEST_TENANT}`,
    status: 'pass',
  },
  {
    name: 'a user token carries a numeric contact_id',
    auth: USER_NUMERIC,
    url: `https://membership.${API}/memberships/${TEST_TENANT}`,
    status: 'pass',
  },
  {
    name: "a user token calls its own contact's route",
    auth: USER,
    url: `https://rolodex.${API}/contacts/${TEST_TENANT}/${TEST_CONTACT}`,
    status: 'pass',
  },
  {
    name: 'a user token calls /contacts/{tenant}/current',
    auth: USER,
    url: `https://rolodex.${API}/contacts/${TEST_TENANT}/current`,
    status: 'pass',
  },
  // M2M without contact_id
  {
    name: 'an M2M token calls a contact by id',
    auth: M2M,
    url: `https://rolodex.${API}/contacts/${TEST_TENANT}/${TEST_CONTACT}`,
    status: 'info',
  },
  {
    name: 'an M2M token calls Membership',
    auth: M2M,
    url: `https://membership.${API}/memberships/${TEST_TENANT}`,
    status: 'info',
  },
  {
    name: 'an M2M token calls Events',
    auth: M2M,
    url: `https://events.${API}/events/${TEST_TENANT}`,
    status: 'info',
  },
  {
    name: 'an M2M token calls /contacts/current',
    auth: M2M,
    url: `https://rolodex.${API}/contacts/current`,
    status: 'fail',
  },
  {
    name: 'an M2M token calls /contacts/{tenant}/current',
    auth: M2M,
    url: `https://rolodex.${API}/contacts/${TEST_TENANT}/current`,
    status: 'fail',
  },
  // user without contact_id
  {
    name: 'a user token without contact_id calls Rolodex',
    auth: USER_NO_CONTACT,
    url: `https://rolodex.${API}/organizations/${TEST_TENANT}`,
    status: 'fail',
  },
  {
    name: 'a user token without contact_id calls /contacts/current',
    auth: USER_NO_CONTACT,
    url: `https://rolodex.${API}/contacts/current`,
    status: 'fail',
  },
  {
    name: 'a user token without contact_id calls Membership',
    auth: USER_NO_CONTACT,
    url: `https://membership.${API}/chapters/${TEST_TENANT}`,
    status: 'fail',
  },
  {
    name: 'a user token without contact_id asks the bare host for a Rolodex resource',
    auth: USER_NO_CONTACT,
    url: `https://${API}/contacts/${TEST_TENANT}`,
    status: 'fail',
  },
  {
    name: 'a user token without contact_id asks the bare host for a Membership resource',
    auth: USER_NO_CONTACT,
    url: `https://${API}/memberships/${TEST_TENANT}`,
    status: 'fail',
  },
  {
    name: 'a user token with an empty contact_id calls Rolodex',
    auth: USER_EMPTY_CONTACT,
    url: `https://rolodex.${API}/contacts/${TEST_TENANT}`,
    status: 'fail',
  },
  {
    name: 'a user token without contact_id calls Events',
    auth: USER_NO_CONTACT,
    url: `https://events.${API}/events/${TEST_TENANT}`,
    status: 'warn',
  },
  {
    name: 'a user token without contact_id calls Platform',
    auth: USER_NO_CONTACT,
    url: `https://platform.${API}/customFields/${TEST_TENANT}`,
    status: 'warn',
  },
  {
    name: 'a user token with an empty contact_id calls Events',
    auth: USER_EMPTY_CONTACT,
    url: `https://events.${API}/events/${TEST_TENANT}`,
    status: 'warn',
  },
  // present, but the path names another contact
  {
    name: "a user token's path names another contact",
    auth: USER,
    url: `https://rolodex.${API}/contacts/${TEST_TENANT}/C-999999`,
    status: 'warn',
  },
  {
    name: "a user token's path names another contact in a sub-resource",
    auth: USER,
    url: `https://rolodex.${API}/contacts/${TEST_TENANT}/C-999999/addresses`,
    status: 'warn',
  },
  // no subject: neither a user's nor a machine's, as far as the token says
  {
    name: 'a token without sub calls /contacts/{tenant}/current',
    auth: NO_SUBJECT,
    url: `https://rolodex.${API}/contacts/${TEST_TENANT}/current`,
    status: 'fail',
  },
  {
    name: 'a token without sub calls Events',
    auth: NO_SUBJECT,
    url: `https://events.${API}/events/${TEST_TENANT}`,
    status: 'warn',
  },
  // machine-to-machine by other providers' marks
  {
    name: 'an Okta client-credentials token (sub = cid) calls Events',
    auth: OKTA_M2M,
    url: `https://events.${API}/events/${TEST_TENANT}`,
    status: 'info',
  },
  {
    name: 'an RFC 9068 client-credentials token (sub = client_id) calls Events',
    auth: RFC9068_M2M,
    url: `https://events.${API}/events/${TEST_TENANT}`,
    status: 'info',
  },
  {
    name: 'a Microsoft app-only token (idtyp app) calls Events',
    auth: MS_APP_ONLY,
    url: `https://events.${API}/events/${TEST_TENANT}`,
    status: 'info',
  },
  {
    name: 'no token was sent',
    auth: '',
    url: `https://rolodex.${API}/contacts/current`,
    status: 'skip',
  },
];

describe('claims.contact_id', () => {
  it.each(cases)('$status when $name', ({ auth, url, status }) => {
    const result = runCheck('claims.contact_id', auth === '' ? { url } : { auth, url });
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it.each([
    ['Rolodex (fail)', `https://rolodex.${API}/contacts/${TEST_TENANT}`],
    ['Events (warn)', `https://events.${API}/events/${TEST_TENANT}`],
  ])('gives the first-login explanation on %s', (_, url) => {
    const result = runCheck('claims.contact_id', { auth: USER_NO_CONTACT, url });
    expect(result.detail).toMatch(FIRST_LOGIN);
    expect(result.fix).toMatch(/log into the Rhythm UI/);
  });

  it('names both contact ids when the path differs from the token', () => {
    const result = runCheck('claims.contact_id', {
      auth: USER,
      url: `https://rolodex.${API}/contacts/${TEST_TENANT}/C-999999`,
    });
    const text = `${result.title} ${result.detail}`;
    expect(text).toContain('C-999999');
    expect(text).toContain(TEST_CONTACT);
    expect(result.fix).toContain(`/contacts/${TEST_TENANT}/${TEST_CONTACT}`);
  });

  it('does not explain first login to an M2M token: there is no user behind it', () => {
    const result = runCheck('claims.contact_id', {
      auth: M2M,
      url: `https://rolodex.${API}/contacts/current`,
    });
    expect(result.detail).not.toMatch(FIRST_LOGIN);
    expect(result.detail).toMatch(/client-credentials/);
  });

  it('never calls a token without sub a "user token"', () => {
    for (const url of [
      `https://rolodex.${API}/contacts/${TEST_TENANT}/current`,
      `https://events.${API}/events/${TEST_TENANT}`,
    ]) {
      const result = runCheck('claims.contact_id', { auth: NO_SUBJECT, url });
      expect(`${result.title} ${result.detail}`).not.toMatch(/user token/i);
      expect(result.detail).toMatch(/no subject \(`sub`\)/);
    }
  });
});
