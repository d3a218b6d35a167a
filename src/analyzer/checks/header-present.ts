import { redactUrl } from '../redact/redact.js';
import type { Check } from './outcome.js';
import { fail, pass, skip } from './outcome.js';

function origin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

const FIX_EXPORT =
  'Export the HAR again with its headers (Chrome and Edge: "Export HAR (with sensitive data)", after ticking "Allow to generate HAR with sensitive data" in DevTools Settings → Preferences → Network; Firefox and Safari keep them) and diagnose that file.';

/** Guide §1: the request carried an Authorization header; a cross-origin redirect drops it. */
export const headerPresent: Check = {
  id: 'header.present',
  run(ctx) {
    if (ctx.isPreflight) {
      return skip(
        'Preflight: no credentials expected',
        'Browsers never send credentials on a CORS preflight.',
      );
    }
    if (ctx.authorization) {
      return pass(
        'Authorization header present',
        `The request carried an \`${ctx.source?.name ?? 'Authorization'}\` header.`,
      );
    }
    if (ctx.source) {
      return fail(
        'No Authorization header',
        `There is no \`Authorization\` header; a token was sent in \`${ctx.source.name}\` instead (see header.name).`,
        'Send the token in the `Authorization` header.',
      );
    }
    const redirectedFrom = ctx.request.redirectedFrom ?? [];
    // The final URL is parsed only for a request that was redirected.
    const finalOrigin = redirectedFrom.length > 0 ? origin(ctx.request.url) : null;
    const crossOrigin = redirectedFrom.find((from) => {
      const o = origin(from);
      return o !== null && finalOrigin !== null && o !== finalOrigin;
    });
    if (crossOrigin) {
      return fail(
        'Authorization header dropped by a cross-origin redirect',
        `The request was redirected from ${redactUrl(crossOrigin)} to ${redactUrl(ctx.request.url)}. Browsers (and most HTTP clients) remove the Authorization header when a redirect leaves the origin, so the API got no token.`,
        `Call the final URL directly (${redactUrl(ctx.request.url)}) instead of the one that redirects.`,
      );
    }
    const exported = ctx.settings.harCredentials;
    if (exported === 'not-seen') {
      return fail(
        'Request headers not seen: the extension restarted while this request was in flight',
        'The browser restarted the extension while this request was in flight, so its request headers (`Authorization` among them) were not seen: this 401 is diagnosed from its response alone. The request may well have carried a token; it cannot be checked here.',
        'Send the request again (reload the page or repeat the action) with the extension running, or open DevTools first: the panel then sees its headers.',
      );
    }
    if (exported === 'removed') {
      return fail(
        'No Authorization header in this HAR: the exporter removed it',
        'This HAR was exported without its credentials: Chrome\'s "Export HAR (sanitized)", its default since Chrome 130, removes Authorization, Cookie and Set-Cookie (other Rhythm calls in it succeeded without the header, which only an exporter does). The request may well have carried a token; the HAR does not show it, so it cannot be checked.',
        FIX_EXPORT,
      );
    }
    if (exported === 'maybe-removed') {
      return fail(
        'No Authorization header: not sent, or removed when the HAR was exported',
        'No request in this HAR carries any credential: either the app never sent the token, or the HAR was exported sanitized (Chrome\'s "Export HAR (sanitized)", its default since Chrome 130, removes Authorization, Cookie and Set-Cookie).',
        `${FIX_EXPORT} If it was exported with them and still has none, the app did not send the token: send \`Authorization: Bearer <access_token>\`.`,
      );
    }
    return fail(
      'No Authorization header',
      'The request carried no Authorization header and no token under any other name.',
      'Send `Authorization: Bearer <access_token>`. In fetch: `fetch(url, { headers: { Authorization: `Bearer ${token}` } })`; check that the code that adds it ran (an interceptor, a token that was still loading).',
    );
  },
};
