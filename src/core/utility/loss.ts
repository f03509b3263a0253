import { TokumeiError } from '../errors.ts';
import { aggregate, factors, normalizedWeights, truncate10 } from './factors.ts';
import { domainShares } from './shares.ts';
import type { ColumnValueCounts, MultiDimensionalOptions, MultiDimensionalResult, UtilityColumn } from './types.ts';

/**
 * ARX's "Loss" quality model (MetricMDNMLoss; the API default, gs-factor 0.5, geometric mean).
 * Per column, a released record costs the domain share of its label (times the generalization
 * factor), a suppressed record costs 1 when the suppression factor is 1 (the default) and
 * otherwise share + sFactor·(1 − share). The column sum is normalized to [0, 1] between
 * gFactor·N/|domain| (no generalization) and N (everything lost), N = all records, then
 * truncated to 10 decimals; the columns are combined by the aggregate function.
 * `counts` are the generalized labels per column (e.g. from valueCounts on the generalized data).
 * A NULL cell carries no information and costs as much as a suppressed one.
 */
export function lossMetric(
  columns: readonly UtilityColumn[],
  counts: ColumnValueCounts,
  opts: MultiDimensionalOptions = {},
): MultiDimensionalResult {
  const { gFactor, sFactor } = factors(opts.gsFactor);
  const perColumn = columns.map(({ column, hierarchy, level }) => {
    const shares = domainShares(hierarchy, level);
    const rows = counts.get(column) ?? [];
    let records = 0;
    let sum = 0;
    for (const { value, released, suppressed } of rows) {
      records += released + suppressed;
      const share = value === null ? 1 : shares.get(value);
      if (share === undefined) {
        throw new TokumeiError('risk.hierarchy.missingValues', { column, count: 1, examples: JSON.stringify(value) });
      }
      if (released > 0) sum += released * share * gFactor;
      if (suppressed > 0) {
        const s = suppressed * share;
        sum += sFactor === 1 ? suppressed : s + sFactor * (suppressed - s);
      }
    }
    const min = (gFactor * records) / hierarchy.rows.length;
    const normalized = (sum - min) / (records - min);
    return { column, value: truncate10(normalized >= 0 ? normalized : 0) };
  });
  const weights = normalizedWeights(
    columns.map((c) => c.column),
    opts.weights,
  );
  return {
    value: aggregate(
      opts.aggregate ?? 'geometricMean',
      perColumn.map((c) => c.value),
      weights,
    ),
    columns: perColumn,
  };
}
