// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { successKey } from '../../../src/analyzer/route.js';
import { CHECK_IDS } from '../../../src/analyzer/types.js';
import { signToken, T0 } from '../../helpers/tokens.js';
import { CURRENT_URL, entry, fakeServices, SENT_AT } from './fixtures.js';
import { renderPanel } from './render.js';

afterEach(cleanup);

const H = 3_600_000;
/** Issued at T0, valid 24 h; sent 26 h 14 min later: expired 2 h 14 min before the request. */
const LATE = T0 + 26 * H + 14 * 60_000;

async function expired() {
  const token = await signToken();
  return entry({
    id: 'webRequest:9',
    auth: `Bearer ${token}`,
    sentAt: LATE,
    responseHeaders: [
      {
        name: 'WWW-Authenticate',
        value:
          'Bearer realm="rhythm", error="invalid_token", error_description="The token expired"',
      },
      { name: 'Date', value: new Date(LATE).toUTCString() },
    ],
  });
}

const detail = () => screen.getByRole('main', { name: 'Diagnosis of the selected 401' });

describe('the verdict banner', () => {
  it('shows the root cause, its fix, and names the other checks that failed', async () => {
    renderPanel([await expired()]);
    const banner = screen.getByRole('region', { name: 'Verdict' });
    expect(banner.textContent).toContain('token.expiry');
    expect(banner.textContent).toMatch(/Token expired 2 h 14 min before this request/);
    expect(banner.textContent).toMatch(/Fix: /);
    // server.challenge fails as well (the server said invalid_token).
    expect(screen.getByTestId('other-failures').textContent).toBe('Also failed: server challenge');
  });

  it('says so when no check failed', async () => {
    renderPanel([entry({ id: 'ok', auth: `Bearer ${await signToken()}` })]);
    expect(screen.getByRole('region', { name: 'Verdict' }).getAttribute('data-verdict')).not.toBe(
      'fail',
    );
  });
});

describe('the grouped checklist', () => {
  it('shows each of the 19 checks exactly once, grouped as the guide is, with status, detail and fix', async () => {
    renderPanel([await expired()]);
    const rows = [...detail().querySelectorAll('[data-check-id]')];
    expect(rows.map((r) => r.getAttribute('data-check-id')).sort()).toEqual([...CHECK_IDS].sort());
    // Failed, warned and context checks are listed; passed and not applicable ones fold away.
    const folded = detail().querySelector<HTMLDetailsElement>(
      'details[data-testid="folded-checks"]',
    )!;
    expect(folded.open).toBe(false);
    const listed = [...detail().querySelectorAll('[data-check-id]')].filter(
      (r) => !folded.contains(r),
    );
    expect(listed.map((r) => r.getAttribute('data-status')).sort()).toEqual(
      rows
        .map((r) => r.getAttribute('data-status'))
        .filter((s) => s === 'fail' || s === 'warn' || s === 'info')
        .sort(),
    );
    const passed = rows.filter((r) => r.getAttribute('data-status') === 'pass').length;
    const skipped = rows.filter((r) => r.getAttribute('data-status') === 'skip').length;
    expect(folded.querySelector('summary')!.textContent).toBe(
      `✓ ${passed} passed · ○ ${skipped} not applicable or not run`,
    );
    // Ids on hover, not in the text.
    const expiryTitle = detail().querySelector('[data-check-id="token.expiry"] .check__title')!;
    expect(expiryTitle.getAttribute('title')).toBe('token.expiry');
    expect(detail().querySelector('.checklist')!.textContent).not.toContain('token.expiry');
    // Every check in its guide group, listed or folded.
    const byGroup = new Map<string, string[]>();
    for (const g of detail().querySelectorAll('[data-group]'))
      byGroup.set(g.getAttribute('data-group')!, [
        ...(byGroup.get(g.getAttribute('data-group')!) ?? []),
        ...[...g.querySelectorAll('[data-check-id]')].map((r) => r.getAttribute('data-check-id')!),
      ]);
    const sorted = (ids: string[]) => [...ids].sort();
    expect(Object.fromEntries([...byGroup].map(([k, v]) => [k, sorted(v)]))).toEqual({
      header: sorted(['request.preflight', 'header.name', 'header.present', 'header.scheme']),
      audience: sorted(['token.kind', 'token.audience']),
      claims: sorted(['token.format', 'claims.tenant_id', 'claims.customer_id']),
      'first-login': ['claims.contact_id'],
      contact: ['contact.verified'],
      'base-url': sorted(['url.service', 'url.ids', 'url.tenant']),
      more: sorted([
        'token.expiry',
        'token.issuer',
        'server.challenge',
        'clock.skew',
        'token.signature',
      ]),
    });
    const expiry = detail().querySelector('[data-check-id="token.expiry"]')!;
    expect(expiry.getAttribute('data-status')).toBe('fail');
    expect(expiry.querySelector('.check__detail')!.textContent).not.toBe('');
    expect(expiry.querySelector('.check__fix')!.textContent).toMatch(/^Fix: /);
    expect(screen.getByRole('list', { name: '1. Authorization header' })).toBeTruthy();
  });
});

