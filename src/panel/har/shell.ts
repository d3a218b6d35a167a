/**
 * The browser side of the panel's HAR features, for boot.ts's services: DevTools' network log
 * (saving the file is src/shared/export.ts's `download`). Views reach it through `PanelServices`.
 */
import type { NetworkLike } from '../devtools-network.js';
import { devtoolsApi } from '../environment.js';

/** `chrome.devtools.network.getHAR()` as a promise; rejects outside DevTools. */
export function readNetworkHar(): Promise<unknown> {
  const network = devtoolsApi()?.network as NetworkLike | undefined;
  if (!network) return Promise.reject(new Error("DevTools' network log is not available here"));
  return new Promise((resolve) => network.getHAR((log) => resolve(log)));
}
