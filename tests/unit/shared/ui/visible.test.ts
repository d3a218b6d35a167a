/**
 * SPEC §7: a hostile claim reads the same wherever it is shown. Every invisible or reordering
 * character the support report and the CLI escape, the panel and the popup (and check wording)
 * escape too, as `\uXXXX`.
 */
import { describe, expect, it } from 'vitest';
import { mdText } from '../../../../src/analyzer/report/markdown-escape.js';
import { quote } from '../../../../src/analyzer/text.js';
import { terminalSafe } from '../../../../src/cli/terminal.js';
import { visible } from '../../../../src/shared/ui/visible.js';

const INVISIBLE: Array<[string, string]> = [
  ['a line separator', '\u2028'],
  ['a paragraph separator', '\u2029'],
  ['a word joiner', '\u2060'],
  ['the function application mark', '\u2061'],
  ['the invisible times mark', '\u2062'],
  ['the invisible separator', '\u2063'],
  ['the invisible plus mark', '\u2064'],
  ['the unassigned U+2065', '\u2065'],
  ['a right-to-left override', '\u202e'],
  ['a right-to-left isolate', '\u2067'],
  ['a zero-width space', '\u200b'],
  ['a byte order mark', '\ufeff'],
  ['a C1 control (NEL)', '\u0085'],
  ['a bell', '\u0007'],
];

const TARGETS: Array<[string, (text: string) => string]> = [
  ['the panel and popup (visible)', visible],
  ['the Markdown report (mdText)', (t) => mdText(t)],
  ['the CLI (terminalSafe)', terminalSafe],
  ['check wording (quote)', (t) => quote(t)],
];

describe('invisible characters', () => {
  describe.each(TARGETS)('in %s', (_target, show) => {
    it.each(INVISIBLE)('shows %s as its escape', (_name, c) => {
      const escape = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
      const shown = show(`a${c}b`);
      expect(shown).not.toContain(c);
      expect(shown).toContain(escape);
    });
  });

  it('leaves plain text, accents and emoji alone in the panel', () => {
    expect(visible('Zoë 🗝️ ключ')).toBe('Zoë 🗝️ ключ');
  });
});
