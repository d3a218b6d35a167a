export { analyze, DIAGNOSIS_SCHEMA } from './analyze.js';
export * from './types.js';
export { parseAuthorization } from './parse/parse-authorization.js';
export { decodeToken } from './parse/decode-token.js';
export { parseWwwAuthenticate } from './parse/www-authenticate.js';
export { parseUrl } from './context.js';
export * as rhythm from './rhythm.js';
