import { TokumeiError } from '../../src/core/errors.ts';
import { suda2 } from '../../src/core/risk/suda.ts';

/** What the risk panel shows of a SUDA2 run; per-record scores stay in this worker. */
export interface SudaSummary {
  records: number;
  variables: number;
  /** Records with at least one MSU (special uniques in the wide sense). */
  recordsWithMsu: number;
  /** Records unique on all keys together. */
  sampleUniques: number;
  maxScore: number;
  /** Mean DIS-SUDA score over records. */
  meanDisScore: number;
  maxDisScore: number;
  /** MSUs found, by size (index 0 = size 1). */
  msusBySize: number[];
  /** Percent of the total score owed to each variable, in key order. */
  attributeContributions: number[];
  /** Records per score band, for the chart: [lower bound, records], score 0 first. */
  scoreBands: [number, number][];
  ms: number;
}

/** Score bands: 0 (no MSU), then doubling bounds up to the highest score. */
export function scoreBands(scores: Float64Array): [number, number][] {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  const bounds = [0];
  for (let b = 1; b <= max; b *= 2) bounds.push(b);
  const counts = new Array<number>(bounds.length).fill(0);
  for (const s of scores) {
    let i = 0;
    while (i + 1 < bounds.length && s >= bounds[i + 1]) i++;
    if (s > 0 && i === 0) i = Math.min(1, bounds.length - 1);
    counts[i]++;
  }
  return bounds.map((b, i) => [b, counts[i]]);
}

let current: AbortController | null = null;

/** The SUDA2 worker's API: one run at a time, cancellable between slices of work. */
export const sudaApi = {
  async run(columns: Int32Array[], onProgress?: (fraction: number) => void): Promise<SudaSummary> {
    current?.abort();
    const ctl = new AbortController();
    current = ctl;
    const t0 = performance.now();
    try {
      const r = await suda2(columns, { signal: ctl.signal, onProgress });
      let disSum = 0;
      let disMax = 0;
      for (const d of r.disScores) {
        disSum += d;
        if (d > disMax) disMax = d;
      }
      return {
        records: r.records,
        variables: r.variables,
        recordsWithMsu: r.recordsWithMsu,
        sampleUniques: r.sampleUniques,
        maxScore: r.maxScore,
        meanDisScore: r.records ? disSum / r.records : 0,
        maxDisScore: disMax,
        msusBySize: r.msusBySize,
        attributeContributions: r.attributeContributions,
        scoreBands: scoreBands(r.scores),
        ms: performance.now() - t0,
      };
    } catch (e) {
      if (ctl.signal.aborted) throw new TokumeiError('engine.cancelled');
      throw e;
    } finally {
      if (current === ctl) current = null;
    }
  },

  cancel(): void {
    current?.abort();
  },
};

export type SudaApi = typeof sudaApi;
