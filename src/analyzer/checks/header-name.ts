import type { Check } from './outcome.js';
import { fail, pass, skip } from './outcome.js';

/** Guide §1: "The header name is exactly `Authorization`" (HTTP names are case-insensitive). */
export const headerName: Check = {
  id: 'header.name',
  run(ctx) {
    if (ctx.isPreflight) {
      return skip(
        'Preflight: no credentials expected',
        'Browsers never send credentials on a CORS preflight.',
      );
    }
    const source = ctx.source;
    if (!source) {
      return skip(
        'No token sent under any name',
        'Neither an Authorization header nor a look-alike header or token query parameter was found.',
      );
    }
    if (source.kind === 'authorization') {
      return pass(
        'Header name is Authorization',
        `The token was sent in the \`${source.name}\` header (names are case-insensitive).`,
      );
    }
    if (source.kind === 'query') {
      return fail(
        `Token sent in the \`${source.name}\` query parameter`,
        `The URL carries the token as \`?${source.name}=…\`. Rhythm APIs read it only from the Authorization header, and tokens in URLs end up in logs and browser history.`,
        `Remove \`${source.name}\` from the URL and send the header \`Authorization: Bearer <token>\` instead.`,
      );
    }
    return fail(
      `Token sent under the wrong header name \`${source.name}\``,
      `The request has a \`${source.name}\` header that looks like a credential, but no \`Authorization\` header. The API ignores any other name.`,
      'Rename the header to exactly `Authorization`, with the value `Bearer <access_token>`.',
    );
  },
};
