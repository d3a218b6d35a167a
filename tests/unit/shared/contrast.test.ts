/** The tags' text colours against every row background, in both themes (WCAG 2 AA: 4.5:1). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../src/shared/ui/theme.css', import.meta.url), 'utf8');

function pair(name: string): [string, string] {
  const m = new RegExp(`--${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(
    css,
  );
  if (!m) throw new Error(`--${name} not found as light-dark(#rrggbb, #rrggbb)`);
  return [m[1]!, m[2]!];
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const f = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('tag contrast', () => {
  const backgrounds = ['bg', 'bg-alt', 'bg-hover', 'bg-selected'];
  it.each(['tag-har', 'tag-paste'])('%s is at least 4.5:1 on every row background', (tag) => {
    const [light, dark] = pair(tag);
    for (const bg of backgrounds) {
      const [lightBg, darkBg] = pair(bg);
      expect(contrast(light, lightBg), `${tag} on ${bg}, light`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(dark, darkBg), `${tag} on ${bg}, dark`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('measures as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // The old HAR tag colour on the selected row: the 4.15:1 the issue measured.
    expect(contrast('#2563eb', '#dbe7fd')).toBeCloseTo(4.15, 2);
  });
});
