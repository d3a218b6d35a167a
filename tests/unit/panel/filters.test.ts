import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  DEFAULT_FILTERS,
  hostsOf,
  isFiltering,
  parseSearch,
} from '../../../src/panel/filters.js';
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

  describe('the search syntax (status:, host:, check:)', () => {
    const ids = (text: string) =>
      applyFilters(entries, { ...DEFAULT_FILTERS, text }).map((e) => e.id);

    it('parses words and key:value terms, lower-cased, a - before a term negating it', () => {
      expect(parseSearch('  Host:Rolodex  -check:token.expiry current status: ')).toEqual([
        { key: 'host', value: 'rolodex', negate: false },
        { key: 'check', value: 'token.expiry', negate: true },
        { key: null, value: 'current', negate: false },
      ]);
      // An unknown key, or a URL, is a plain word.
      expect(parseSearch('https://x foo:bar')).toEqual([
        { key: null, value: 'https://x', negate: false },
        { key: null, value: 'foo:bar', negate: false },
      ]);
    });

    it.each([
      ['host:membership', ['b']],
      ['host:rolodex', ['a']],
      ['HOST:API.RHYTHMSOFTWARE', ['a', 'b']],
      ['-host:membership', ['a']],
      ['check:header.scheme', ['b']],
      ['check:header', ['a', 'b']],
      ['-check:header.present', ['b']],
      ['check:token.expiry', []],
      ['status:fail', ['a', 'b']],
      ['status:pass', []],
      ['status:401', ['a', 'b']],
      ['status:403', []],
      ['-status:401', []],
      ['host:rolodex check:header.present get', ['a']],
      ['host:', ['a', 'b']],
      ['source:captured', ['a', 'b']],
      ['source:har', []],
      ['-source:paste', ['a', 'b']],
    ])('%s keeps %j', (text, expected) => {
      expect(ids(text)).toEqual(expected);
    });

    it('check: matches a failed check that is not the root cause too, never a passed one', () => {
      // noAuth fails header.present (root cause); its token checks skip, so check:token matches nothing.
      expect(ids('check:token')).toEqual([]);
      expect(entries[1]!.diagnosis.checks.find((c) => c.id === 'header.present')?.status).toBe(
        'pass',
      );
      expect(ids('check:header.present')).toEqual(['a']);
    });
  });
});
