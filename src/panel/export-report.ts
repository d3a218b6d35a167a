/**
 * The panel's export (SPEC §6): the support report of one diagnosis or all of them, redacted by
 * default. Pure: the caller passes the time, version and browser, and the same text is previewed,
 * copied and saved. Pasted entries carry their token (memory only), which is what makes "include
 * the token without its signature" possible for them; captured ones never have a token.
 */
import {
  type ReportContext,
  reportJson,
  reportMarkdown,
  type ReportOptions,
  type ReportSubject,
} from '../analyzer/index.js';
import type { ExportFormat } from '../shared/export.js';
import type { PanelEntry } from './state.js';

export type ExportScope = 'selected' | 'all';

export interface ExportChoice {
  scope: ExportScope;
  format: ExportFormat;
  maskPersonalClaims: boolean;
  includeTokenWithoutSignature: boolean;
}

export const DEFAULT_EXPORT: ExportChoice = {
  scope: 'selected',
  format: 'markdown',
  maskPersonalClaims: false,
  includeTokenWithoutSignature: false,
};

/** Why the token option is off, or null when it can be used for these entries. */
export function tokenOptionBlocked(entries: readonly PanelEntry[]): string | null {
  if (entries.some((e) => typeof e.token === 'string' && e.token !== '')) return null;
  return 'Only for pasted tokens: the extension never stores the tokens it captures.';
}

export function renderReport(
  entries: readonly PanelEntry[],
  choice: ExportChoice,
  context: Omit<ReportContext, 'tool'>,
): string {
  const options: ReportOptions = {
    maskPersonalClaims: choice.maskPersonalClaims,
    includeTokenWithoutSignature:
      choice.includeTokenWithoutSignature && tokenOptionBlocked(entries) === null,
  };
  const subjects: ReportSubject[] = entries.map((e) => ({
    diagnosis: e.diagnosis,
    ...(e.token ? { token: e.token } : {}),
  }));
  const full = { ...context, tool: 'extension' as const };
  return choice.format === 'markdown'
    ? reportMarkdown(subjects, full, options)
    : reportJson(subjects, full, options);
}
