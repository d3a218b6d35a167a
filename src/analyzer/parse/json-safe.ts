/**
 * A decoded token's header and claims are page data, and JSON.parse accepts values a Diagnosis
 * cannot carry: `1e400` parses to Infinity (which JSON.stringify writes as null), and 20,000 nested
 * arrays parse fine but overflow the stack of every recursive reader after it (JSON.stringify,
 * String(), a tree view). Normalized once, every check and the Diagnosis see values that survive
 * JSON and messaging unchanged.
 */

/** Real tokens nest a few levels; anything deeper is cut here. */
export const MAX_JSON_DEPTH = 64;
export const TOO_DEEP = '[nested too deep]';

/** True when `jsonSafe` would return the value itself: read only, nothing allocated. */
function isJsonSafe(value: unknown, depth: number): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isJsonSafe(value[i], depth + 1)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  // for…in builds no array of keys. It would also visit an enumerable property inherited from a
  // tampered Object.prototype: at worst a false "unsafe", and copyJsonSafe returns the value as is.
  for (const key in record) if (!isJsonSafe(record[key], depth + 1)) return false;
  return true;
}

/** The value, or a copy with non-finite numbers as text and too-deep parts cut; unchanged parts are shared. */
export function jsonSafe(value: unknown, depth = 0): unknown {
  // The common case (every real token): checked without building the copies below.
  if (isJsonSafe(value, depth)) return value;
  return copyJsonSafe(value, depth);
}

function copyJsonSafe(value: unknown, depth: number): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_JSON_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    const items = value.map((item) => copyJsonSafe(item, depth + 1));
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const safe = keys.map((key) => copyJsonSafe(record[key], depth + 1));
  if (safe.every((v, i) => v === record[keys[i]!])) return value;
  const copy: Record<string, unknown> = {};
  // defineProperty, not assignment: a `__proto__` claim must stay a plain own property.
  keys.forEach((key, i) =>
    Object.defineProperty(copy, key, {
      value: safe[i],
      enumerable: true,
      writable: true,
      configurable: true,
    }),
  );
  return copy;
}

/** `jsonSafe` for a decoded header or payload object. */
export function jsonSafeObject(
  value: Record<string, unknown> | null,
): Record<string, unknown> | null {
  return value === null ? null : (jsonSafe(value) as Record<string, unknown>);
}
