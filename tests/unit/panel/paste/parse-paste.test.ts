/**
 * Paste mode: whatever a developer copies out of DevTools, a terminal or an HTTP log becomes the
 * parts of a CapturedRequest. The samples below are written the way the tools write them
 * (Chrome's "Copy as cURL (bash)" and "(cmd)", raw request headers, a bare token); tokens are
 * signed at test time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cmdWords,
  parsePaste,
  shellWords,
  type PastedRequest,
} from '../../../../src/panel/paste/parse-paste.js';
import type { HttpHeader } from '../../../../src/analyzer/types.js';
import { signToken } from '../../../helpers/tokens.js';

const JWT = await signToken();
const HOST = 'rolodex.api.rhythmsoftware.com';
const URL_CURRENT = `https://${HOST}/contacts/acme.org/current`;
/** 2026-11-01 was a Sunday. */
const HTTP_DATE = 'Sun, 01 Nov 2026 12:00:00 GMT';

const auth = (value: string): HttpHeader => ({ name: 'Authorization', value });
const header = (list: HttpHeader[], name: string): string | undefined =>
  list.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

interface Case {
  name: string;
  paste: string;
  expected: Partial<PastedRequest>;
}

describe('parsePaste: a token or one header value', () => {
  const cases: Case[] = [
    {
      name: 'reads a bare JWT as the token sent after `Bearer `',
      paste: JWT,
      expected: { kind: 'token', token: JWT, requestHeaders: [auth(`Bearer ${JWT}`)] },
    },
    {
      name: 'trims the whitespace around a bare JWT',
      paste: `\n  ${JWT}  \n`,
      expected: { kind: 'token', token: JWT, requestHeaders: [auth(`Bearer ${JWT}`)] },
    },
    {
      name: 'reads `Bearer <jwt>` without a header name as the Authorization value as pasted',
      paste: `Bearer ${JWT}`,
      expected: { kind: 'header', token: JWT, requestHeaders: [auth(`Bearer ${JWT}`)] },
    },
    {
      name: 'keeps a lower-case scheme as pasted',
      paste: `bearer ${JWT}`,
      expected: { kind: 'header', token: JWT, requestHeaders: [auth(`bearer ${JWT}`)] },
    },
    {
      name: 'extracts the token from `Bearer Bearer <jwt>` and keeps the doubled value as pasted',
      paste: `Bearer Bearer ${JWT}`,
      expected: { kind: 'header', token: JWT, requestHeaders: [auth(`Bearer Bearer ${JWT}`)] },
    },
    {
      name: 'reads an `Authorization: Bearer …` line as one header',
      paste: `Authorization: Bearer ${JWT}`,
      expected: { kind: 'header', token: JWT, requestHeaders: [auth(`Bearer ${JWT}`)] },
    },
    {
      name: 'keeps a misspelled `Authorisation:` name (the analyzer reports it) and still finds the token',
      paste: `Authorisation: Bearer ${JWT}`,
      expected: {
        kind: 'header',
        token: JWT,
        requestHeaders: [{ name: 'Authorisation', value: `Bearer ${JWT}` }],
      },
    },
    {
      name: 'extracts the token from an `Authorization:` line holding `Bearer Bearer <jwt>`',
      paste: `Authorization: Bearer Bearer ${JWT}`,
      expected: { kind: 'header', token: JWT, requestHeaders: [auth(`Bearer Bearer ${JWT}`)] },
    },
    {
      name: 'reads a token sent without a scheme from an `Authorization:` line',
      paste: `Authorization: ${JWT}`,
      expected: { kind: 'header', token: JWT, requestHeaders: [auth(JWT)] },
    },
    {
      name: 'finds no token in a Basic header',
      paste: 'Authorization: Basic YWRhOnMzY3JldA==',
      expected: { kind: 'header', token: null, requestHeaders: [auth('Basic YWRhOnMzY3JldA==')] },
    },
  ];
  it.each(cases)('$name', ({ paste, expected }) => {
    expect(parsePaste(paste)).toMatchObject({ url: null, method: null, ...expected });
  });

  it.each(['', '   ', '\n\t\r\n'])('is empty for blank input %j', (paste) => {
    expect(parsePaste(paste)).toStrictEqual({
      kind: 'empty',
      url: null,
      method: null,
      requestHeaders: [],
      token: null,
    });
  });
});

