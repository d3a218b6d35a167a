/**
 * Progress of a long read on stderr, only when stderr is a terminal (a pipe or a log file gets
 * nothing): the percentage of bytes read, on one line that is rewritten, then erased.
 */
export interface ProgressIo {
  stderr(text: string): void;
  stderrIsTty: boolean;
  /** The terminal's width: a longer line would wrap, and `\r` could not rewrite it. */
  stderrColumns?: number;
}

export interface Progress {
  update(done: number, total: number): void;
  clear(): void;
}

export function createProgress(io: ProgressIo, label: string): Progress {
  if (!io.stderrIsTty) return { update() {}, clear() {} };
  let shown = -1;
  return {
    update(done, total) {
      const percent = total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 100;
      if (percent === shown) return;
      shown = percent;
      const line = `rhythm-auth: ${label} ${percent}%`;
      const max = (io.stderrColumns ?? 0) - 1;
      io.stderr(
        `\r${max > 10 && line.length > max ? `…${line.slice(line.length - max + 1)}` : line}`,
      );
    },
    clear() {
      // Carriage return, then erase to the end of the line (ECMA-48 EL).
      if (shown >= 0) io.stderr('\r\x1b[K');
      shown = -1;
    },
  };
}
