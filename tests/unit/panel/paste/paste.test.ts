import { describe, expect, it } from 'vitest';
import { pastedEntry, readPaste } from '../../../../src/panel/paste/paste.js';
import { signToken } from '../../../helpers/tokens.js';
import { CURRENT_URL, SENT_AT } from '../fixtures.js';

const diagnose = (text: string, url = '') => {
  const pasted = readPaste({ text, url }, SENT_AT);
  if ('error' in pasted) throw new Error(pasted.error);
  return { pasted, entry: pastedEntry(pasted, { tabId: 7, now: SENT_AT, seq: 1, settings: {} }) };
};

describe('paste mode', () => {
  it('diagnoses a bare token as if sent with Bearer, at the time of pasting', async () => {
    const token = await signToken();
    const { entry } = diagnose(token, CURRENT_URL);
    expect(entry).toMatchObject({ id: 'paste:1', source: 'paste', capturedAt: SENT_AT, token });
    expect(entry.diagnosis.request).toMatchObject({
      method: 'GET',
      url: CURRENT_URL,
      sentAt: SENT_AT,
    });
    expect(entry.diagnosis.token.form).toBe('jws');
    expect(entry.diagnosis.rootCause?.id).not.toBe('header.scheme');
  });

  it('diagnoses an Authorization line as pasted: a lowercase scheme warns', async () => {
    const token = await signToken();
    const { entry, pasted } = diagnose(`Authorization: bearer ${token}`);
    expect(pasted.parsed.kind).toBe('header');
    expect(entry.diagnosis.checks.find((c) => c.id === 'header.scheme')?.status).toBe('warn');
    expect(entry.token).toBe(token);
  });

  it('reads method, URL and headers from a curl command', async () => {
    const token = await signToken({ claims: { exp: 1 } });
    const curl = `curl -X POST '${CURRENT_URL}' \\\n  -H 'Accept: application/json' \\\n  -H 'Authorization: Bearer ${token}'`;
    const { entry, pasted } = diagnose(curl);
    expect(pasted.parsed.kind).toBe('curl');
    expect(entry.diagnosis.request).toMatchObject({ method: 'POST', url: CURRENT_URL });
    expect(entry.diagnosis.rootCause?.id).toBe('token.expiry');
  });

  it('lets the URL field win over the one in the paste', async () => {
    const token = await signToken();
    const other = 'https://membership.api.rhythmsoftware.com/memberships/acme.org';
    const { entry } = diagnose(`curl '${CURRENT_URL}' -H 'Authorization: Bearer ${token}'`, other);
    expect(entry.diagnosis.request.url).toBe(other);
  });

  it('refuses an empty paste', () => {
    expect(readPaste({ text: '  \n', url: '' }, SENT_AT)).toEqual({
      error: 'Paste a token, an Authorization line or a curl command.',
    });
  });

  it('diagnoses garbage instead of throwing', () => {
    const { entry } = diagnose('<img src=x onerror=alert(1)>');
    expect(entry.diagnosis.verdict).toBe('fail');
  });
});
