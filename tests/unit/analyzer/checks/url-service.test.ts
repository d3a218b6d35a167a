import { describe, expect, it } from 'vitest';
import {
  KNOWN_RESOURCES,
  RHYTHM_MODULES,
  moduleHost,
  type RhythmModule,
} from '../../../../src/analyzer/rhythm.js';
import type { CheckStatus } from '../../../../src/analyzer/types.js';
import { TEST_TENANT } from '../../../helpers/tokens.js';
import { expectFixWhenActionable, runCheck } from '../helpers.js';

const API = 'api.rhythmsoftware.com';
const RESOURCES = Object.entries(KNOWN_RESOURCES) as Array<[string, RhythmModule]>;
/** A module that serves none of the known resources' home modules, to send each one astray. */
const wrongModule = (home: RhythmModule): RhythmModule =>
  home === 'rolodex' ? 'membership' : 'rolodex';

describe('url.service', () => {
  it('knows all 9 resources of SPEC §2', () => {
    expect(RESOURCES).toHaveLength(9);
  });

  it.each(RHYTHM_MODULES.map((m) => [m]))('passes the %s module host', (module) => {
    const result = runCheck('url.service', {
      url: `https://${moduleHost(module)}/things/${TEST_TENANT}`,
    });
    expect(result.status).toBe('pass');
  });

  it.each(RESOURCES)('passes `%s` on its home host (%s)', (resource, home) => {
    const result = runCheck('url.service', {
      url: `https://${moduleHost(home)}/${resource}/${TEST_TENANT}`,
    });
    expect(result.status).toBe('pass');
  });

  it.each(RESOURCES)(
    'fails the bare api.rhythmsoftware.com for `%s` and names https://%s.api…',
    (resource, home) => {
      const result = runCheck('url.service', { url: `https://${API}/${resource}/${TEST_TENANT}` });
      expect(result.status).toBe('fail');
      expect(result.fix).toContain(`https://${moduleHost(home)}/${resource}/${TEST_TENANT}`);
    },
  );

  it.each(RESOURCES)(
    'fails `%s` on another module host and names its home host (%s)',
    (resource, home) => {
      const result = runCheck('url.service', {
        url: `https://${moduleHost(wrongModule(home))}/${resource}/${TEST_TENANT}/x?y=1`,
      });
      expect(result.status).toBe('fail');
      expect(result.fix).toContain(`https://${moduleHost(home)}/${resource}/${TEST_TENANT}/x`);
      expectFixWhenActionable(result);
    },
  );

  const cases: Array<{ name: string; url: string; status: CheckStatus; extra?: string[] }> = [
    {
      name: 'the URL uses http instead of https',
      url: `http://rolodex.${API}/contacts/${TEST_TENANT}`,
      status: 'fail',
    },
    { name: 'the host is the bare API host with no path', url: `https://${API}/`, status: 'fail' },
    {
      name: 'the host is an unknown module xyz.api.rhythmsoftware.com',
      url: `https://xyz.${API}/contacts/${TEST_TENANT}`,
      status: 'fail',
    },
    {
      name: 'the host is not a Rhythm host',
      url: `https://api.example.com/contacts/${TEST_TENANT}`,
      status: 'warn',
    },
    {
      name: 'the host is the Rhythm web app, not an API host',
      url: `https://app.rhythmsoftware.com/contacts/${TEST_TENANT}`,
      status: 'warn',
    },
    {
      name: 'the host is an extra API host from the settings',
      url: `https://staging.example.com/contacts/${TEST_TENANT}`,
      status: 'pass',
      extra: ['staging.example.com'],
    },
    {
      name: 'a module host is written in upper case',
      url: `https://ROLODEX.API.RhythmSoftware.com/contacts/${TEST_TENANT}`,
      status: 'pass',
    },
    {
      name: 'the URL does not parse',
      url: 'rolodex.api.rhythmsoftware.com/contacts',
      status: 'fail',
    },
    { name: 'the URL is garbage', url: 'https://exa mple.com/%', status: 'fail' },
    { name: 'no URL was given', url: '', status: 'skip' },
  ];

  it.each(cases)('$status when $name', ({ url, status, extra }) => {
    const result = runCheck('url.service', { url }, extra ? { extraApiHosts: extra } : {});
    expect(result.status).toBe(status);
    expectFixWhenActionable(result);
  });

  it('names https in the fix for a plain-http URL', () => {
    const result = runCheck('url.service', {
      url: `http://rolodex.${API}/contacts/${TEST_TENANT}`,
    });
    expect(result.fix).toContain(`https://rolodex.${API}`);
  });

  it('names the unknown module and lists the real ones', () => {
    const result = runCheck('url.service', { url: `https://xyz.${API}/contacts/${TEST_TENANT}` });
    expect(result.detail).toContain('`xyz`');
    expect(result.fix).toContain(`https://rolodex.${API}`);
  });

  it('warns a non-Rhythm host that is not among the extra API hosts', () => {
    const result = runCheck(
      'url.service',
      { url: `https://api.example.com/contacts/${TEST_TENANT}` },
      { extraApiHosts: ['staging.example.com'] },
    );
    expect(result.status).toBe('warn');
  });
});
