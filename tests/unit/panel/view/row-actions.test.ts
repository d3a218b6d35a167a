import { describe, expect, it } from 'vitest';
import { curlCommand, fixOf, shellQuote } from '../../../../src/panel/view/row-actions.js';
import { signToken } from '../../../helpers/tokens.js';
import { CURRENT_URL, entry } from '../fixtures.js';

describe("a row's menu", () => {
  it('copies a GET as curl with the token read from $RHYTHM_TOKEN, never the token itself', async () => {
    const token = await signToken();
    const d = entry({ id: 'a', auth: `Bearer ${token}` }).diagnosis;
    const curl = curlCommand(d);
    expect(curl).toBe(`curl '${CURRENT_URL}' -H "Authorization: Bearer $RHYTHM_TOKEN"`);
    expect(curl).not.toContain(token.split('.')[2]!);
    expect(curl).not.toContain(token.split('.')[1]!);
  });

  it('names the method, leaves out Authorization when none was sent, keeps the URL one word', () => {
    const d = entry({
      id: 'b',
      method: 'POST',
      url: "https://rolodex.api.rhythmsoftware.com/contacts/it's/current",
    }).diagnosis;
    expect(curlCommand(d)).toBe(
      `curl -X POST 'https://rolodex.api.rhythmsoftware.com/contacts/it'\\''s/current'`,
    );
    // A token in the query is the diagnosis's [redacted] one.
    const inQuery = entry({ id: 'q', url: `${CURRENT_URL}?access_token=abc.def.ghi` }).diagnosis;
    expect(curlCommand(inQuery)).not.toContain('abc.def.ghi');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(curlCommand({ ...d, request: { ...d.request, url: 'https://x/\n; rm -rf /' } })).toBe(
      "curl -X POST 'https://x/%0A; rm -rf /'",
    );
  });

  it("copies the root cause's fix, or nothing when no check failed", () => {
    const basic = entry({ id: 'c', auth: 'Basic abc' }).diagnosis;
    expect(basic.rootCause?.id).toBe('header.scheme');
    expect(fixOf(basic)).toBe(basic.checks.find((c) => c.id === 'header.scheme')!.fix);
    expect(fixOf(basic)).toMatch(/Bearer/);
    expect(fixOf({ ...basic, rootCause: null })).toBeNull();
  });
});
