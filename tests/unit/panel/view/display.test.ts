import { describe, expect, it } from 'vitest';
import { clip, valueText, visible } from '../../../../src/panel/view/display.js';

describe('untrusted text', () => {
  it('makes bidi overrides and other invisible characters visible', () => {
    expect(visible('admin\u202Egnp.exe')).toBe('admin\\u202egnp.exe');
    expect(visible('a\u200Bb\u2066c\uFEFF')).toBe('a\\u200bb\\u2066c\\ufeff');
    expect(visible('bell\u0007 nul\u0000')).toBe('bell\\u0007 nul\\u0000');
    expect(visible('keeps\ttab and\nnewline')).toBe('keeps\ttab and\nnewline');
  });

  it('clips long text and counts the whole', () => {
    expect(clip('x'.repeat(100_000), 240)).toEqual({
      text: 'x'.repeat(240),
      total: 100_000,
      clipped: true,
    });
    expect(clip('short', 240)).toEqual({ text: 'short', total: 5, clipped: false });
  });

  it('writes non-strings as JSON', () => {
    expect(valueText('plain')).toBe('plain');
    expect(valueText(['a', 1])).toBe('["a",1]');
    expect(valueText(null)).toBe('null');
    expect(valueText(undefined)).toBe('undefined');
  });
});
