/**
 * Export from the extension's pages (popup and panel): the support report (SPEC §6), redacted by
 * default, and saving a file. Pure but for `download`, which needs a document.
 */
import {
  reportJson,
  reportMarkdown,
  type ReportContext,
  type ReportOptions,
  type ReportSubject,
} from '../analyzer/index.js';

export type ExportFormat = 'markdown' | 'json';

/** What to export the report as: the format, and the report's options. */
export interface ReportChoice extends ReportOptions {
  format: ExportFormat;
}

export const EXPORT_TYPES: Readonly<Record<ExportFormat, string>> = {
  markdown: 'text/markdown',
  json: 'application/json',
};

/** The one report renderer of the extension: the caller passes the time, version and browser. */
export function renderExport(
  subjects: readonly ReportSubject[],
  choice: ReportChoice,
  context: Omit<ReportContext, 'tool'>,
): string {
  const options: ReportOptions = {
    maskPersonalClaims: choice.maskPersonalClaims === true,
    includeTokenWithoutSignature: choice.includeTokenWithoutSignature === true,
  };
  const full = { ...context, tool: 'extension' as const };
  return choice.format === 'markdown'
    ? reportMarkdown(subjects, full, options)
    : reportJson(subjects, full, options);
}

export function exportFileName(format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `rhythm-auth-${stamp}.${format === 'markdown' ? 'md' : 'json'}`;
}

/** Saves text as a file through a download link (no `downloads` permission needed). */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a report under its dated name (`rhythm-auth-2026-11-01-13-00-00.md`). */
export function saveReport(text: string, format: ExportFormat): void {
  download(text, exportFileName(format), EXPORT_TYPES[format]);
}
