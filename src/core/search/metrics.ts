import { logExact } from '../risk/population/log-exact.ts';
import { aggregate, factors, normalizedWeights, truncate10 } from '../utility/factors.ts';
import type { AggregateFunction } from '../utility/types.ts';
import type { ClassTable } from './classes.ts';
import type { PreparedColumn } from './prepare.ts';
import type { SearchMetric, SearchModel } from './types.ts';

const LOG2 = logExact(2);
const log2 = (x: number) => logExact(x) / LOG2;

/** An information loss as ARX compares it: by one number (the aggregate for multi-dimensional models). */
export interface InfoLoss {
  value: number;
  columns: Float64Array | null;
}

/**
 * ARX's quality models on a class table, with the lower bounds FLASH prunes with:
 *  - loss: MetricMDNMLoss; bound = the loss without suppression (needs no data pass).
 *  - entropy: MetricMDNUNMEntropyPrecomputed (ARX's default entropy); bound = the precomputed
 *    monotone entropy, known without data, so ARX also uses it to skip unchecked nodes. For a
 *    checked node that satisfies the model ARX stores the raw, unflipped sums as its bound (≤ 0,
 *    so it never prunes); reproduced, because it changes which nodes FLASH visits.
 *  - discernibility: MetricSDNMDiscernability (DM); bound DM* = Σ size².
 *  - aecs: MetricSDAECS with its swapped gs factors; bound ignores suppression.
 * All four are monotone with generalization and none is with suppression (ARX's flags), so the
 * quality model counts as monotone exactly when the suppression limit is 0.
 *
 * The per-column sums run over labels in the order src/core/utility sums them (not over
 * classes), so the doubles are identical to what riskReport reports for the same release; the
 * results are truncated to 10 decimals as ARX does, and summation order can move a value across
 * such a boundary.
 */
export class MetricEvaluator {
  /** Whether the model has a data-independent lower bound (skip() computes it for unchecked nodes). */
  readonly hasIndependentBound: boolean;
  private readonly gFactor: number;
  private readonly sFactor: number;
  private readonly weights: number[];
  private readonly aggregateFn: AggregateFunction;
  private readonly released: Float64Array[];
  private readonly suppressedBy: Float64Array[];
  /** Where each column's label sits in bit-field class keys, when the tables use them. */
  private fields: { shift: number; mask: number }[] | null = null;
  /** Loss of each column at each level without suppression (the bound), computed on first use. */
  private readonly lossBound: Float64Array[];

  constructor(
    readonly metric: SearchMetric,
    private readonly columns: readonly PreparedColumn[],
    private readonly codes: readonly Int32Array[],
    private readonly records: number,
    model: SearchModel,
  ) {
    const f = factors(model.gsFactor);
    this.gFactor = f.gFactor;
    this.sFactor = f.sFactor;
    this.weights = normalizedWeights(
      columns.map((c) => c.column),
      model.weights,
    );
    this.aggregateFn = model.aggregate ?? (metric === 'entropy' ? 'sum' : 'geometricMean');
    this.hasIndependentBound = metric === 'entropy';
    this.released = columns.map((c) => new Float64Array(Math.max(...c.cardinality)));
    this.suppressedBy = columns.map((c) => new Float64Array(Math.max(...c.cardinality)));
    this.lossBound = columns.map((c) => new Float64Array(c.height).fill(NaN));
  }

  /** Lets labels be read from bit-field class keys instead of through the representative's codes. */
  useKeyFields(fields: { shift: number; mask: number }[] | null): void {
    this.fields = fields;
  }

  /** The loss of a transformation whose outliers (outlier[c] = 1) are suppressed, and its lower bound. */
  evaluate(table: ClassTable, outlier: Uint8Array): { loss: InfoLoss; bound: number } {
    switch (this.metric) {
      case 'loss':
        return { loss: this.loss(table, outlier), bound: this.boundOnly(table) };
      case 'entropy':
        return this.entropy(table, outlier);
      case 'discernibility': {
        let dm = 0;
        let dmStar = 0;
        let suppressed = 0;
        for (let c = 0; c < table.size; c++) {
          const n = table.count[c];
          dmStar += n * n;
          if (outlier[c]) suppressed += n;
          else dm += n * n;
        }
        return { loss: { value: dm + this.records * suppressed, columns: null }, bound: dmStar };
      }
      case 'aecs': {
        // ARX swaps the factors here on purpose (see src/core/utility/aecs.ts).
        let released = 0;
        for (let c = 0; c < table.size; c++) if (!outlier[c]) released++;
        const groups = released * this.sFactor + (released !== table.size ? this.gFactor : 0);
        return { loss: { value: this.records / groups, columns: null }, bound: this.records / (table.size * this.sFactor) };
      }
    }
  }

