/** The support report (SPEC §6): build once, render as Markdown or JSON. */
import { renderMarkdown } from './markdown.js';
import {
  buildReport,
  renderJson,
  type ReportContext,
  type ReportInput,
  type ReportOptions,
} from './report.js';

export * from './format.js';
export {
  renderMarkdown,
  renderMarkdownHead,
  renderMarkdownSection,
  type ReportHead,
} from './markdown.js';
export * from './report.js';

/** The Markdown report of one diagnosis or many (a panel exporting a whole tab). */
export function reportMarkdown(
  input: ReportInput | readonly ReportInput[],
  context: ReportContext,
  options: ReportOptions = {},
): string {
  return renderMarkdown(buildReport(input, context, options));
}

export function reportJson(
  input: ReportInput | readonly ReportInput[],
  context: ReportContext,
  options: ReportOptions = {},
): string {
  return renderJson(buildReport(input, context, options));
}
