/**
 * The support report (SPEC §6) for library users: one diagnosis or many, redacted by default, as
 * Markdown to paste into a ticket or as JSON. What the analyzer cannot know (who made it, when)
 * is filled in here.
 */
import {
  buildReport,
  renderJson as renderReportJson,
  renderMarkdown as renderReportMarkdown,
  type ReportInput,
  type ReportOptions,
} from '../analyzer/index.js';

/** Set by the build from package.json (esbuild `define`). */
declare const __RHYTHM_AUTH_VERSION__: string | undefined;
const VERSION = typeof __RHYTHM_AUTH_VERSION__ === 'string' ? __RHYTHM_AUTH_VERSION__ : '0.0.0-dev';

export interface RenderOptions extends ReportOptions {
  /** When the report was made, epoch ms; default now. */
  generatedAt?: number;
}

function report(input: ReportInput | readonly ReportInput[], options: RenderOptions) {
  const { generatedAt = Date.now(), ...reportOptions } = options;
  const context = {
    extensionVersion: VERSION,
    browser: `Node.js ${process.versions.node} (${process.platform} ${process.arch})`,
    generatedAt,
    tool: 'library',
  } as const;
  return buildReport(input, context, reportOptions);
}

/**
 * The Markdown support report. Pass `{diagnosis, token, secrets}` (`requestSecrets(request)`
 * gives the last two) so the token and credential headers are scrubbed from every string, too.
 */
export function renderMarkdown(
  input: ReportInput | readonly ReportInput[],
  options: RenderOptions = {},
): string {
  return renderReportMarkdown(report(input, options));
}

/** The same report as JSON (schema `rhythm-auth/report@1`). */
export function renderJson(
  input: ReportInput | readonly ReportInput[],
  options: RenderOptions = {},
): string {
  return renderReportJson(report(input, options));
}
