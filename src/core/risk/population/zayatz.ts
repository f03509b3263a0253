import type { ClassSizeHistogram } from '../types.ts';
import { hypergeometricProbability } from './hypergeometric.ts';

/** Java int range: ARX passes population and sample sizes to the hypergeometric as ints, clamped. */
const INT_MAX = 2147483647;

/**
 * Population uniques under Zayatz's model (1991), as ARX's ModelZayatz: the share of sample
 * uniques that are population uniques, estimated from hypergeometric draws of each class
 * size, times the sample uniques, divided by the sampling fraction. Like ARX, population
 * sizes above 2^31 − 1 are clamped to 2^31 − 1 inside the hypergeometric terms.
 */
export function zayatzUniques(h: ClassSizeHistogram, population: number): number {
  const classes = h.entries.reduce((s, [, c]) => s + c, 0);
  const sample = h.records;
  const N = population > INT_MAX ? INT_MAX : Math.trunc(population);
  const n = sample > INT_MAX ? INT_MAX : Math.trunc(sample);
  const uniques = h.entries.length > 0 && h.entries[0][0] === 1 ? h.entries[0][1] : 0;
  let denominator = 0;
  for (const [size, count] of h.entries) {
    denominator += (count / classes) * hypergeometricProbability(N, size, n, 1);
  }
  const conditional = ((uniques / classes) * hypergeometricProbability(N, 1, n, 1)) / denominator;
  return (uniques * conditional) / (sample / population);
}
