import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../../src/analyzer/types.js';
import { GROUP_IDS, groupChecks, groupOf } from '../../../../src/panel/view/check-groups.js';
import { entry } from '../fixtures.js';

describe('checklist groups', () => {
  it('puts every one of the 19 checks in exactly one group, in the guide’s order', () => {
    const groups = groupChecks(entry({ id: 'x' }).diagnosis.checks);
    const listed = groups.flatMap((g) => g.checks.map((c) => c.id));
    expect(listed).toHaveLength(19);
    expect([...listed].sort()).toEqual([...CHECK_IDS].sort());
    expect(groups.map((g) => g.id)).toEqual([...GROUP_IDS]);
  });

  it.each([
    ['request.preflight', 'header'],
    ['header.scheme', 'header'],
    ['token.audience', 'audience'],
    ['token.kind', 'audience'],
    ['token.format', 'claims'],
    ['claims.tenant_id', 'claims'],
    ['claims.contact_id', 'first-login'],
    ['contact.verified', 'contact'],
    ['url.service', 'base-url'],
    ['url.tenant', 'base-url'],
    ['token.expiry', 'more'],
    ['token.signature', 'more'],
    ['clock.skew', 'more'],
  ] as const)('groups %s under %s', (id, group) => {
    expect(groupOf(id)).toBe(group);
  });
});
