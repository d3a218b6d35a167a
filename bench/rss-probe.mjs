// Loaded with `node --import`: when the process exits, writes its peak RSS (bytes) and CPU time to
// the file named by RHYTHM_BENCH_PROBE, so the benchmark can read what a child process used.
import { writeFileSync } from 'node:fs';

const out = process.env.RHYTHM_BENCH_PROBE;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      out,
      JSON.stringify({
        maxRssBytes: usage.maxRSS * 1024,
        // Every thread's, the process's worker threads included.
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      }),
    );
  });
}