describe('parsePaste: raw request headers', () => {
  const cases: Case[] = [
    {
      name: 'builds the URL from the request line and Host, and leaves Host out of the headers',
      paste: [
        'GET /contacts/acme.org/current HTTP/1.1',
        `Host: ${HOST}`,
        'Accept: application/json',
        `Authorization: Bearer ${JWT}`,
        `Date: ${HTTP_DATE}`,
      ].join('\r\n'),
      expected: {
        kind: 'headers',
        url: URL_CURRENT,
        method: 'GET',
        token: JWT,
        requestHeaders: [
          { name: 'Accept', value: 'application/json' },
          auth(`Bearer ${JWT}`),
          { name: 'Date', value: HTTP_DATE },
        ],
      },
    },
    {
      name: 'keeps an absolute URL from the request line',
      paste: [`DELETE ${URL_CURRENT} HTTP/1.1`, `Authorization: Bearer ${JWT}`].join('\n'),
      expected: { kind: 'headers', url: URL_CURRENT, method: 'DELETE', token: JWT },
    },
    {
      name: 'reads Firefox raw HTTP/2 headers (request line `HTTP/2`)',
      paste: [
        'GET /contacts/acme.org/current HTTP/2',
        `Host: ${HOST}`,
        `Authorization: Bearer ${JWT}`,
      ].join('\n'),
      expected: { kind: 'headers', url: URL_CURRENT, method: 'GET', token: JWT },
    },
    {
      name: "reads Chrome's raw HTTP/2 headers: URL and method from the pseudo-headers, which are no headers",
      paste: [
        `:authority: ${HOST}`,
        ':method: PATCH',
        ':path: /contacts/acme.org/current',
        ':scheme: https',
        'accept: application/json',
        `authorization: Bearer ${JWT}`,
      ].join('\n'),
      expected: {
        kind: 'headers',
        url: URL_CURRENT,
        method: 'PATCH',
        token: JWT,
        requestHeaders: [
          { name: 'accept', value: 'application/json' },
          { name: 'authorization', value: `Bearer ${JWT}` },
        ],
      },
    },
    {
      name: 'stops at the blank line before a request body',
      paste: [
        'POST /contacts/acme.org/search HTTP/1.1',
        `Host: ${HOST}`,
        `Authorization: Bearer ${JWT}`,
        'Content-Type: application/json',
        '',
        '{"name":"Ada"}',
      ].join('\r\n'),
      expected: {
        kind: 'headers',
        url: `https://${HOST}/contacts/acme.org/search`,
        method: 'POST',
        token: JWT,
        requestHeaders: [
          auth(`Bearer ${JWT}`),
          { name: 'Content-Type', value: 'application/json' },
        ],
      },
    },
    {
      name: 'keeps every colon of a header value (`Date: Sun, 01 Nov 2026 12:00:00 GMT`)',
      paste: [`Date: ${HTTP_DATE}`, `Authorization: Bearer ${JWT}`].join('\n'),
      expected: {
        kind: 'headers',
        url: null,
        method: null,
        token: JWT,
        requestHeaders: [{ name: 'Date', value: HTTP_DATE }, auth(`Bearer ${JWT}`)],
      },
    },
    {
      name: 'finds the token in `X-Authorization` when no Authorization header was sent',
      paste: ['Accept: */*', `X-Authorization: Bearer ${JWT}`].join('\n'),
      expected: { kind: 'headers', token: JWT },
    },
  ];
  it.each(cases)('$name', ({ paste, expected }) => {
    expect(parsePaste(paste)).toMatchObject(expected);
  });
});

/** Chrome's "Copy as cURL (bash)": single quotes, ` \` continuations, `$'…'` when needed. */
const CHROME_BASH_GET = [
  `curl '${URL_CURRENT}' \\`,
  "  -H 'accept: application/json, text/plain, */*' \\",
  "  -H 'accept-language: en-GB,en;q=0.9' \\",
  `  -H 'authorization: Bearer ${JWT}' \\`,
  "  -H 'origin: https://portal.acme.org' \\",
  `  -H 'sec-ch-ua: "Chromium";v="130", "Google Chrome";v="130"' \\`,
  '  --compressed',
].join('\n');

