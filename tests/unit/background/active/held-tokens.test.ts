import { describe, expect, it } from 'vitest';
import { createHeldTokens } from '../../../../src/background/active/held-tokens.js';
import type { HeldRequest } from '../../../../src/shared/active.js';

const held = (token: string | null): HeldRequest => ({
  url: 'https://rolodex.api.rhythmsoftware.com/contacts/current',
  method: 'GET',
  authorization: token && `Bearer ${token}`,
  token,
});

describe('createHeldTokens', () => {
  it('keeps at most `max`, dropping the oldest first', () => {
    const tokens = createHeldTokens(3);
    for (let i = 1; i <= 5; i++) tokens.hold(1, `webRequest:${i}`, held(`t${i}`));
    expect(tokens.size).toBe(3);
    expect(tokens.get(1, 'webRequest:2')).toBeNull();
    expect(tokens.get(1, 'webRequest:5')?.token).toBe('t5');
  });

  it('holds nothing for a request without a token', () => {
    const tokens = createHeldTokens();
    tokens.hold(1, 'webRequest:1', held(null));
    expect(tokens.size).toBe(0);
  });

  it('drops one tab’s tokens (tab closed or cleared) and keeps the others', () => {
    const tokens = createHeldTokens();
    tokens.hold(1, 'a', held('t1'));
    tokens.hold(12, 'a', held('t12'));
    tokens.dropTab(1);
    expect(tokens.get(1, 'a')).toBeNull();
    expect(tokens.get(12, 'a')?.token).toBe('t12');
  });

  it('holds values that are not in-flight records (no requestHeaders, no sentAt)', () => {
    const tokens = createHeldTokens();
    tokens.hold(1, 'a', held('t'));
    expect(Object.keys(tokens.get(1, 'a')!).sort()).toEqual([
      'authorization',
      'method',
      'token',
      'url',
    ]);
  });
});
