import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/cli/progress.js';

function io(tty: boolean) {
  const written: string[] = [];
  return { written, io: { stderr: (t: string) => void written.push(t), stderrIsTty: tty } };
}

describe('createProgress', () => {
  it('writes the percentage of bytes on one rewritten line, then erases it, on a terminal', () => {
    const { written, io: tty } = io(true);
    const progress = createProgress(tty, 'reading x.har');
    progress.update(0, 200);
    progress.update(1, 200); // still 0 %: not written again
    progress.update(100, 200);
    progress.update(200, 200);
    progress.clear();
    expect(written).toEqual([
      '\rrhythm-auth: reading x.har 0%',
      '\rrhythm-auth: reading x.har 50%',
      '\rrhythm-auth: reading x.har 100%',
      '\r\u001b[K',
    ]);
  });

  it('keeps the line shorter than the terminal, so `\\r` can rewrite it (the path loses its head)', () => {
    const written: string[] = [];
    const progress = createProgress(
      { stderr: (t: string) => void written.push(t), stderrIsTty: true, stderrColumns: 40 },
      `reading /very/long/path/to/a/folder/with/the/portal.har`,
    );
    progress.update(50, 100);
    expect(written).toEqual(['\r…th/to/a/folder/with/the/portal.har 50%']);
    expect([...written[0]!.slice(1)].length).toBe(39);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { written, io: pipe } = io(false);
    const progress = createProgress(pipe, 'reading x.har');
    progress.update(50, 100);
    progress.clear();
    expect(written).toEqual([]);
  });
});