/** Chrome's "Copy as cURL (cmd)": `^"…^"` quoting, `^` escapes and ` ^` continuations. */
const CHROME_CMD_GET = [
  `curl ^"${URL_CURRENT}?page=1^&q=a^%^20b^" ^`,
  '  -H ^"accept: application/json, text/plain, */*^" ^',
  `  -H ^"authorization: Bearer ${JWT}^" ^`,
  '  -H ^"sec-ch-ua: ^\\^"Chromium^\\^";v=^\\^"130^\\^"^" ^',
  '  --compressed',
].join('\n');

describe('parsePaste: curl', () => {
  const cases: Case[] = [
    {
      name: "reads Chrome's Copy as cURL (bash) of a GET",
      paste: CHROME_BASH_GET,
      expected: {
        kind: 'curl',
        url: URL_CURRENT,
        method: 'GET',
        token: JWT,
        requestHeaders: [
          { name: 'accept', value: 'application/json, text/plain, */*' },
          { name: 'accept-language', value: 'en-GB,en;q=0.9' },
          { name: 'authorization', value: `Bearer ${JWT}` },
          { name: 'origin', value: 'https://portal.acme.org' },
          { name: 'sec-ch-ua', value: '"Chromium";v="130", "Google Chrome";v="130"' },
        ],
      },
    },
    {
      name: 'reads Copy as cURL (bash) pasted with Windows line endings',
      paste: CHROME_BASH_GET.replaceAll('\n', '\r\n'),
      expected: { kind: 'curl', url: URL_CURRENT, method: 'GET', token: JWT },
    },
    {
      name: 'infers POST from `--data-raw` (Chrome writes no `-X POST` then)',
      paste: [
        `curl 'https://${HOST}/contacts/acme.org/search' \\`,
        `  -H 'authorization: Bearer ${JWT}' \\`,
        "  -H 'content-type: application/json' \\",
        `  --data-raw '{"name":"Ada"}' \\`,
        '  --compressed',
      ].join('\n'),
      expected: {
        url: `https://${HOST}/contacts/acme.org/search`,
        method: 'POST',
        token: JWT,
        requestHeaders: [
          { name: 'authorization', value: `Bearer ${JWT}` },
          { name: 'content-type', value: 'application/json' },
        ],
      },
    },
    {
      name: 'takes the method from `-X` over the one data implies',
      paste: `curl '${URL_CURRENT}' -X PUT -H 'authorization: Bearer ${JWT}' --data-raw '{}'`,
      expected: { method: 'PUT', token: JWT },
    },
    {
      name: 'takes `-X POST` without data',
      paste: `curl '${URL_CURRENT}' \\\n  -X 'POST' \\\n  -H 'authorization: Bearer ${JWT}'`,
      expected: { method: 'POST', token: JWT },
    },
    {
      name: "decodes `$'…'` ANSI-C quoting, `\\u0021` included (Chrome's escape for `!`)",
      paste: [
        `curl $'https://${HOST}/contacts/acme.org/search?q=hi\\u0021' \\`,
        `  -H $'x-note: it\\'s a tab:\\t, a \\\\ and \\x41\\u00e9\\u0021' \\`,
        `  -H 'authorization: Bearer ${JWT}' \\`,
        `  --data-raw $'{"name":"O\\'Brien\\u0021"}' \\`,
        '  --compressed',
      ].join('\n'),
      expected: {
        url: `https://${HOST}/contacts/acme.org/search?q=hi!`,
        method: 'POST',
        token: JWT,
        requestHeaders: [
          { name: 'x-note', value: "it's a tab:\t, a \\ and Aé!" },
          { name: 'authorization', value: `Bearer ${JWT}` },
        ],
      },
    },
    {
      name: "reads Chrome's Copy as cURL (cmd), undoing its `^` escapes",
      paste: CHROME_CMD_GET,
      expected: {
        kind: 'curl',
        url: `${URL_CURRENT}?page=1&q=a%20b`,
        method: 'GET',
        token: JWT,
        requestHeaders: [
          { name: 'accept', value: 'application/json, text/plain, */*' },
          { name: 'authorization', value: `Bearer ${JWT}` },
          { name: 'sec-ch-ua', value: '"Chromium";v="130"' },
        ],
      },
    },
    {
      name: 'reads the older Copy as cURL (cmd) with plain double quotes, CRLF line endings',
      paste: [
        `curl "${URL_CURRENT}" ^`,
        `  -H "authorization: Bearer ${JWT}" ^`,
        '  --data-raw "{\\"name\\":\\"Ada\\"}" ^',
        '  --compressed',
      ].join('\r\n'),
      expected: { kind: 'curl', url: URL_CURRENT, method: 'POST', token: JWT },
    },
    {
      name: 'reads `curl.exe` with a single cmd-quoted argument',
      paste: `curl.exe ^"${URL_CURRENT}^"`,
      expected: { kind: 'curl', url: URL_CURRENT, method: 'GET', token: null, requestHeaders: [] },
    },
    {
      name: 'takes the URL from `--url`',
      paste: `curl -s --url '${URL_CURRENT}' --header 'Authorization: Bearer ${JWT}'`,
      expected: { url: URL_CURRENT, token: JWT, requestHeaders: [auth(`Bearer ${JWT}`)] },
    },
    {
      name: 'reads the long `--header` form and keeps every colon of a value',
      paste: `curl ${URL_CURRENT} --header 'Date: ${HTTP_DATE}' --header "Authorization: Bearer ${JWT}"`,
      expected: {
        url: URL_CURRENT,
        token: JWT,
        requestHeaders: [{ name: 'Date', value: HTTP_DATE }, auth(`Bearer ${JWT}`)],
      },
    },
    {
      name: 'marks `-u user:pass` as a Basic header without keeping the secret',
      paste: `curl -u 'ada:s3cret' ${URL_CURRENT}`,
      expected: {
        url: URL_CURRENT,
        token: null,
        requestHeaders: [auth('Basic [from curl -u]')],
      },
    },
    {
      name: 'turns `--oauth2-bearer <token>` into the Bearer header curl sends',
      paste: `curl --oauth2-bearer ${JWT} ${URL_CURRENT}`,
      expected: { url: URL_CURRENT, token: JWT, requestHeaders: [auth(`Bearer ${JWT}`)] },
    },
    {
      name: 'extracts the token from `Bearer Bearer <jwt>` in a curl header',
      paste: `curl '${URL_CURRENT}' -H 'authorization: Bearer Bearer ${JWT}'`,
      expected: { token: JWT },
    },
    {
      name: 'does not take the value of `--cookie`, `-A` or `--max-time` for the URL',
      paste: `curl --cookie 'sid=abc' -A 'agent/1' --max-time 5 -H 'Authorization: Bearer ${JWT}' '${URL_CURRENT}'`,
      expected: { url: URL_CURRENT, token: JWT, requestHeaders: [auth(`Bearer ${JWT}`)] },
    },
    {
      name: 'reads short options with their value attached (`-XPOST`, `-H"…"`)',
      paste: `curl -XPOST -H'Authorization: Bearer ${JWT}' ${URL_CURRENT}`,
      expected: {
        url: URL_CURRENT,
        method: 'POST',
        token: JWT,
        requestHeaders: [auth(`Bearer ${JWT}`)],
      },
    },
    {
      name: "reads Chrome's `-H 'name;'` as a header sent empty",
      paste: `curl '${URL_CURRENT}' -H 'authorization;' --compressed`,
      expected: { token: null, requestHeaders: [{ name: 'authorization', value: '' }] },
    },
    {
      name: 'reads `-I` as HEAD',
      paste: `curl -I ${URL_CURRENT}`,
      expected: { method: 'HEAD' },
    },
    {
      name: 'reads a multipart `-F` upload as POST',
      paste: `curl -F 'file=@a.csv' ${URL_CURRENT}`,
      expected: { url: URL_CURRENT, method: 'POST' },
    },
  ];
  it.each(cases)('$name', ({ paste, expected }) => {
    expect(parsePaste(paste)).toMatchObject(expected);
  });

  it('never keeps the `-u` password anywhere in the result', () => {
    const pasted = parsePaste(`curl --user ada:s3cret ${URL_CURRENT}`);
    expect(JSON.stringify(pasted)).not.toContain('s3cret');
    expect(header(pasted.requestHeaders, 'authorization')).toBe('Basic [from curl -u]');
  });
});

