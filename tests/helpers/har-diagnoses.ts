/**
 * What `rhythm-auth diagnose --har` says about a file, in process: the diagnoses as `--json`
 * prints them (redacted by the report's rules), the Markdown report `--markdown --include-token`
 * prints, and the counts and export finding of the summary.
 */
import {
  buildReport,
  redactDiagnosis,
  renderMarkdown,
  requestSecrets,
  type ReportSubject,
} from '../../src/analyzer/index.js';
import { createHarCollector } from '../../src/har/collect.js';
import { openHarFile } from '../../src/har/node/read-file.js';
import { readHarEntries } from '../../src/har/read-entries.js';

export async function harDiagnoses(path: string) {
  const subjects: ReportSubject[] = [];
  const collector = createHarCollector({}, ({ request, diagnosis }) => {
    subjects.push({ diagnosis, ...requestSecrets(request) });
  });
  const file = await openHarFile(path);
  await readHarEntries(file.chunks, collector.entry, file.options);
  const context = {
    extensionVersion: '0.0.0',
    browser: 'test',
    generatedAt: 0,
    tool: 'cli',
  } as const;
  return {
    json: subjects.map((s) => redactDiagnosis(s)),
    markdown: renderMarkdown(
      buildReport(subjects, context, { includeTokenWithoutSignature: true }),
    ),
    counts: collector.counts(),
  };
}
