import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderMarkdown } from '../../../../src/analyzer/report/index.js';
import { mdCode, mdJsonBlock, mdText } from '../../../../src/analyzer/report/markdown-escape.js';
import { CONTEXT, HOSTILE, cases, type Case } from './fixtures.js';

/** Pipes that end a table cell: those not escaped with a backslash. */
function cellPipes(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length;
}

/** The table whose header line starts with `header`: its lines, up to the first non-row. */
function table(md: string, header: string): string[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  expect(start, `table ${header}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start, end < 0 ? undefined : end);
}

let hostile: Case;
beforeAll(async () => {
  hostile = (await cases()).find((c) => c.name === 'hostile claims')!;
});

describe('Markdown of hostile claims', () => {
  it('keeps every table intact: one row per claim and per check, same column count', () => {
    const report = buildReport(hostile.subject, CONTEXT);
    const md = renderMarkdown(report);
    const claims = Object.keys(report.diagnoses[0]!.token.claims!).length;
    const tables: Array<[string, number]> = [
      ['| | |', 10],
      ['|   | Check |', 19],
      ['| Claim |', claims],
    ];
    for (const [header, rows] of tables) {
      const lines = table(md, header);
      expect(lines, header).toHaveLength(rows + 2);
      const pipes = cellPipes(lines[0]!);
      for (const line of lines) expect(cellPipes(line), line).toBe(pipes);
    }
  });

  it('lets no HTML, injected row or invisible bidi mark through', () => {
    const md = renderMarkdown(buildReport(hostile.subject, CONTEXT));
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<');
    expect(md).not.toMatch(/^\| injected/m);
    expect(md).not.toMatch(/[\u202e\u200f]/);
    expect(md).toContain('\\u202e');
  });

  it('keeps fenced JSON blocks closed and HTML-free', () => {
    const block = mdJsonBlock({ [HOSTILE]: '```\n<script>alert(1)</script>' });
    const lines = block.split('\n');
    expect(lines.filter((l) => l.startsWith('```'))).toEqual(['```json', '```']);
    expect(lines.slice(1, -1).join('\n')).not.toMatch(/[<>`]/);
    expect(JSON.parse(lines.slice(1, -1).join('\n'))).toEqual({
      [HOSTILE]: '```\n<script>alert(1)</script>',
    });
  });
});

describe('Markdown escaping', () => {
  const cases: Array<[string, string, (out: string) => void]> = [
    [
      'HTML becomes entities',
      '<img src=x onerror=alert(1)>',
      (o) => expect(o).toBe('&lt;img src=x onerror=alert(1)&gt;'),
    ],
    ['a pipe cannot end a cell', 'a|b', (o) => expect(cellPipes(o)).toBe(0)],
    ['a newline stays on the line', 'a\nb\r\nc', (o) => expect(o).not.toMatch(/[\r\n]/)],
    ['a backtick cannot open code', 'a`b', (o) => expect(o).toBe('a\\`b')],
    [
      'a link cannot form',
      '[x](javascript:alert(1))',
      (o) => expect(o).toBe('\\[x\\](javascript:alert(1))'),
    ],
    ['an entity stays text', '&lt;b&gt;', (o) => expect(o).toBe('&amp;lt;b&amp;gt;')],
    ['a control character shows', 'a\u001b[31mb', (o) => expect(o).toContain('\\u001b')],
  ];
  it.each(cases)('mdText: %s', (_name, input, check) => check(mdText(input)));

  it('mdCode uses a code span only for values that cannot break it', () => {
    expect(mdCode('https://rolodex.api.rhythmsoftware.com/x?a=1&b=2')).toBe(
      '`https://rolodex.api.rhythmsoftware.com/x?a=1&b=2`',
    );
    for (const hostileValue of ['a`b', 'a|b', '<b>', 'a\nb', '\u202eab']) {
      expect(mdCode(hostileValue).startsWith('`'), hostileValue).toBe(false);
    }
  });
});
