import { describe, expect, it } from 'vitest';
import {
  parseAuthorization,
  type SchemeProblem,
  type SchemeWarning,
} from '../../../../src/analyzer/parse/parse-authorization.js';
import { signToken } from '../../../helpers/tokens.js';

const jwt = await signToken();
const opaque = '8fJ2kLm0QpZxR4';

interface Row {
  name: string;
  value: string;
  problem: SchemeProblem | null;
  scheme: string | null;
  /** The token recovered for the token checks; null when there is none to read. */
  token: string | null;
  warnings?: SchemeWarning[];
  placeholder?: string;
}

const rows: Row[] = [
  // Problems (header.scheme fails).
  { name: 'an empty value', value: '', problem: 'empty', scheme: null, token: null },
  { name: 'only spaces', value: '   ', problem: 'empty', scheme: null, token: null },
  ...['undefined', 'null', '[object Object]', 'NaN', 'Bearer undefined'].map((text) => ({
    name: `the literal ${text}`,
    value: text,
    problem: 'placeholder' as const,
    scheme: null,
    token: null,
    placeholder: text,
  })),
  ...['null', '[object Object]', 'NaN'].map((text) => ({
    name: `Bearer followed by the literal ${text}`,
    value: `Bearer ${text}`,
    problem: 'placeholder' as const,
    scheme: 'Bearer',
    token: null,
    placeholder: text,
  })),
  { name: 'a raw JWT', value: jwt, problem: 'no-scheme', scheme: null, token: jwt },
  { name: 'a raw opaque token', value: opaque, problem: 'no-scheme', scheme: null, token: opaque },
  {
    name: 'Basic credentials',
    value: 'Basic dXNlcjpwYXNz',
    problem: 'other-scheme',
    scheme: 'Basic',
    token: null,
  },
  {
    name: 'Digest credentials',
    value: 'Digest username="a"',
    problem: 'other-scheme',
    scheme: 'Digest',
    token: null,
  },
  {
    name: 'the Token scheme',
    value: `Token ${jwt}`,
    problem: 'other-scheme',
    scheme: 'Token',
    token: jwt,
  },
  {
    name: 'the JWT scheme',
    value: `JWT ${jwt}`,
    problem: 'other-scheme',
    scheme: 'JWT',
    token: jwt,
  },
  {
    name: 'Bearer run into the token',
    value: `Bearer${jwt}`,
    problem: 'no-space',
    scheme: 'Bearer',
    token: jwt,
  },
  {
    name: 'Bearer twice',
    value: `Bearer Bearer ${jwt}`,
    problem: 'double-bearer',
    scheme: 'Bearer',
    token: jwt,
  },
  {
    name: 'Bearer twice, lower-case second',
    value: `Bearer bearer ${jwt}`,
    problem: 'double-bearer',
    scheme: 'Bearer',
    token: jwt,
  },
  {
    name: 'a double-quoted token',
    value: `Bearer "${jwt}"`,
    problem: 'quoted',
    scheme: 'Bearer',
    token: jwt,
  },
  {
    name: 'a single-quoted token',
    value: `Bearer '${jwt}'`,
    problem: 'quoted',
    scheme: 'Bearer',
    token: jwt,
  },
  { name: 'a quoted raw token', value: `"${jwt}"`, problem: 'quoted', scheme: null, token: jwt },
  {
    name: 'a quoted whole value',
    value: `"Bearer ${jwt}"`,
    problem: 'quoted',
    scheme: 'Bearer',
    token: jwt,
  },
  { name: 'Bearer alone', value: 'Bearer', problem: 'no-token', scheme: 'Bearer', token: null },
  {
    name: 'Bearer and a space',
    value: 'Bearer ',
    problem: 'no-token',
    scheme: 'Bearer',
    token: null,
    warnings: ['extra-spaces'],
  },
  // Warnings only (header.scheme warns).
  {
    name: 'a lower-case scheme',
    value: `bearer ${jwt}`,
    problem: null,
    scheme: 'bearer',
    token: jwt,
    warnings: ['lowercase-scheme'],
  },
  {
    name: 'an upper-case scheme',
    value: `BEARER ${jwt}`,
    problem: null,
    scheme: 'BEARER',
    token: jwt,
    warnings: ['lowercase-scheme'],
  },
  {
    name: 'two spaces after Bearer',
    value: `Bearer  ${jwt}`,
    problem: null,
    scheme: 'Bearer',
    token: jwt,
    warnings: ['extra-spaces'],
  },
  {
    name: 'a leading space',
    value: ` Bearer ${jwt}`,
    problem: null,
    scheme: 'Bearer',
    token: jwt,
    warnings: ['extra-spaces'],
  },
  {
    name: 'a trailing space',
    value: `Bearer ${jwt} `,
    problem: null,
    scheme: 'Bearer',
    token: jwt,
    warnings: ['extra-spaces'],
  },
  {
    name: 'a trailing newline',
    value: `Bearer ${jwt}\n`,
    problem: null,
    scheme: 'Bearer',
    token: jwt,
    warnings: ['trailing-newline'],
  },
  {
    name: 'a trailing CRLF',
    value: `Bearer ${jwt}\r\n`,
    problem: null,
    scheme: 'Bearer',
    token: jwt,
    warnings: ['trailing-newline'],
  },
  {
    name: 'a trailing newline and two spaces',
    value: `Bearer  ${jwt}\n`,
    problem: null,
    scheme: 'Bearer',
    token: jwt,
    warnings: ['trailing-newline', 'extra-spaces'],
  },
  // Clean.
  {
    name: 'Bearer, one space, a JWT',
    value: `Bearer ${jwt}`,
    problem: null,
    scheme: 'Bearer',
    token: jwt,
  },
  {
    name: 'Bearer, one space, an opaque token',
    value: `Bearer ${opaque}`,
    problem: null,
    scheme: 'Bearer',
    token: opaque,
  },
];

describe('parseAuthorization', () => {
  it.each(rows)('reads $name', (row) => {
    const parsed = parseAuthorization(row.value);
    expect(parsed).toMatchObject({
      raw: row.value,
      problem: row.problem,
      scheme: row.scheme,
      token: row.token,
      warnings: row.warnings ?? [],
    });
    expect(parsed.placeholder).toBe(row.placeholder);
  });

  it('names every problem and warning value at least once in the table', () => {
    const problems: Record<SchemeProblem, true> = {
      empty: true,
      placeholder: true,
      'no-scheme': true,
      'other-scheme': true,
      'no-space': true,
      'double-bearer': true,
      quoted: true,
      'no-token': true,
    };
    const warnings: Record<SchemeWarning, true> = {
      'lowercase-scheme': true,
      'extra-spaces': true,
      'trailing-newline': true,
    };
    expect(new Set(rows.map((r) => r.problem))).toEqual(new Set([...Object.keys(problems), null]));
    expect(new Set(rows.flatMap((r) => r.warnings ?? []))).toEqual(new Set(Object.keys(warnings)));
  });

  it('keeps a token with whitespace inside whole, for token.format to judge', () => {
    const broken = `${jwt.slice(0, 40)}\n${jwt.slice(40)}`;
    expect(parseAuthorization(`Bearer ${broken}`)).toMatchObject({ problem: null, token: broken });
  });
});