describe('shellWords', () => {
  const cases: Array<[name: string, input: string, words: string[]]> = [
    ['splits on runs of whitespace', '  a \t b\n c  ', ['a', 'b', 'c']],
    ['keeps single-quoted text as is', `'a "b" \\n $x'`, ['a "b" \\n $x']],
    ['joins adjacent quoted parts into one word', `a'b'"c"$'d'`, ['abcd']],
    ['drops a backslash-newline continuation', 'a \\\n b', ['a', 'b']],
    ['drops a backslash-CRLF continuation', 'a \\\r\n b', ['a', 'b']],
    [
      'unescapes `\\"` `\\\\` `\\$` inside double quotes only',
      `"a\\"b\\\\c\\$d\\e"`,
      ['a"b\\c$d\\e'],
    ],
    ['keeps an empty quoted word', `a '' b`, ['a', '', 'b']],
    ['reads an unterminated single quote to the end', "a 'b c", ['a', 'b c']],
    ['reads an unterminated double quote to the end', 'a "b c', ['a', 'b c']],
    ["reads an unterminated `$'` to the end", "a $'b\\", ['a', 'b\\']],
    ['keeps a trailing backslash', 'a\\', ['a\\']],
  ];
  it.each(cases)('%s', (_, input, words) => {
    expect(shellWords(input)).toStrictEqual(words);
  });
});

