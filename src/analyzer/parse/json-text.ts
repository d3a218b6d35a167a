/**
 * `JSON.stringify` for untrusted values, without recursion. V8's own overflows its stack on a
 * value nested about 5,000 deep (`JSON.parse` reads one happily: a token's payload, a HAR's custom
 * field), so nothing that writes page data may call it on a value it did not build. Same output
 * as `JSON.stringify(value, null, indent)` for plain data (no `toJSON`, no replacer).
 */

type Frame =
  | { kind: 'array'; items: readonly unknown[]; at: number; depth: number }
  | { kind: 'object'; entries: Array<[string, unknown]>; at: number; depth: number };

function isWritable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

function scalar(value: unknown): string | null {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      return null;
    default:
      return 'null'; // undefined, a function or a symbol in an array
  }
}

/**
 * The JSON text of `value`; `indent` as JSON.stringify's third argument, `depth` the level the
 * text starts at (its lines are indented that much more, the first one excepted).
 */
export function stringifyJson(value: unknown, indent: number | string = '', depth = 0): string {
  const unit = typeof indent === 'number' ? ' '.repeat(Math.min(10, indent)) : indent.slice(0, 10);
  const newline = (d: number) => (unit === '' ? '' : `\n${unit.repeat(d)}`);
  const colon = unit === '' ? ':' : ': ';
  const out: string[] = [];
  const stack: Frame[] = [];

  const open = (v: unknown, d: number): void => {
    const text = scalar(v);
    if (text !== null) {
      out.push(text);
    } else if (Array.isArray(v)) {
      if (v.length === 0) out.push('[]');
      else {
        out.push('[');
        stack.push({ kind: 'array', items: v, at: 0, depth: d });
      }
    } else {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => isWritable(x));
      if (entries.length === 0) out.push('{}');
      else {
        out.push('{');
        stack.push({ kind: 'object', entries, at: 0, depth: d });
      }
    }
  };

  if (!isWritable(value)) return 'null'; // JSON.stringify gives undefined: no text at all
  open(value, depth);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const size = frame.kind === 'array' ? frame.items.length : frame.entries.length;
    if (frame.at === size) {
      stack.pop();
      out.push(newline(frame.depth), frame.kind === 'array' ? ']' : '}');
      continue;
    }
    out.push(frame.at === 0 ? '' : ',', newline(frame.depth + 1));
    if (frame.kind === 'array') {
      open(frame.items[frame.at++], frame.depth + 1);
    } else {
      const [key, v] = frame.entries[frame.at++]!;
      out.push(JSON.stringify(key), colon);
      open(v, frame.depth + 1);
    }
  }
  return out.join('');
}