describe('the token', () => {
  it('shows claims in a table, Rhythm claims highlighted and explained', async () => {
    renderPanel([await expired()]);
    const table = screen.getByRole('table', { name: 'Token claims' });
    const tenant = table.querySelector('[data-claim="http://rhythmsoftware.com/tenant_id"]')!;
    expect(tenant.getAttribute('data-rhythm')).toBe('true');
    expect(tenant.textContent).toContain('Rhythm');
    expect(tenant.textContent).toContain('tenant_id');
    expect(tenant.textContent).toMatch(/must match the tenant in the URL path/);
    const rhythmRows = [...table.querySelectorAll('[data-rhythm="true"]')].map((r) =>
      r.getAttribute('data-claim'),
    );
    expect(rhythmRows.sort()).toEqual([
      'http://rhythmsoftware.com/contact_id',
      'http://rhythmsoftware.com/customer_id',
      'http://rhythmsoftware.com/tenant_id',
    ]);
    expect(table.querySelector('[data-claim="sub"]')!.getAttribute('data-rhythm')).toBeNull();
    expect(screen.getByRole('table', { name: 'Token header' }).textContent).toContain('RS256');
  });

  it('gives times in UTC, local, and relative to the request', async () => {
    renderPanel([await expired()]);
    const exp = screen.getByTestId('time-exp').textContent!;
    expect(exp).toContain('2026-11-02T12:00:00Z');
    expect(exp).toContain('local');
    expect(exp).toContain('expired 2 h 14 min before this request');
    expect(screen.getByTestId('time-iat').textContent).toContain(
      'issued 26 h 14 min before this request',
    );
  });

  it('draws the lifetime with markers at the request and now, and says it in words', async () => {
    renderPanel([await expired()]);
    const picture = screen.getByRole('img', { name: /^Token lifetime 24 h\./ });
    expect(picture.getAttribute('aria-label')).toContain(
      'The request was sent 2 h 14 min after it expired.',
    );
    const markers = [...picture.querySelectorAll('[data-marker]')].map((m) =>
      m.getAttribute('data-marker'),
    );
    expect(markers).toEqual(['request', 'now']);
    const bar = picture.querySelector<HTMLElement>('.lifetime__bar')!;
    expect(bar.style.left).toBe('0%');
    expect(parseFloat(bar.style.width)).toBeLessThan(100);
  });

  it('says when there is no token', () => {
    renderPanel([entry({ id: 'none' })]);
    expect(detail().textContent).toContain('No token was sent with this request.');
  });
});