/**
 * The quoting rules of Chrome's "Copy as cURL" (front_end/panels/network/NetworkLogView.ts),
 * restated. bash: `'…'`, or `$'…'` when the value holds `'`, `!` or a control character, with
 * `!` and control characters as `\uHHHH`. cmd: backslashes doubled, `"` as `\"`, every other
 * special character `^`-escaped, the whole in `^"…^"`.
 */
const isControlOrBang = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return c === '!' || code < 0x20 || (code >= 0x7f && code <= 0x9f);
};
function chromeBash(value: string): string {
  const chars = value.split('');
  if (!chars.some((c) => c === "'" || isControlOrBang(c))) return `'${value}'`;
  const escape = (c: string): string => {
    if (c === '\\') return '\\\\';
    if (c === "'") return "\\'";
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return isControlOrBang(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c;
  };
  return `$'${chars.map(escape).join('')}'`;
}
function chromeCmd(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[^a-zA-Z0-9\s_\-:=+~'/.,?;()*`]/g, '^$&')
    .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
    .replace(/\r?\n/g, '^\n\n');
  return `^"${escaped}^"`;
}

describe('shellWords and cmdWords read back what Chrome writes', () => {
  const printable = fc.string({
    unit: fc.constantFrom(...' !"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\n'),
    maxLength: 40,
  });
  const args = (value: fc.Arbitrary<string>) => fc.array(value, { minLength: 1, maxLength: 4 });

  it('recovers every argument of a Copy as cURL (bash) command', () => {
    fc.assert(
      fc.property(args(fc.string({ unit: 'binary', maxLength: 30 })), (values) => {
        const command = ['curl', ...values.map(chromeBash)].join(' \\\n  ');
        expect(shellWords(command)).toStrictEqual(['curl', ...values]);
      }),
      { numRuns: 1000 },
    );
  });

  it('recovers every argument of a Copy as cURL (cmd) command', () => {
    fc.assert(
      fc.property(args(printable), (values) => {
        const command = ['curl', ...values.map(chromeCmd)].join(' ^\n  ');
        expect(cmdWords(command)).toStrictEqual(['curl', ...values]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parsePaste and shellWords on anything', () => {
  /** Strings made mostly of the characters the parsers treat specially. */
  const shellish = fc.string({
    unit: fc.constantFrom(
      "'",
      '"',
      '\\',
      '$',
      '^',
      '%',
      ':',
      ';',
      ' ',
      '\n',
      '\r',
      '\t',
      'a',
      'B',
      '0',
      '-H',
      '-X',
      '-u',
      '--url',
      'curl ',
      'Bearer ',
      'Authorization: ',
      ':path: ',
      'HTTP/1.1',
      '\\u00',
    ),
    maxLength: 60,
  });
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    shellish,
    shellish.map((s) => `curl ${s}`),
    shellish.map((s) => `curl ^"${s}`),
    shellish.map((s) => `GET /x HTTP/1.1\n${s}`),
  );

  it('never throws, and always returns headers that are {name, value} strings', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const pasted = parsePaste(text);
        expect(['token', 'header', 'headers', 'curl', 'empty']).toContain(pasted.kind);
        for (const h of pasted.requestHeaders) {
          expect(Object.keys(h).sort()).toStrictEqual(['name', 'value']);
          expect(typeof h.name).toBe('string');
          expect(typeof h.value).toBe('string');
        }
        expect(pasted.token === null || typeof pasted.token === 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('shellWords never throws and returns strings, unterminated quotes included', () => {
    fc.assert(
      fc.property(fc.oneof(shellish, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const words = shellWords(text);
        expect(words.every((w) => typeof w === 'string')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
