import type { ClassSizeHistogram, ClassSummary } from './types.ts';

/** Counts read off the histogram. Averages divide in the same order as ARX (records / classes). */
export function classSummary(h: ClassSizeHistogram): ClassSummary {
  const classes = h.entries.reduce((n, [, c]) => n + c, 0);
  const sampleUniques = h.entries.find(([s]) => s === 1)?.[1] ?? 0;
  const empty = h.records === 0;
  return {
    records: h.records,
    classes,
    minClassSize: empty ? 0 : h.entries[0][0],
    maxClassSize: empty ? 0 : h.entries[h.entries.length - 1][0],
    averageClassSize: empty ? 0 : h.records / classes,
    sampleUniques,
    sampleUniqueFraction: empty ? 0 : sampleUniques / h.records,
  };
}

/** Records in classes smaller than k: what k-anonymity would have to suppress. */
export function recordsBelowK(h: ClassSizeHistogram, k: number): number {
  return h.entries.reduce((n, [s, c]) => (s < k ? n + s * c : n), 0);
}
