/**
 * The panel's export (SPEC §6): the support report of one diagnosis or all of them, redacted by
 * default, through the extension's one renderer (src/shared/export.ts). The same text is
 * previewed, copied and saved. Pasted entries carry their token (memory only), which is what makes
 * "include the token without its signature" possible for them; captured ones never have a token.
 */
import type { ReportContext } from '../../analyzer/index.js';
import { renderExport, type ReportChoice } from '../../shared/export.js';
import type { PanelEntry } from '../entry.js';

export type ExportScope = 'selected' | 'all';

export interface ExportChoice extends Required<ReportChoice> {
  scope: ExportScope;
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
  const subjects = entries.map((e) => ({
    diagnosis: e.diagnosis,
    ...(e.token ? { token: e.token } : {}),
    ...(e.source === 'paste' ? { pasted: true } : {}),
  }));
  const includeTokenWithoutSignature =
    choice.includeTokenWithoutSignature && tokenOptionBlocked(entries) === null;
  return renderExport(subjects, { ...choice, includeTokenWithoutSignature }, context);
}
