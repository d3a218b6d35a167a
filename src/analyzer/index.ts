export { analyze, DIAGNOSIS_SCHEMA } from './analyze.js';
export * from './types.js';
export { parseAuthorization } from './parse-authorization.js';
export { decodeToken } from './decode-token.js';
export { parseWwwAuthenticate } from './www-authenticate.js';
export { parseUrl } from './context.js';
export * as rhythm from './rhythm.js';
