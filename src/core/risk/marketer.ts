import type { MarketerRisk, PopulationClassPair } from './types.ts';

/**
 * Marketer risk as ARX's RiskModelSampleSummary: the expected share of records re-identified
 * when every record is matched, Σ (sample size / population size) over records / records.
 * Without a population table it equals classes / records (the prosecutor average).
 */
export function marketerRisk(pairs: readonly PopulationClassPair[]): MarketerRisk {
  let records = 0;
  let ratioSum = 0;
  for (const { sampleSize, populationSize, classes } of pairs) {
    if (classes <= 0) continue;
    records += sampleSize * classes;
    ratioSum += classes * (sampleSize / populationSize);
  }
  return { averageRisk: records === 0 ? 0 : ratioSum / records };
}
