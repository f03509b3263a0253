import { checkThreshold } from './prosecutor.ts';
import type { AttackerRisk, PopulationClassPair } from './types.ts';

/**
 * Journalist risk as ARX's RiskModelSampleSummary: a sample record's risk is 1 / the size of its
 * class in the population. The average is the larger of classes / Σ population sizes and the
 * mean of sample / population size over records. Given only a population *size* (no table),
 * ARX has no population class sizes and these figures equal the prosecutor ones: pass
 * pairsFromHistogram(h). (ARX uses a population size for uniqueness estimates and for k-map's
 * estimated k, not for journalist risk.)
 */
export function journalistRisk(pairs: readonly PopulationClassPair[], threshold: number): AttackerRisk {
  checkThreshold(threshold);
  let records = 0;
  let classes = 0;
  let atRisk = 0;
  let populationTotal = 0;
  let ratioSum = 0;
  let smallest = Infinity;
  for (const { sampleSize, populationSize, classes: c } of pairs) {
    if (c <= 0) continue;
    if (1 / populationSize > threshold) atRisk += sampleSize * c;
    smallest = Math.min(smallest, populationSize);
    classes += c;
    records += sampleSize * c;
    populationTotal += populationSize * c;
    ratioSum += c * (sampleSize / populationSize);
  }
  if (records === 0) return { threshold, recordsAtRisk: 0, highestRisk: 0, averageRisk: 0 };
  return {
    threshold,
    recordsAtRisk: atRisk / records,
    highestRisk: 1 / smallest,
    averageRisk: Math.max(classes / populationTotal, ratioSum / records),
  };
}
