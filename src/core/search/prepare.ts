import { logExact } from '../risk/population/log-exact.ts';
import type { SearchInput } from './types.ts';

const LOG2 = logExact(2);

/**
 * Per-column lookup tables derived once from the hierarchies and the data. Labels are numbered
 * densely over those that occur in the data (NULL, code domainSize, is a label of its own at
 * every level), which keeps packed class keys small.
 */
export interface PreparedColumn {
  column: string;
  /** Levels of the hierarchy (level 0 included). */
  height: number;
  /** Rows of the hierarchy: ARX's domain size for Loss. */
  domainSize: number;
  /** labelOf[level][code0] → dense label; codes absent from the data map to 0. */
  labelOf: Int32Array[];
  /** Labels per level that occur in the data: ARX's GeneralizationHierarchy.getDistinctValues. */
  cardinality: number[];
  /** Records per dense label. */
  labelCount: Float64Array[];
  /** Domain share per dense label (rows generalizing to it / rows, as utility/shares.ts); NULL 1. */
  labelShare: Float64Array[];
  /**
   * Dense labels in the order src/core/utility sums them (valueCounts sorts NULL first, then by
   * code unit), so the search reports the very doubles riskReport computes for the same release.
   */
  labelOrder: Int32Array[];
  /** Σ n·log2(n / label count) over the original values in that order, per level: ≤ 0, before the gs-factor. */
  entropyRaw: number[];
}

export function prepareColumns(input: SearchInput): PreparedColumn[] {
  // The correctly rounded log is slow and the same few ratios recur (a value's share of its label).
  const logs = new Map<number, number>();
  const log = (x: number) => {
    let v = logs.get(x);
    if (v === undefined) logs.set(x, (v = logExact(x)));
    return v;
  };
  return input.columns.map(({ column, hierarchy }, d) => {
    const rows = hierarchy.rows;
    const n = rows.length;
    const codes = input.codes[d];
    const valueCount = new Float64Array(n + 1);
    for (let i = 0; i < codes.length; i++) valueCount[codes[i]] += input.counts[i];
    const textOf = (level: number, code: number) => (code === n ? null : rows[code][level]);

    const labelOf: Int32Array[] = [];
    const cardinality: number[] = [];
    const labelCount: Float64Array[] = [];
    const labelShare: Float64Array[] = [];
    const labelOrder: Int32Array[] = [];
    for (let level = 0; level < hierarchy.levels; level++) {
      const rowsWith = new Map<string, number>();
      for (const r of rows) rowsWith.set(r[level], (rowsWith.get(r[level]) ?? 0) + 1);
      const dense = new Map<string | null, number>();
      const map = new Int32Array(n + 1);
      const counts: number[] = [];
      const texts: (string | null)[] = [];
      for (let c = 0; c <= n; c++) {
        if (valueCount[c] === 0) continue;
        const text = textOf(level, c);
        let id = dense.get(text);
        if (id === undefined) {
          dense.set(text, (id = dense.size));
          counts.push(0);
          texts.push(text);
        }
        map[c] = id;
        counts[id] += valueCount[c];
      }
      const shares = Float64Array.from(texts, (t) => (t === null ? 1 : rowsWith.get(t)! / n));
      const order = Int32Array.from(texts.keys()).sort((a, b) => compareText(texts[a], texts[b]));


      labelOf.push(map);
      cardinality.push(Math.max(texts.length, 1));
      labelCount.push(Float64Array.from(counts));
      labelShare.push(shares);
      labelOrder.push(order);
    }
    // Only the entropy metric reads it, and the correctly rounded log is slow: computed on first use.
    let entropyRaw: number[] | null = null;
    const entropy = () => {
      // src/core/utility/entropy.ts: original values in valueCounts order, NULL skipped.
      const values = [...Array(n).keys()].filter((c) => valueCount[c] > 0).sort((a, b) => compareText(rows[a][0], rows[b][0]));
      return labelOf.map((map, level) => {
        let raw = 0;
        for (const c of values) raw += valueCount[c] * (log(valueCount[c] / labelCount[level][map[c]]) / LOG2);
        return raw;
      });
    };
    return {
      column,
      height: hierarchy.levels,
      domainSize: n,
      labelOf,
      cardinality,
      labelCount,
      labelShare,
      labelOrder,
      get entropyRaw() {
        return (entropyRaw ??= entropy());
      },
    };
  });
}

/** valueCounts' order: NULL first, then by UTF-16 code units. */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
