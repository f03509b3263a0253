import type { Hierarchy } from '../hierarchy/types.ts';
import { logExact } from '../risk/population/log-exact.ts';
import { aggregate, factors, normalizedWeights, truncate10 } from './factors.ts';
import type { ColumnValueCounts, MultiDimensionalOptions, MultiDimensionalResult, UtilityColumn } from './types.ts';

const LOG2 = logExact(2);
/**
 * The correctly rounded log is slow (double-double arithmetic), and a column of 10⁵ values asks
 * for it per value; the ratios repeat (small counts over a few label counts), so each is computed once.
 */
const known = new Map<number, number>();
const log2 = (x: number) => {
  let y = known.get(x);
  if (y === undefined) {
    if (known.size >= 1 << 16) known.clear();
    y = logExact(x) / LOG2;
    known.set(x, y);
  }
  return y;
};

/**
 * Non-uniform entropy as ARX's MetricMDNUEntropyPrecomputed (default aggregate: sum):
 * per column Σ over original values v of −count(v)·log2(count(v) / count(label of v)), the
 * information lost by replacing each value with its label; times the generalization factor and
 * truncated to 10 decimals. Counts are over all records, suppressed ones included, as ARX's
 * precomputed (monotonic) variant ignores suppression. `original` holds the level-0 value
 * counts per column. NULLs keep their own class at every level and add nothing.
 */
export function nonUniformEntropy(
  columns: readonly UtilityColumn[],
  original: ColumnValueCounts,
  opts: MultiDimensionalOptions = {},
): MultiDimensionalResult {
  const raw = rawEntropy(columns, original, factors(opts.gsFactor).gFactor);
  return finish(columns, raw, opts, 'sum');
}

/**
 * The non-monotonic variant (ARX MetricMDNUNMEntropyPrecomputed): additionally, suppressed
 * records lose the information of their (generalized) labels: per column
 * Σ −count·log2(count / suppressed records) · sFactor over the labels among suppressed records.
 * `generalized` holds the label counts per column (only their `suppressed` counts are used).
 */
export function nonUniformEntropyWithSuppression(
  columns: readonly UtilityColumn[],
  original: ColumnValueCounts,
  generalized: ColumnValueCounts,
  opts: MultiDimensionalOptions = {},
): MultiDimensionalResult {
  const { gFactor, sFactor } = factors(opts.gsFactor);
  const raw = rawEntropy(columns, original, gFactor);
  columns.forEach(({ column }, i) => {
    const rows = generalized.get(column) ?? [];
    const suppressed = rows.reduce((n, r) => n + r.suppressed, 0);
    if (suppressed === 0) return;
    for (const { suppressed: count } of rows) if (count > 0) raw[i] += count * log2(count / suppressed) * sFactor;
  });
  return finish(columns, raw, opts, 'sum');
}

/** Level-0 value → its label at a level; kept per hierarchy object (the live panel measures the same one again and again). */
const labelMaps = new WeakMap<Hierarchy, Map<number, Map<string, string>>>();
function labelsAt(hierarchy: Hierarchy, level: number): Map<string, string> {
  let byLevel = labelMaps.get(hierarchy);
  if (!byLevel) labelMaps.set(hierarchy, (byLevel = new Map()));
  let out = byLevel.get(level);
  if (!out) byLevel.set(level, (out = new Map(hierarchy.rows.map((r) => [r[0], r[level]]))));
  return out;
}

/** Σ a·log2(a/b) per column (≤ 0), times gFactor: a = count of an original value, b = count of its label. */
function rawEntropy(columns: readonly UtilityColumn[], original: ColumnValueCounts, gFactor: number): number[] {
  return columns.map(({ column, hierarchy, level }) => {
    const labelOf = labelsAt(hierarchy, level);
    const counts = (original.get(column) ?? []).map((c) => ({ value: c.value, n: c.released + c.suppressed }));
    const labelCount = new Map<string, number>();
    for (const { value, n } of counts) {
      if (value === null) continue;
      const label = labelOf.get(value) ?? value;
      labelCount.set(label, (labelCount.get(label) ?? 0) + n);
    }
    let sum = 0;
    for (const { value, n } of counts) {
      if (value === null || n === 0) continue;
      sum += n * log2(n / labelCount.get(labelOf.get(value) ?? value)!);
    }
    return sum * gFactor;
  });
}

function finish(
  columns: readonly UtilityColumn[],
  raw: number[],
  opts: MultiDimensionalOptions,
  defaultAggregate: 'sum',
): MultiDimensionalResult {
  const values = raw.map((v) => truncate10(v === 0 ? v : -v));
  const weights = normalizedWeights(
    columns.map((c) => c.column),
    opts.weights,
  );
  return {
    value: aggregate(opts.aggregate ?? defaultAggregate, values, weights),
    columns: columns.map(({ column }, i) => ({ column, value: values[i] })),
  };
}
