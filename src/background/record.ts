/**
 * The worker's one way to diagnose a 401 and keep it, whoever saw it (webRequest, or DevTools
 * through `add-captured`): the entry, the tab store (which drops a request it already keeps), the
 * token held in memory for the active checks, then the badge and the panel (`onDiagnosed`).
 */
import {
  analyze,
  createScrubber,
  requestSecrets,
  type AnalyzerSettings,
  type CapturedRequest,
} from '../analyzer/index.js';
import type { CaptureSource, StoredDiagnosis } from '../shared/stored.js';
import type { AddResult, TabStore } from '../shared/tab-store.js';

export interface RecordDeps {
  store: TabStore;
  settings: () => AnalyzerSettings;
  now: () => number;
  onDiagnosed: (entry: StoredDiagnosis, count: number) => void;
  /** Keeps a diagnosed request's token in memory for the active checks (active/held-tokens.ts). */
  hold?: (entry: StoredDiagnosis, request: CapturedRequest) => void;
}

/** The first 2 KB of a 401 body: what storage.session keeps of it. */
export const BODY_CHARS = 2048;

/**
 * A 401 body goes to storage.session: a gateway that echoes the request's token or credentials
 * in its error body must not put them there (SPEC §7).
 */
function scrubBody(body: string, request: CapturedRequest): string {
  const { token, secrets } = requestSecrets(request);
  return createScrubber({ token, secrets, keepHeaderPayload: false })(body.slice(0, BODY_CHARS));
}

export function createRecorder(deps: RecordDeps) {
  /** `<source>:<key>` is the entry's id (the webRequest id, DevTools' HAR entry key). */
  return async function record(
    source: Extract<CaptureSource, 'webRequest' | 'devtools'>,
    key: string,
    request: CapturedRequest,
    where: { tabId: number; responseBody?: string; headersNotSeen?: boolean },
  ): Promise<AddResult & { entry: StoredDiagnosis }> {
    const entry: StoredDiagnosis = {
      id: `${source}:${key}`,
      tabId: where.tabId,
      source,
      capturedAt: deps.now(),
      ...(where.responseBody !== undefined
        ? { responseBody: scrubBody(where.responseBody, request) }
        : {}),
      diagnosis: analyze(
        request,
        where.headersNotSeen ? { ...deps.settings(), harCredentials: 'not-seen' } : deps.settings(),
      ),
    };
    const result = await deps.store.add(entry);
    if (result.added) {
      deps.hold?.(entry, request);
      deps.onDiagnosed(entry, result.count);
    }
    return { ...result, entry };
  };
}

export type Recorder = ReturnType<typeof createRecorder>;
