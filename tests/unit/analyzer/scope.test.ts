/** isDiagnosable: the one rule for which requests every source diagnoses (SPEC §7). */
import { describe, expect, it } from 'vitest';
import { isDiagnosable } from '../../../src/analyzer/scope.js';
import type { AnalyzerSettings } from '../../../src/analyzer/types.js';

const ROLODEX = 'https://rolodex.api.rhythmsoftware.com/contacts/current';
const STAGING = 'https://api.staging.acme.org/contacts/current';
const EXTRA: AnalyzerSettings = { extraApiHosts: ['api.staging.acme.org'] };

describe('isDiagnosable', () => {
  it.each<[string, string, number, AnalyzerSettings, boolean]>([
    ['takes a 401 from a Rhythm module host', ROLODEX, 401, {}, true],
    ['takes a 401 from the bare API host', 'https://api.rhythmsoftware.com/x', 401, {}, true],
    ['leaves a 403 alone by default', ROLODEX, 403, {}, false],
    ['takes a 403 when the settings ask for it', ROLODEX, 403, { capture403: true }, true],
    ['leaves a 200 alone, whatever the settings', ROLODEX, 200, { capture403: true }, false],
    ['leaves a 401 from another host alone', STAGING, 401, {}, false],
    ['takes a 401 from an extra API host of the settings', STAGING, 401, EXTRA, true],
    ['compares hosts case-insensitively', STAGING.toUpperCase(), 401, EXTRA, true],
    ['leaves a 401 without a URL alone', '', 401, {}, false],
    ['leaves a URL that does not parse alone', 'not a url', 401, {}, false],
  ])('%s', (_name, url, status, settings, expected) => {
    expect(isDiagnosable({ url, status }, settings)).toBe(expected);
  });
});
