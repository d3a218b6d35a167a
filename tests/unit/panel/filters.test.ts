import { describe, expect, it } from 'vitest';
import { applyFilters, DEFAULT_FILTERS, hostsOf, isFiltering } from '../../../src/panel/filters.js';
import { entry } from './fixtures.js';

const noAuth = entry({ id: 'a' });
const basic = entry({
  id: 'b',
  auth: 'Basic abc',
  url: 'https://membership.api.rhythmsoftware.com/memberships/acme.org',
});
const entries = [noAuth, basic];

describe('filters', () => {
  it('keeps everything by default', () => {
    expect(isFiltering(DEFAULT_FILTERS)).toBe(false);
    expect(applyFilters(entries, DEFAULT_FILTERS)).toBe(entries);
  });

  it('filters by host, listing the hosts present', () => {
    expect(hostsOf(entries)).toEqual([
      'membership.api.rhythmsoftware.com',
      'rolodex.api.rhythmsoftware.com',
    ]);
    const got = applyFilters(entries, {
      ...DEFAULT_FILTERS,
      host: 'membership.api.rhythmsoftware.com',
    });
    expect(got.map((e) => e.id)).toEqual(['b']);
  });

  it('filters by verdict', () => {
    expect(applyFilters(entries, { ...DEFAULT_FILTERS, status: 'fail' })).toHaveLength(2);
    expect(applyFilters(entries, { ...DEFAULT_FILTERS, status: 'pass' })).toHaveLength(0);
  });

  it('matches every word of the text against method, URL and root cause, case-insensitively', () => {
    expect(
      applyFilters(entries, { ...DEFAULT_FILTERS, text: 'HEADER.SCHEME' }).map((e) => e.id),
    ).toEqual(['b']);
    expect(
      applyFilters(entries, { ...DEFAULT_FILTERS, text: 'get memberships' }).map((e) => e.id),
    ).toEqual(['b']);
    expect(
      applyFilters(entries, { ...DEFAULT_FILTERS, text: 'header.present' }).map((e) => e.id),
    ).toEqual(['a']);
    expect(applyFilters(entries, { ...DEFAULT_FILTERS, text: 'nothing-like-this' })).toEqual([]);
  });
});
