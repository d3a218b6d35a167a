/** A JSON object (not an array, not null): the one guard every reader of page data starts with. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
