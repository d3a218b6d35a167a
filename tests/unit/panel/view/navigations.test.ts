import { describe, expect, it } from 'vitest';
import { navigationMarks, navigationText } from '../../../../src/panel/view/navigations.js';
import { entry, SENT_AT } from '../fixtures.js';

const at = (id: string, t: number, source: 'webRequest' | 'paste' = 'webRequest') => ({
  ...entry({ id, source }),
  capturedAt: SENT_AT + t,
});

describe('navigationMarks', () => {
  it('marks the first 401 after each navigation, newest first as listed', () => {
    const entries = [at('c', 300), at('b', 200), at('a', 100)];
    const nav1 = { url: 'https://app.example/one', at: SENT_AT + 150 };
    const nav2 = { url: 'https://app.example/two', at: SENT_AT + 250 };
    const nav3 = { url: 'https://app.example/three', at: SENT_AT + 260 };
    const marks = navigationMarks(entries, [nav1, nav2, nav3]);
    expect([...marks.keys()]).toEqual(['c', 'b']);
    expect(marks.get('c')).toBe(nav3); // two navigations between b and c: the newest
    expect(marks.get('b')).toBe(nav1);
  });

  it('marks the oldest 401 when the page navigated before it, and never a pasted one', () => {
    const entries = [at('p', 300, 'paste'), at('a', 100)];
    const nav = { url: 'https://app.example/', at: SENT_AT + 50 };
    expect([...navigationMarks(entries, [nav]).keys()]).toEqual(['a']);
    expect(navigationMarks(entries, []).size).toBe(0);
  });

  it('says where the page went', () => {
    expect(navigationText({ url: 'https://app.example/members?x=1', at: 0 })).toBe(
      'The page navigated to app.example/members before this 401',
    );
  });
});
