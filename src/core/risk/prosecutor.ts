import { TokumeiError } from '../errors.ts';
import type { AttackerRisk, ClassSizeHistogram } from './types.ts';

/**
 * Prosecutor risk as ARX's RiskModelSampleSummary: a record's risk is 1 / its class size.
 * A record is "at risk" only when 1 / size > threshold in double arithmetic, so with threshold
 * 0.2 a class of 5 (risk exactly 0.2) is not counted. No records gives all zeros, as ARX.
 */
export function prosecutorRisk(h: ClassSizeHistogram, threshold: number): AttackerRisk {
  checkThreshold(threshold);
  if (h.records === 0) return { threshold, recordsAtRisk: 0, highestRisk: 0, averageRisk: 0 };
  let atRisk = 0;
  let classes = 0;
  for (const [size, count] of h.entries) {
    if (1 / size > threshold) atRisk += size * count;
    classes += count;
  }
  return {
    threshold,
    recordsAtRisk: atRisk / h.records,
    highestRisk: 1 / h.entries[0][0],
    averageRisk: classes / h.records,
  };
}

export function checkThreshold(threshold: number): void {
  if (!(threshold > 0 && threshold <= 1)) throw new TokumeiError('risk.threshold.invalid', { threshold });
}
