/**
 * The walk over one JSON text (a HAR entry, a page, a JSON body): what each string is, from where
 * it stands (a header's value by the header's name, a cookie's value, a parameter or member with
 * a secret name, a body by its mimeType and encoding), and its replacement spliced into the text,
 * every other byte kept. Iterative: depth costs memory, never stack.
 */
import { headerClass, isSecretMember, REDACTED } from '../../analyzer/index.js';
import {
  applySplices,
  type JsonNode,
  type JsonObject,
  type JsonString,
  type Splice,
} from '../json-tree.js';
import {
  replaceCredential,
  sanitizeCookieHeader,
  sanitizeCookieValue,
  sanitizeCredentialHeader,
  sanitizeSetCookie,
} from './credentials.js';
import type { Scope } from './scope.js';
import { replaceCopies, sanitizeString } from './text.js';

/** Where a node stands in a HAR (or `any` inside a body: no HAR structure expected). */
export type Place =
  | 'entry'
  | 'request'
  | 'response'
  | 'page'
  | 'headers'
  | 'cookies'
  | 'pairs'
  | 'body-holder'
  | 'any';

/** A string's treatment. */
type StringRole =
  | { kind: 'text' }
  | { kind: 'key' }
  | { kind: 'meta' } // HAR bookkeeping: a date, a method, a header's name
  | { kind: 'header'; header: string }
  | { kind: 'cookie' }
  | { kind: 'secret' }
  | { kind: 'body'; mime: string; base64: boolean };

export interface DocumentHints {
  mime: string;
  base64: boolean;
}

/** documents.ts: the rules for a string that may be a document (a body, a JSON string…). */
export type DocumentRule = (text: string, hints: DocumentHints, scope: Scope) => string;

const META: Partial<Record<Place, ReadonlySet<string>>> = {
  entry: new Set(['startedDateTime', 'pageref', 'connection', 'serverIPAddress']),
  request: new Set(['method', 'httpVersion']),
  response: new Set(['statusText', 'httpVersion']),
  page: new Set(['id', 'startedDateTime']),
  'body-holder': new Set(['mimeType', 'encoding', 'compression']),
};

const CHILD: Partial<Record<Place, Readonly<Record<string, Place>>>> = {
  entry: { request: 'request', response: 'response' },
  request: {
    headers: 'headers',
    cookies: 'cookies',
    queryString: 'pairs',
    postData: 'body-holder',
  },
  response: { headers: 'headers', cookies: 'cookies', content: 'body-holder' },
  'body-holder': { params: 'pairs' },
};

function member(node: JsonObject, key: string): JsonNode | undefined {
  for (let i = node.keys.length - 1; i >= 0; i--)
    if (node.keys[i]!.value === key) return node.values[i];
  return undefined;
}

function stringMember(node: JsonObject, key: string): string | null {
  const value = member(node, key);
  return value?.kind === 'string' ? value.value : null;
}

/** The role of an object's member, from the object's place and its other members. */
function roleOf(place: Place, node: JsonObject, key: string, value: JsonNode): StringRole {
  if (META[place]?.has(key)) return { kind: 'meta' };
  const pairs = place === 'headers' || place === 'cookies' || place === 'pairs';
  if (pairs && key === 'name') return { kind: 'meta' };
  if (place === 'cookies') return { kind: key === 'value' ? 'cookie' : 'meta' };
  // `{name, value}`: a header, a query or form parameter (in a HAR, or a body quoting one).
  const name = key === 'value' ? stringMember(node, 'name') : null;
  if (name !== null && (pairs || place === 'any')) {
    if (place !== 'pairs' && headerClass(name) !== 'plain') return { kind: 'header', header: name };
    const probe = value.kind === 'string' ? value.value : value.kind === 'number' ? 0 : null;
    if (isSecretMember(name, probe, 'query')) return { kind: 'secret' };
  }
  // A body: `postData`/`content`, or any object that says what its text is (`mimeType`).
  if (key === 'text' && (place === 'body-holder' || stringMember(node, 'mimeType') !== null)) {
    return {
      kind: 'body',
      mime: stringMember(node, 'mimeType') ?? '',
      base64: stringMember(node, 'encoding') === 'base64',
    };
  }
  if (pairs) return { kind: 'text' };
  // A member named like a credential (`"password"`, `_rhythmNote.token`); one named like the
  // headers whose values have a syntax (`"Authorization": "Bearer …"`, `"cookie"`) as that header.
  const kind = headerClass(key);
  if (
    kind === 'cookie' ||
    kind === 'set-cookie' ||
    (kind === 'credential' && /^(?:proxy[-_]?)?authori[sz]ation$/i.test(key))
  ) {
    return { kind: 'header', header: key };
  }
  const probe = value.kind === 'string' ? value.value : value.kind === 'number' ? 0 : null;
  return isSecretMember(key, probe, 'json') ? { kind: 'secret' } : { kind: 'text' };
}

