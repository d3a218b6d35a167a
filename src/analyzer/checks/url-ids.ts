import { isParsedUrl } from '../parse/url.js';
import { quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, pass, skip, warn } from './outcome.js';

const LITERALS = new Set(['undefined', 'null', 'nan', '[object object]']);
const PLACEHOLDER =
  /^(\{[^}]*\}|:[A-Za-z_]\w*|\$\{[^}]*\}|<[^>]*>|%[A-Za-z_]\w*%|\[[A-Za-z_]\w*\])$/;

/** Lengths of the LITERALS: only text of these lengths lower-cases to one of them. */
const LITERAL_LENGTHS = new Set([...LITERALS].map((l) => l.length));
/** The characters a PLACEHOLDER starts with: `{ : $ < % [`. */
const PLACEHOLDER_START = new Set([0x7b, 0x3a, 0x24, 0x3c, 0x25, 0x5b]);

function badSegment(segment: string): string | null {
  if (segment === '') return 'is empty (a `//` in the path)';
  // Both tests are asked only of a segment that could pass them (an id never does).
  if (LITERAL_LENGTHS.has(segment.length) && LITERALS.has(segment.toLowerCase()))
    return `is the literal ${quote(segment)}`;
  if (PLACEHOLDER_START.has(segment.charCodeAt(0)) && PLACEHOLDER.test(segment))
    return `is an unfilled placeholder ${quote(segment)}`;
  return null;
}

/** No path segment is `undefined`, `null`, `[object Object]`, empty, or an unfilled placeholder. */
export const urlIds: Check = {
  id: 'url.ids',
  run(ctx) {
    const url = ctx.url;
    if (!isParsedUrl(url))
      return skip('No URL to check', 'The request URL is unknown or does not parse.');
    const bad: Array<{ i: number; why: string }> = [];
    for (let i = 0; i < url.segments.length; i++) {
      const why = badSegment(url.segments[i]!);
      if (why !== null) bad.push({ i, why });
    }
    const first = bad[0];
    if (first) {
      return fail(
        `Path segment ${first.i + 1} ${first.why}`,
        `The path /${url.path} has ${bad.map((b) => `segment ${b.i + 1} that ${b.why}`).join('; ')}. A variable was not set when the URL was built; the API cannot match such a path and may answer 401.`,
        'Fill every id before the call (the tenant id, e.g. `incose.org`, and the contact id from the token); check for values still loading.',
      );
    }
    const badQuery = url.query.find((q) => LITERALS.has(q.value.toLowerCase()));
    if (badQuery) {
      return warn(
        `Query parameter \`${badQuery.key}\` is ${quote(badQuery.value)}`,
        `The query string sets \`${badQuery.key}=${badQuery.value}\`: a variable was not set.`,
        'Fill the value or leave the parameter out.',
      );
    }
    return pass('Every id in the path is filled', `Path: /${url.path}.`);
  },
};
