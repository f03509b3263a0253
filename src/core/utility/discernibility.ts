import type { ClassSizeHistogram } from '../risk/types.ts';

/**
 * ARX's discernibility metrics. `dm` (MetricSDNMDiscernability, ARX's default "Discernibility"):
 * each released record costs its class size, each suppressed record costs N (all records), so
 * dm = Σ size² over released classes + N·suppressed. `dmStar` (MetricSDDiscernability, DM*) ignores
 * suppression: Σ size² over all classes, suppressed records grouped by their generalized labels
 * (`all`; when omitted, only valid without suppression, the released histogram is used).
 */
export function discernibility(
  released: ClassSizeHistogram,
  suppressedRecords: number,
  all: ClassSizeHistogram = released,
): { dm: number; dmStar: number } {
  const n = released.records + suppressedRecords;
  const squares = (h: ClassSizeHistogram) => h.entries.reduce((s, [size, c]) => s + size * size * c, 0);
  return { dm: squares(released) + n * suppressedRecords, dmStar: squares(all) };
}
