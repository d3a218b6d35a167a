/**
 * The demo page's scenarios as data: how each one gets its token, where it sends it and what the
 * page's `fetch` should see. The page interprets this list (app-page.ts); unit tests replay it
 * against the handlers, so a label can't drift from what the scenario does.
 */
import { RHYTHM_AUDIENCE } from '../../src/analyzer/rhythm.js';
import type { MintOptions } from './mint.js';

export type TokenRecipe =
  | { from: 'none' }
  | { from: 'client-credentials' }
  | { from: 'mint'; options: MintOptions }
  /** Auth0's password grant for a demo user; `audience: false` leaves the parameter out. */
  | { from: 'password'; user: string; audience: boolean; use?: 'access_token' | 'id_token' };

export interface DemoScenario {
  id: string;
  label: string;
  /** The status the page's `fetch` resolves with; 0 when it rejects (a failed preflight). */
  expectedStatus: number;
  token: TokenRecipe;
  url: string;
  /** How the token travels; default `Authorization: Bearer <token>`. */
  send?: { header: string; prefix: string };
}

const rolodex = 'https://rolodex.api.rhythmsoftware.com';
const current = `${rolodex}/contacts/acme.org/current`;
const ada: TokenRecipe = { from: 'password', user: 'ada@acme.org', audience: true };
const mint = (options: MintOptions): TokenRecipe => ({ from: 'mint', options });

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  { id: 'valid', label: 'Valid request (200)', expectedStatus: 200, token: ada, url: current },
  {
    id: 'm2m-valid',
    label: 'M2M token listing organizations (200)',
    expectedStatus: 200,
    token: { from: 'client-credentials' },
    url: `${rolodex}/organizations/acme.org`,
  },
  {
    id: 'no-authorization',
    label: 'No `Authorization` header',
    expectedStatus: 401,
    token: { from: 'none' },
    url: current,
  },
  {
    id: 'misspelled-header',
    label: 'Header misspelled `Authorisation`',
    expectedStatus: 401,
    token: ada,
    url: current,
    send: { header: 'Authorisation', prefix: 'Bearer ' },
  },
  {
    id: 'no-bearer-prefix',
    label: 'Token sent without `Bearer `',
    expectedStatus: 401,
    token: ada,
    url: current,
    send: { header: 'Authorization', prefix: '' },
  },
  {
    id: 'bearer-bearer',
    label: '`Bearer Bearer …`',
    expectedStatus: 401,
    token: ada,
    url: current,
    send: { header: 'Authorization', prefix: 'Bearer Bearer ' },
  },
  {
    id: 'no-audience',
    label: 'Token requested without audience',
    expectedStatus: 401,
    token: { from: 'password', user: 'ada@acme.org', audience: false },
    url: current,
  },
  {
    id: 'id-token',
    label: 'ID token as bearer',
    expectedStatus: 401,
    token: { from: 'password', user: 'ada@acme.org', audience: true, use: 'id_token' },
    url: current,
  },
  {
    id: 'wrong-audience',
    label: 'Audience with a trailing slash',
    expectedStatus: 401,
    token: mint({ audience: `${RHYTHM_AUDIENCE}/` }),
    url: current,
  },
  {
    id: 'expired',
    label: 'Expired token',
    expectedStatus: 401,
    token: mint({ expired: true }),
    url: current,
  },
  {
    id: 'foreign-signature',
    label: 'Token signed by another key',
    expectedStatus: 401,
    token: mint({ signer: 'foreign-same-kid' }),
    url: current,
  },
  {
    id: 'alg-none',
    label: 'Unsigned token (`alg: none`)',
    expectedStatus: 401,
    token: mint({ signer: 'none' }),
    url: current,
  },
  {
    id: 'missing-tenant-claim',
    label: 'Token without the `tenant_id` claim',
    expectedStatus: 401,
    token: mint({ omit: ['tenant_id'] }),
    url: `${rolodex}/organizations/acme.org`,
  },
  {
    id: 'never-logged-in',
    label: 'User who never logged in (no `contact_id`)',
    expectedStatus: 401,
    token: { from: 'password', user: 'new.user@acme.org', audience: true },
    url: current,
  },
  {
    id: 'm2m-contacts-current',
    label: 'M2M token on /contacts/current',
    expectedStatus: 401,
    token: { from: 'client-credentials' },
    url: `${rolodex}/contacts/current`,
  },
  {
    id: 'wrong-module-host',
    label: 'Wrong module host (contacts on membership)',
    expectedStatus: 401,
    token: ada,
    url: 'https://membership.api.rhythmsoftware.com/contacts/acme.org/current',
  },
  {
    id: 'bare-api-host',
    label: 'Bare api.rhythmsoftware.com',
    expectedStatus: 401,
    token: ada,
    url: 'https://api.rhythmsoftware.com/contacts/acme.org/current',
  },
  {
    id: 'wrong-tenant',
    label: 'Wrong tenant in path',
    expectedStatus: 401,
    token: ada,
    url: `${rolodex}/contacts/globex.com/current`,
  },
  {
    id: 'undefined-in-url',
    label: '`undefined` in the URL',
    expectedStatus: 401,
    token: ada,
    url: `${rolodex}/contacts/undefined/current`,
  },
  {
    id: 'preflight-401',
    label: 'Preflight 401',
    expectedStatus: 0,
    token: ada,
    url: `${current}?__preflight=401`,
  },
];
