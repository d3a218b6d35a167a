/** Export from the extension's pages: the support report (SPEC §6), redacted by default. */
import browser from 'webextension-polyfill';
import { reportJson, reportMarkdown, type ReportOptions } from '../analyzer/index.js';
import { currentBrowserName } from './browser-name.js';
import type { StoredDiagnosis } from './stored.js';

export type ExportFormat = 'markdown' | 'json';

export function renderExport(
  entries: StoredDiagnosis[],
  format: ExportFormat,
  options: ReportOptions = {},
): string {
  const context = {
    extensionVersion: browser.runtime.getManifest().version,
    browser: currentBrowserName(),
    generatedAt: Date.now(),
    tool: 'extension' as const,
  };
  const diagnoses = entries.map((e) => e.diagnosis);
  return format === 'markdown'
    ? reportMarkdown(diagnoses, context, options)
    : reportJson(diagnoses, context, options);
}

export function exportFileName(format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `rhythm-auth-${stamp}.${format === 'markdown' ? 'md' : 'json'}`;
}

/** Saves text as a file through a download link (no `downloads` permission needed). */
export function saveFile(text: string, format: ExportFormat): void {
  const type = format === 'markdown' ? 'text/markdown' : 'application/json';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(format);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
