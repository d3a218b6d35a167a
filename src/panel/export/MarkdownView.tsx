/**
 * The report's Markdown shown as a ticket system renders it, built as DOM elements from text
 * nodes only (never innerHTML): the report quotes claims and URLs from pages, which are untrusted.
 * It reads the subset the report writes (src/analyzer/report/markdown.ts): ATX headings, pipe
 * tables, fenced code, paragraphs; inline code spans, **bold**, backslash escapes and the entities
 * mdText writes. Anything else stays literal text.
 */
import type { ComponentChildren, VNode } from 'preact';

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'code'; text: string }
  | { kind: 'paragraph'; text: string };

/** Table cells split on unescaped pipes, the outer ones dropped. */
export function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\\' && i + 1 < inner.length) {
      cell += c + inner[i + 1]!;
      i++;
    } else if (c === '`') {
      inCode = !inCode;
      cell += c;
    } else if (c === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

export function parseBlocks(markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) blocks.push({ kind: 'paragraph', text: para.join(' ') });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (line.startsWith('```')) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      blocks.push({ kind: 'code', text: body.join('\n') });
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]! });
    } else if (line.startsWith('|') && SEPARATOR.test(lines[i + 1] ?? '')) {
      flush();
      const head = splitRow(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++)
        rows.push(splitRow(lines[i]!));
      i--;
      blocks.push({ kind: 'table', head, rows });
    } else if (line.trim() === '') flush();
    else para.push(line.trim());
  }
  flush();
  return blocks;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Plain text: backslash escapes and the few entities undone (shown, never parsed as HTML). */
function unescapeText(text: string): string {
  return text
    .replace(/\\([\\`*_[\]|~$#+\-.!(){}<>])/g, '$1')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

/** Inline Markdown: code spans, **bold**, the rest text. */
export function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let plain = '';
  const push = () => {
    if (plain) out.push(unescapeText(plain));
    plain = '';
  };
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      plain += text.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) {
        plain += c;
        i++;
        continue;
      }
      push();
      out.push(<code>{text.slice(i + 1, end)}</code>);
      i = end + 1;
    } else if (text.startsWith('**', i)) {
      const end = findBoldEnd(text, i + 2);
      if (end < 0) {
        plain += '**';
        i += 2;
        continue;
      }
      push();
      out.push(<strong>{inline(text.slice(i + 2, end))}</strong>);
      i = end + 2;
    } else {
      plain += c;
      i++;
    }
  }
  push();
  return out;
}

/** The closing `**`, skipping escapes and code spans. */
function findBoldEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (text.startsWith('**', i)) return i;
  }
  return -1;
}

function renderBlock(block: Block, key: number): VNode {
  switch (block.kind) {
    case 'heading': {
      // Inside a dialog: the report's # is a fourth-level heading at most.
      const level = Math.min(6, block.level + 2);
      const Tag = `h${level}` as 'h3';
      return <Tag key={key}>{inline(block.text)}</Tag>;
    }
    case 'table':
      return (
        <div key={key} class="md__table">
          <table>
            {block.head.some((c) => c !== '') && (
              <thead>
                <tr>
                  {block.head.map((c, i) => (
                    <th key={i} scope="col">
                      {inline(c)}
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i}>{inline(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'code':
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
    case 'paragraph':
      return <p key={key}>{inline(block.text)}</p>;
    default: {
      const unhandled: never = block;
      return unhandled;
    }
  }
}

export function MarkdownView({ markdown, label }: { markdown: string; label: string }) {
  return (
    <div class="md" role="document" aria-label={label} tabIndex={0} data-testid="export-rendered">
      {parseBlocks(markdown).map(renderBlock)}
    </div>
  );
}
