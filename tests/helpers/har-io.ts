/** A HarIo that keeps what `diagnoseHar` writes: stdout's pieces and stderr's, no terminal. */
import type { HarIo } from '../../src/cli/har.js';

export function recordingHarIo(): HarIo & { writes: string[]; err: string[] } {
  const writes: string[] = [];
  const err: string[] = [];
  return {
    writes,
    err,
    stdout: (text) =>
      void writes.push(typeof text === 'string' ? text : Buffer.from(text).toString('utf8')),
    stderr: (text) => void err.push(text),
    stderrIsTty: false,
    env: {},
    stdoutIsTty: false,
    version: '0.0.0',
    runtime: 'test',
    now: () => 0,
  };
}