describe('the request', () => {
  it('splits the URL into host, module, resource, tenant and id', async () => {
    renderPanel([await expired()]);
    const dl = screen.getByTestId('request-fields');
    const fields = Object.fromEntries(
      [...dl.querySelectorAll('dt')].map((dt) => [
        dt.textContent,
        dt.nextElementSibling?.textContent,
      ]),
    );
    expect(fields).toMatchObject({
      Method: 'GET',
      Status: '401',
      Host: 'rolodex.api.rhythmsoftware.com',
      Module: 'rolodex',
      Resource: 'contacts',
      Tenant: 'acme.org',
      Id: 'current',
    });
  });

  it('shows what the diagnosis kept of the credentials and the parsed WWW-Authenticate', async () => {
    const e = await expired();
    renderPanel([e]);
    const creds = within(detail()).getByText('Fingerprint').nextElementSibling!;
    expect(creds.textContent).toBe(e.diagnosis.token.fingerprint);
    const challenge = screen.getByRole('table', { name: 'WWW-Authenticate, parsed' });
    expect(challenge.textContent).toContain('invalid_token');
    expect(challenge.textContent).toContain('the access token is expired');
    expect(challenge.textContent).toContain('The token expired');
  });

  it('shows the 401 body when DevTools saw it', () => {
    renderPanel([
      entry({ id: 'devtools:k', source: 'devtools', responseBody: '{"message":"Unauthorized"}' }),
    ]);
    expect(screen.getByTestId('response-body').textContent).toContain('{"message":"Unauthorized"}');
  });
});

describe('the diff with the last success', () => {
  it('lists the claims that changed since the last 2xx to the same host, route and subject', async () => {
    const services = fakeServices();
    const failing = await expired();
    const route = '/contacts/{tenant}/current';
    expect(failing.diagnosis.token.subject).toBe('user');
    services.successes[successKey('rolodex.api.rhythmsoftware.com', route, 'user')] = {
      host: 'rolodex.api.rhythmsoftware.com',
      route,
      subject: 'user',
      at: SENT_AT,
      url: `${CURRENT_URL}?access_token=secret-value`,
      header: failing.diagnosis.token.header,
      claims: {
        ...failing.diagnosis.token.claims,
        aud: 'https://api.rhythmsoftware.com',
        exp: 9_999_999_999,
      },
      fingerprint: 'another',
    };
    renderPanel([failing], services);
    const table = await screen.findByRole('table', {
      name: 'Claims that changed since the last success',
    });
    const changed = [...table.querySelectorAll('[data-change]')].map((r) => [
      r.getAttribute('data-claim'),
      r.getAttribute('data-change'),
    ]);
    expect(changed).toEqual([
      ['aud', 'changed'],
      ['exp', 'changed'],
    ]);
    expect(screen.getByTestId('diff').textContent).not.toContain('secret-value');
  });

  it('says when there was none', async () => {
    renderPanel([await expired()]);
    await waitFor(() =>
      expect(screen.getByTestId('diff-none').textContent).toContain('No comparable success'),
    );
  });

  it('never compares a user 401 with an M2M success, or with another route', async () => {
    const services = fakeServices();
    const failing = await expired();
    const host = 'rolodex.api.rhythmsoftware.com';
    const success = (route: string, subject: 'user' | 'm2m') => ({
      host,
      route,
      subject,
      at: SENT_AT,
      url: `https://${host}/x`,
      header: null,
      claims: { gty: 'client-credentials' },
      fingerprint: 'another',
    });
    // An M2M call on the same route, and a user call on another route: neither is comparable.
    services.successes[successKey(host, '/contacts/{tenant}/current', 'm2m')] = success(
      '/contacts/{tenant}/current',
      'm2m',
    );
    services.successes[successKey(host, '/contacts/{tenant}/{id}', 'user')] = success(
      '/contacts/{tenant}/{id}',
      'user',
    );
    renderPanel([failing], services);
    const none = await screen.findByTestId('diff-none');
    expect(none.textContent).toContain('No comparable success');
    expect(none.textContent).toContain('/contacts/{tenant}/current');
    expect(none.textContent).toContain("a user's token");
    expect(screen.queryByTestId('diff')).toBeNull();
  });
});
