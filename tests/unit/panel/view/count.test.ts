import { describe, expect, it } from 'vitest';
import { countText } from '../../../../src/panel/view/count.js';
import { entry } from '../fixtures.js';

describe('countText', () => {
  const captured = [entry({ id: 'a' }), entry({ id: 'b' })];
  const pasted = entry({ id: 'paste:1', source: 'paste', status: 0 });

  it('counts 401s without the pasted tokens, which it counts apart', () => {
    expect(countText([], 0)).toBe('');
    expect(countText(captured.slice(0, 1), 1)).toBe('1 401');
    expect(countText(captured, 2)).toBe('2 401s');
    expect(countText([...captured, pasted], 3)).toBe('2 401s · 1 pasted');
    expect(countText([pasted], 1)).toBe('1 pasted');
  });

  it('says how many a filter shows', () => {
    expect(countText([...captured, pasted], 1)).toBe('1 of 3');
  });
});
