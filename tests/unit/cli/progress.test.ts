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

  it('writes nothing when stderr is not a terminal', () => {
    const { written, io: pipe } = io(false);
    const progress = createProgress(pipe, 'reading x.har');
    progress.update(50, 100);
    progress.clear();
    expect(written).toEqual([]);
  });
});