  /** Lower bound of a transformation that does not satisfy the model (ARX's getLowerBound(node, groupify)). */
  boundOnly(table: ClassTable): number {
    switch (this.metric) {
      case 'loss': {
        const values = this.columns.map((_, d) => this.columnLossBound(d, table.levels[d]));
        return aggregate(this.aggregateFn, values, this.weights);
      }
      case 'entropy':
        return this.independentBound(table.levels);
      case 'discernibility': {
        let s = 0;
        for (let c = 0; c < table.size; c++) s += table.count[c] * table.count[c];
        return s;
      }
      case 'aecs':
        return this.records / (table.size * this.sFactor);
    }
  }

  /** ARX's getLowerBound(node) without data: only the precomputed entropy has one. */
  independentBound(levels: Int32Array): number {
    const values = this.columns.map((c, d) => truncate10(flip(c.entropyRaw[levels[d]] * this.gFactor)));
    return aggregate(this.aggregateFn, values, this.weights);
  }

  /** Loss per column as utility/loss.ts: released labels cost their share, suppressed ones 1 (at gs-factor ≤ 0.5). */
  private loss(table: ClassTable, outlier: Uint8Array): InfoLoss {
    const result = new Float64Array(this.columns.length);
    this.columns.forEach((col, d) => {
      const level = table.levels[d];
      const { released, suppressed } = this.labelCounts(table, outlier, d);
      const share = col.labelShare[level];
      let records = 0;
      let sum = 0;
      for (const l of col.labelOrder[level]) {
        const r = released[l];
        const s = suppressed[l];
        records += r + s;
        if (r > 0) sum += r * share[l] * this.gFactor;
        if (s > 0) {
          const x = s * share[l];
          sum += this.sFactor === 1 ? s : x + this.sFactor * (s - x);
        }
        released[l] = 0;
        suppressed[l] = 0;
      }
      result[d] = normalizeLoss(sum, (this.gFactor * records) / col.domainSize, records);
    });
    return { value: aggregate(this.aggregateFn, Array.from(result), this.weights), columns: result };
  }

  private columnLossBound(d: number, level: number): number {
    const cached = this.lossBound[d][level];
    if (!Number.isNaN(cached)) return cached;
    const col = this.columns[d];
    const count = col.labelCount[level];
    const share = col.labelShare[level];
    let records = 0;
    let sum = 0;
    for (const l of col.labelOrder[level]) {
      records += count[l];
      if (count[l] > 0) sum += count[l] * share[l] * this.gFactor;
    }
    const v = normalizeLoss(sum, (this.gFactor * records) / col.domainSize, records);
    this.lossBound[d][level] = v;
    return v;
  }

  /** Non-monotone non-uniform entropy as utility/entropy.ts (nonUniformEntropyWithSuppression). */
  private entropy(table: ClassTable, outlier: Uint8Array): { loss: InfoLoss; bound: number } {
    const raw = this.columns.map((c, d) => c.entropyRaw[table.levels[d]] * this.gFactor);
    // ARX keeps these raw sums (unflipped, unrounded, before the suppression part) as the bound.
    const bound = aggregate(this.aggregateFn, raw, this.weights);
    let suppressedRecords = 0;
    for (let c = 0; c < table.size; c++) if (outlier[c]) suppressedRecords += table.count[c];
    const result = new Float64Array(this.columns.length);
    this.columns.forEach((col, d) => {
      let v = raw[d];
      if (suppressedRecords > 0) {
        const { released, suppressed } = this.labelCounts(table, outlier, d);
        for (const l of col.labelOrder[table.levels[d]]) {
          const count = suppressed[l];
          if (count > 0) v += count * log2(count / suppressedRecords) * this.sFactor;
          released[l] = 0;
          suppressed[l] = 0;
        }
      }
      result[d] = truncate10(flip(v));
    });
    return { loss: { value: aggregate(this.aggregateFn, Array.from(result), this.weights), columns: result }, bound };
  }

  /** Records per label of column d, released and suppressed (scratch arrays: the caller zeroes them). */
  private labelCounts(table: ClassTable, outlier: Uint8Array, d: number): { released: Float64Array; suppressed: Float64Array } {
    const released = this.released[d];
    const suppressed = this.suppressedBy[d];
    const count = table.count;
    if (this.fields && table.keys instanceof Int32Array) {
      const { shift, mask } = this.fields[d];
      const keys = table.keys;
      for (let c = 0; c < table.size; c++) {
        const l = (keys[c] >>> shift) & mask;
        if (outlier[c]) suppressed[l] += count[c];
        else released[l] += count[c];
      }
    } else {
      const label = this.columns[d].labelOf[table.levels[d]];
      const code = this.codes[d];
      for (let c = 0; c < table.size; c++) {
        const l = label[code[table.rep[c]]];
        if (outlier[c]) suppressed[l] += count[c];
        else released[l] += count[c];
      }
    }
    return { released, suppressed };
  }
}

function normalizeLoss(sum: number, min: number, records: number): number {
  const r = (sum - min) / (records - min);
  return truncate10(r >= 0 ? r : 0);
}

function flip(v: number): number {
  return v === 0 ? v : -v;
}
