/**
 * SPEC §9: `analyze()` per request next to `jose.decodeJwt` alone on the same tokens. Many rounds,
 * alternating the two; the figure is the median of the per-round ratios, which holds across machines.
 */
import { decodeJwt } from 'jose';
import { analyze } from '../src/analyzer/analyze.js';
import { benchRequests } from './tokens.js';

export interface AnalyzeResult {
  analyzeUsPerRequest: number;
  decodeUsPerToken: number;
  analyzeOverDecode: number;
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchAnalyze(rounds = 41): Promise<AnalyzeResult> {
  const { requests, tokens } = await benchRequests(1000);
  let sink = 0;
  const runAnalyze = () => {
    for (const r of requests) sink += analyze(r).checks.length;
  };
  const runDecode = () => {
    for (const t of tokens) sink += Object.keys(decodeJwt(t)).length;
  };
  for (let i = 0; i < 5; i++) {
    runAnalyze();
    runDecode();
  }
  const ratios: number[] = [];
  const a: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const ta = time(runAnalyze);
    const td = time(runDecode);
    a.push(ta);
    d.push(td);
    ratios.push(ta / td);
  }
  if (sink === 0) throw new Error('unreachable: keeps the work from being optimized away');
  return {
    analyzeUsPerRequest: median(a) / requests.length,
    decodeUsPerToken: median(d) / tokens.length,
    analyzeOverDecode: median(ratios),
  };
}
