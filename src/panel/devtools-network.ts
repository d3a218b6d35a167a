/**
 * What DevTools' network log sees (SPEC §7): every request of the inspected tab, from any site,
 * without host permissions. `getHAR()` backfills what DevTools recorded before the panel was
 * first shown, `onRequestFinished` follows from then on. 401s to the Rhythm API hosts are read
 * with their body (first 2 KB) and handed to `onSeen`. Browser-free: `network` is passed in.
 */
import { isDiagnosable, type AnalyzerSettings, type CapturedRequest } from '../analyzer/index.js';
import { capturedFromHarEntry, harEntryKey, harResponseText } from '../har/entry.js';

/** A HAR entry as `chrome.devtools.network` hands it out: with `getContent` for the body. */
export interface DevtoolsRequest {
  getContent?(callback: (content: string | null, encoding: string) => void): void;
}

export interface NetworkLike {
  getHAR(callback: (log: { entries?: unknown[] } | undefined) => void): void;
  onRequestFinished: {
    addListener(listener: (request: unknown) => void): void;
    removeListener(listener: (request: unknown) => void): void;
  };
  /** The inspected page navigated (to this URL). */
  onNavigated?: {
    addListener(listener: (url: string) => void): void;
  };
}

export interface SeenCapture {
  request: CapturedRequest;
  key: string;
  responseBody?: string;
}

export interface WatchOptions {
  network: NetworkLike;
  /** Read at each request: which ones are ours (`isDiagnosable`: extra hosts, 403s). */
  settings(): AnalyzerSettings;
  onSeen(captures: SeenCapture[]): void;
}

export const BODY_CHARS = 2048;
/** `getContent` may never answer for an evicted body: do not wait for it forever. */
export const CONTENT_TIMEOUT_MS = 2000;

function bodyOf(entry: unknown): Promise<string | undefined> {
  const getContent = (entry as DevtoolsRequest | null)?.getContent;
  if (typeof getContent !== 'function') return Promise.resolve(harResponseText(entry, BODY_CHARS));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(harResponseText(entry, BODY_CHARS)), CONTENT_TIMEOUT_MS);
    try {
      getContent.call(entry, (content, encoding) => {
        clearTimeout(timer);
        // Base64 is a binary body: not something to show as text.
        resolve(
          typeof content === 'string' && content !== '' && encoding !== 'base64'
            ? content.slice(0, BODY_CHARS)
            : undefined,
        );
      });
    } catch {
      clearTimeout(timer);
      resolve(harResponseText(entry, BODY_CHARS));
    }
  });
}

/** The capture of one HAR entry when it is ours to diagnose (`isDiagnosable`). */
export function relevantCapture(
  entry: unknown,
  settings: AnalyzerSettings,
): CapturedRequest | null {
  const request = capturedFromHarEntry(entry);
  return request && isDiagnosable(request, settings) ? request : null;
}

async function read(entries: readonly unknown[], options: WatchOptions): Promise<SeenCapture[]> {
  const out: SeenCapture[] = [];
  for (const entry of entries) {
    const request = relevantCapture(entry, options.settings());
    if (!request) continue;
    const responseBody = await bodyOf(entry);
    out.push({
      request,
      key: harEntryKey(request),
      ...(responseBody !== undefined ? { responseBody } : {}),
    });
  }
  return out;
}

export function watchNetwork(options: WatchOptions): () => void {
  let stopped = false;
  const emit = (captures: SeenCapture[]) => {
    if (!stopped && captures.length > 0) options.onSeen(captures);
  };
  const onFinished = (entry: unknown) => void read([entry], options).then(emit);
  options.network.onRequestFinished.addListener(onFinished);
  options.network.getHAR((log) => void read(log?.entries ?? [], options).then(emit));
  return () => {
    stopped = true;
    options.network.onRequestFinished.removeListener(onFinished);
  };
}
