const MAX_DEPTH = 32;

/**
 * A deep copy of a JSON value with every string (keys too: a hostile claim name is still text)
 * passed through `fn`. Depth-limited, so a hostile, deeply nested claim cannot overflow the stack.
 */
export function mapStrings(value: unknown, fn: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return fn(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const mapped = mapStrings(v, fn, depth + 1);
    const name = fn(key);
    if (name === '__proto__') {
      // defineProperty: a claim named `__proto__` stays a plain property, not a prototype.
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
