/** What the panel lists and what it saw: its two entry shapes, apart from the state that holds them. */
import type { RequestKey } from '../analyzer/index.js';
import type { StoredDiagnosis } from '../shared/stored.js';

/** A diagnosis the panel lists: kept by the worker, or pasted or imported here (memory only). */
export interface PanelEntry extends StoredDiagnosis {
  /** Pasted entries only: the token as pasted, for an export that asks for it (SPEC §6). */
  token?: string | null;
  /** Imported entries only: the name of the HAR file it was read from. */
  harFile?: string;
}

/**
 * A 401 DevTools saw, so its body can be shown beside the worker's diagnosis of it. Matched by its
 * request key (`requestKey`, no analysis here: the worker diagnoses it).
 */
export interface SeenRequest {
  /** DevTools' own key of the entry (`harEntryKey`), under which the panel holds its request. */
  key: string;
  requestKey: RequestKey;
  body?: string;
}
