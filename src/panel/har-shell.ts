/**
 * The browser side of the panel's HAR features, for boot.ts's services: DevTools' network log
 * and saving a file. Views reach these only through `PanelServices`.
 */
import type { NetworkLike } from './devtools-network.js';
import { devtoolsApi } from './environment.js';

/** `chrome.devtools.network.getHAR()` as a promise; rejects outside DevTools. */
export function readNetworkHar(): Promise<unknown> {
  const network = devtoolsApi()?.network as NetworkLike | undefined;
  if (!network) return Promise.reject(new Error("DevTools' network log is not available here"));
  return new Promise((resolve) => network.getHAR((log) => resolve(log)));
}

/** Saves text under a file name through a download link (no `downloads` permission needed). */
export function saveHarFile(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
