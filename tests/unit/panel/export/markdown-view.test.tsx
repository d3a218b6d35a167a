// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mdCode, mdRow, mdText } from '../../../../src/analyzer/report/markdown-escape.js';
import { MarkdownView, parseBlocks, splitRow } from '../../../../src/panel/export/MarkdownView.js';

afterEach(cleanup);

const view = (markdown: string) =>
  render(<MarkdownView markdown={markdown} label="Preview" />).getByTestId('export-rendered');

describe('MarkdownView', () => {
  it('reads the blocks the report writes', () => {
    const md = [
      '# Title',
      '',
      'One',
      'line.',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '```json',
      '{"a": 1}',
      '```',
    ].join('\n');
    expect(parseBlocks(md).map((b) => b.kind)).toEqual(['heading', 'paragraph', 'table', 'code']);
    const el = view(md);
    expect(el.querySelector('h3')!.textContent).toBe('Title');
    expect(el.querySelector('p')!.textContent).toBe('One line.');
    expect([...el.querySelectorAll('th')].map((t) => t.textContent)).toEqual(['a', 'b']);
    expect(el.querySelector('pre code')!.textContent).toBe('{"a": 1}');
  });

  it('shows escaped untrusted values as the text they were, never as markup', () => {
    const evil = '<script>alert(1)</script> | **x** `y` [a](javascript:1) a_b\nnext';
    const el = view(
      mdRow([mdText(evil), mdCode('a|b'), mdCode('plain')]).replace(
        /^/,
        '| h | h2 | h3 |\n|---|---|---|\n',
      ),
    );
    const cells = [...el.querySelectorAll('td')];
    expect(cells).toHaveLength(3);
    expect(cells[0]!.textContent).toBe(
      '<script>alert(1)</script> | **x** `y` [a](javascript:1) a_b ⏎ next',
    );
    expect(el.querySelector('script, a, strong, img')).toBeNull();
    expect(cells[1]!.textContent).toBe('a|b');
    expect(cells[2]!.querySelector('code')!.textContent).toBe('plain');
  });

  it('splits cells on pipes outside code spans and escapes only', () => {
    expect(splitRow('| a \\| b | `c|d` | e |')).toEqual(['a \\| b', '`c|d`', 'e']);
  });

  it('renders bold and code inside bold', () => {
    const el = view('**✗ `token.expiry`: expired**');
    expect(el.querySelector('strong code')!.textContent).toBe('token.expiry');
    expect(el.querySelector('strong')!.textContent).toBe('✗ token.expiry: expired');
  });
});
