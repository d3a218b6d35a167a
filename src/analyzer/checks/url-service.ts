import { isParsedUrl } from '../parse/url.js';
import { RHYTHM_API_DOMAIN, RHYTHM_MODULES, homeModuleOf, moduleHost } from '../rhythm.js';
import { quote } from '../text.js';
import type { Check } from './outcome.js';
import { fail, pass, skip, warn } from './outcome.js';

/** Where the resource is served, for the failures only (a request that passes never builds it). */
function hint(resource: string, rightHost: string | null): string {
  return rightHost
    ? `\`${resource}\` is served by https://${rightHost}.`
    : `Use the module host of the service, e.g. https://rolodex.${RHYTHM_API_DOMAIN} for contacts.`;
}

/** Guide §6: the request goes to the module host that serves its resource, over https. */
export const urlService: Check = {
  id: 'url.service',
  run(ctx) {
    const url = ctx.url;
    if (url === null)
      return skip(
        'No URL given',
        'The request URL is unknown, so the service base URL was not checked.',
      );
    if (!isParsedUrl(url))
      return fail(
        'The URL does not parse',
        `The request URL is ${url.error}.`,
        'Build the URL as `https://<module>.api.rhythmsoftware.com/<resource>/<tenantId>/…`.',
      );
    const resource = url.resource ?? '';
    const home = homeModuleOf(resource);
    const rightHost = home ? moduleHost(home) : null;

    if (url.protocol !== 'https:') {
      return fail(
        `Plain ${url.protocol.replace(':', '')} instead of https`,
        `The request went to ${quote(url.origin)}. Rhythm APIs are served over https only.`,
        `Use https://${url.host}.`,
      );
    }
    if (url.host === RHYTHM_API_DOMAIN) {
      return fail(
        `No API on the bare ${RHYTHM_API_DOMAIN}`,
        `The request went to https://${RHYTHM_API_DOMAIN}, which is the token audience, not a base URL. Each Rhythm service has its own host. ${hint(resource, rightHost)}`,
        rightHost
          ? `Send it to https://${rightHost}${url.segments.length ? '/' + url.rawPath : ''}.`
          : hint(resource, rightHost),
      );
    }
    const extra = ctx.settings.extraApiHosts ?? [];
    if (url.module === null) {
      if (extra.includes(url.host))
        return pass(
          `API host ${url.host} (from settings)`,
          `${url.host} is an extra API host in your settings.`,
        );
      if (url.host.endsWith(`.${RHYTHM_API_DOMAIN}`)) {
        return fail(
          `Unknown Rhythm module host ${url.host}`,
          `There is no module \`${url.host.slice(0, -RHYTHM_API_DOMAIN.length - 1)}\`. Modules: ${RHYTHM_MODULES.join(', ')}. ${hint(resource, rightHost)}`,
          rightHost ? `Send it to https://${rightHost}.` : hint(resource, rightHost),
        );
      }
      return warn(
        `${url.host} is not a Rhythm API host`,
        `Rhythm APIs live on https://<module>.${RHYTHM_API_DOMAIN}. ${hint(resource, rightHost)}`,
        'If this is a Rhythm staging or proxy host, add it as an extra API host in the settings.',
      );
    }
    if (home && home !== url.module) {
      return fail(
        `\`${resource}\` is not served by ${url.host}`,
        `The request asks ${url.module} for \`${resource}\`, which lives in ${home}. A valid token sent to the wrong service base URL gets a 401.`,
        `Send it to https://${rightHost}/${url.rawPath}.`,
      );
    }
    return pass(
      `Service base URL https://${url.host}`,
      home
        ? `\`${resource}\` is served by ${url.module}.`
        : `${url.host} is the ${url.module} service.`,
    );
  },
};
