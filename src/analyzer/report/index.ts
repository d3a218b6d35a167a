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

type Render = (
  input: ReportInput | readonly ReportInput[],
  context: ReportContext,
  options?: ReportOptions,
) => string;

/** The Markdown report of one diagnosis or many (a panel exporting a whole tab). */
export const reportMarkdown: Render = (input, context, options = {}) =>
  renderMarkdown(buildReport(input, context, options));

/** The same report as JSON (rhythm-auth/report@1). */
export const reportJson: Render = (input, context, options = {}) =>
  renderJson(buildReport(input, context, options));