function sanitizeRole(
  text: string,
  role: StringRole,
  scope: Scope,
  document: DocumentRule,
): string {
  switch (role.kind) {
    case 'meta':
      return text;
    case 'key':
      return sanitizeString(text, scope);
    case 'text':
      return document(text, { mime: '', base64: false }, scope);
    case 'body':
      return document(text, role, scope);
    case 'cookie':
      return replaceCopies(sanitizeCookieValue(text, scope), scope);
    case 'secret': {
      const out = replaceCredential(text, scope, false);
      if (out !== text) scope.changes.bodyFields++;
      return out === text ? sanitizeString(text, scope) : out;
    }
    case 'header': {
      const kind = headerClass(role.header);
      const out =
        kind === 'cookie'
          ? sanitizeCookieHeader(text, scope)
          : kind === 'set-cookie'
            ? sanitizeSetCookie(text, scope)
            : sanitizeCredentialHeader(text, scope);
      return sanitizeString(out, scope);
    }
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}

/** `text` (the JSON text of `root`) with every string sanitized by its place; unchanged: `text`. */
export function sanitizeTree(
  text: string,
  root: JsonNode,
  place: Place,
  scope: Scope,
  document: DocumentRule,
): string {
  const splices: Splice[] = [];
  const visitString = (node: JsonString, role: StringRole) => {
    const out = sanitizeRole(node.value, role, scope, document);
    if (out !== node.value)
      splices.push({ start: node.start, end: node.end, text: JSON.stringify(out) });
  };
  const stack: Array<{ node: JsonNode; place: Place; role: StringRole }> = [
    { node: root, place, role: { kind: 'text' } },
  ];
  while (stack.length > 0) {
    const { node, place: at, role } = stack.pop()!;
    if (node.kind === 'string') {
      visitString(node, role);
    } else if (node.kind === 'number') {
      // A number where a credential stands (`"pin": 1234`): it goes, as the string `[redacted]`.
      if (role.kind === 'secret') {
        scope.changes.bodyFields++;
        splices.push({ start: node.start, end: node.end, text: JSON.stringify(REDACTED) });
      }
    } else if (node.kind === 'array') {
      // Polly.JS writes a header's values as an array: each one is that header's value.
      const itemPlace: Place =
        at === 'headers' || at === 'cookies' || at === 'pairs'
          ? at
          : role.kind === 'text'
            ? 'any'
            : at;
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i]!;
        stack.push({ node: item, place: item.kind === 'object' ? itemPlace : 'any', role });
      }
    } else if (node.kind === 'object') {
      for (let i = node.keys.length - 1; i >= 0; i--) {
        const key = node.keys[i]!;
        const value = node.values[i]!;
        // A key is a name, but names are page data too (`{"eyJhbGciOi…": 1}`).
        if (at === 'any') visitString(key, { kind: 'key' });
        const childPlace = CHILD[at]?.[key.value] ?? 'any';
        const childRole = roleOf(at, node, key.value, value);
        stack.push({
          node: value,
          place: value.kind === 'string' ? at : childPlace,
          role: childRole,
        });
      }
    }
  }
  return applySplices(text, splices);
}
