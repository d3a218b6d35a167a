import { TOO_DEEP } from '../parse/json-safe.js';

export interface MapStringsOptions {
  /** Keys go through `fn` as well (default: a hostile claim name is still text). */
  keys?: boolean;
  /** Parts nested deeper become `[nested too deep]` (default 32, enough for any diagnosis). */
  maxDepth?: number;
}

/**
 * A deep copy of a JSON value with every string passed through `fn`. Depth-limited, so a hostile,
 * deeply nested value cannot overflow the stack.
 */
export function mapStrings(
  value: unknown,
  fn: (text: string) => string,
  options: MapStringsOptions = {},
  depth = 0,
): unknown {
  if (typeof value === 'string') return fn(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= (options.maxDepth ?? 32)) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn, options, depth + 1));
  const keys = options.keys ?? true;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const mapped = mapStrings(v, fn, options, depth + 1);
    const name = keys ? fn(key) : key;
    if (name === '__proto__') {
      // defineProperty: a key named `__proto__` stays a plain property, not a prototype.
      Object.defineProperty(out, name, {
        value: mapped,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      // Plain assignment keeps V8's fast object shapes: a HAR maps thousands of diagnoses.
      out[name] = mapped;
    }
  }
  return out;
}
