/**
 * SPEC §9: `analyze()` per request next to `jose.decodeJwt` alone on the same tokens, in Node,
 * with node:crypto's SHA-256 for the fingerprint (what the CLI and the library pass). Many rounds,
 * alternating the two; the figure is the median of the per-round ratios, which holds across
 * machines. Reported beside it: the same analyze() with the analyzer's own pure-JS SHA-256, the
 * digest the browser uses (run here, in Node's V8).
 */
import { decodeJwt } from 'jose';
import { analyze } from '../src/analyzer/analyze.js';
import type { AnalyzerSettings } from '../src/analyzer/types.js';
import { nodeSha256Hex } from '../src/node/sha256.js';
import type { BenchOutput } from './run.js';
import { benchRequests } from './tokens.js';

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchAnalyze(rounds = 41): Promise<BenchOutput> {
  const { requests, tokens } = await benchRequests(1000);
  let sink = 0;
  const runWith = (settings: AnalyzerSettings) => () => {
    for (const r of requests) sink += analyze(r, settings).checks.length;
  };
  const runNode = runWith({ sha256Hex: nodeSha256Hex });
  const runPureJs = runWith({});
  const runDecode = () => {
    for (const t of tokens) sink += Object.keys(decodeJwt(t)).length;
  };
  for (let i = 0; i < 5; i++) {
    runNode();
    runPureJs();
    runDecode();
  }
  const ratios: number[] = [];
  const pureRatios: number[] = [];
  const a: number[] = [];
  const p: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const ta = time(runNode);
    const td = time(runDecode);
    const tp = time(runPureJs);
    a.push(ta);
    d.push(td);
    p.push(tp);
    ratios.push(ta / td);
    pureRatios.push(tp / td);
  }
  if (sink === 0) throw new Error('unreachable: keeps the work from being optimized away');
  return {
    keys: { analyzeOverDecode: median(ratios) },
    details: {
      analyzeUsPerRequest: median(a) / requests.length,
      decodeJwtUsPerToken: median(d) / tokens.length,
      analyzePureJsUsPerRequest: median(p) / requests.length,
      analyzePureJsOverDecode: median(pureRatios),
    },
  };
}
