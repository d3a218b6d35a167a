/**
 * Paste mode: a token, an `Authorization:` line or a curl command (and optionally a URL) → the
 * same checks as a captured 401, for tokens from server code no browser saw. Pure: the time and
 * the settings are inputs. The entry stays in the panel (never sent to the worker or the badge).
 */
import { analyze, type AnalyzerSettings, type CapturedRequest } from '../../analyzer/index.js';
import { parsePaste, type PastedRequest } from './parse-paste.js';
import type { PanelEntry } from '../entry.js';

export const PASTE_KINDS: Readonly<Record<PastedRequest['kind'], string>> = {
  token: 'a token',
  header: 'an Authorization header',
  headers: 'request headers',
  curl: 'a curl command',
  empty: 'nothing',
};

export interface PasteInput {
  text: string;
  /** Optional; wins over a URL found in the pasted text. */
  url: string;
}

/**
 * A pasted request was never sent from here, so no response was seen: status 0 says so to the
 * analyzer (server.challenge: "No response"), the detail and the report ("pasted", not "401").
 */
export const PASTED_STATUS = 0;

export interface Pasted {
  parsed: PastedRequest;
  request: CapturedRequest;
}

export function readPaste(input: PasteInput, now: number): Pasted | { error: string } {
  const parsed = parsePaste(input.text);
  if (parsed.kind === 'empty')
    return { error: 'Paste a token, an Authorization line or a curl command.' };
  const url = input.url.trim() || parsed.url || '';
  return {
    parsed,
    request: {
      url,
      method: parsed.method ?? 'GET',
      status: PASTED_STATUS,
      sentAt: now,
      requestHeaders: parsed.requestHeaders,
      responseHeaders: [],
    },
  };
}

export function pastedEntry(
  pasted: Pasted,
  context: { tabId: number; now: number; seq: number; settings: AnalyzerSettings },
): PanelEntry {
  return {
    id: `paste:${context.seq}`,
    tabId: context.tabId,
    source: 'paste',
    capturedAt: context.now,
    diagnosis: analyze(pasted.request, context.settings),
    token: pasted.parsed.token,
  };
}
