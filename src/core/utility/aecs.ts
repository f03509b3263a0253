import type { ClassSizeHistogram } from '../risk/types.ts';
import { factors } from './factors.ts';

/**
 * Average equivalence class size as ARX's MetricSDAECS: N (all records) / number of classes,
 * where the suppressed records, if any, form one extra class. ARX swaps the gs-factor halves
 * here on purpose: released classes are weighted by the suppression factor, the suppressed
 * class by the generalization factor (both 1 at the default 0.5).
 */
export function aecs(released: ClassSizeHistogram, suppressedRecords: number, gsFactor = 0.5): number {
  const { gFactor, sFactor } = factors(gsFactor);
  const classes = released.entries.reduce((s, [, c]) => s + c, 0);
  const groups = classes * sFactor + (suppressedRecords > 0 ? gFactor : 0);
  return (released.records + suppressedRecords) / groups;
}
