import { TokumeiError } from '../errors.ts';
import type { ClassTable } from './classes.ts';
import type { SearchInput, SearchModel } from './types.ts';

/**
 * A privacy model checked class by class on the distribution of the sensitive attribute, with
 * ARX's flags saying whether it stays satisfied when classes merge (generalization) or when
 * classes are removed (suppression). src/core/risk/ldiversity.ts and tcloseness.ts measure the
 * same models on a finished release in SQL; the search needs a per-class yes/no in JS, so the
 * checks are restated here in ARX's own arithmetic (same comparisons, same order of operations).
 */
export interface ClassCriterion {
  monotonicWithSuppression: boolean;
  /** Smallest class size the model implies (ARX's getMinimalClassSize), 0 if none. */
  minimalClassSize: number;
  /** values[0..distinct) are the sensitive codes present in the class, freq[code] their counts. */
  accepts(values: Int32Array, distinct: number, freq: Float64Array, total: number): boolean;
}

export function classCriteria(model: SearchModel, input: SearchInput): ClassCriterion[] {
  const out: ClassCriterion[] = [];
  if (!model.l && !model.t) return out;
  const sensitive = input.sensitive;
  if (!sensitive) throw new TokumeiError('search.sensitiveRequired');
  if (model.l) out.push(lDiversity(model.l));
  if (model.t) out.push(tCloseness(model.t, input));
  return out;
}

function lDiversity(spec: NonNullable<SearchModel['l']>): ClassCriterion {
  const { l, variant } = spec;
  if (!(l >= 1 && Number.isFinite(l))) throw new TokumeiError('search.invalidL', { l });
  if (variant === 'distinct' || variant === 'recursive') {
    if (!Number.isInteger(l)) throw new TokumeiError('search.invalidL', { l });
  }
  const minSize = Math.ceil(l);
  if (variant === 'distinct') {
    return { monotonicWithSuppression: true, minimalClassSize: minSize, accepts: (_v, distinct) => distinct >= minSize };
  }
  if (variant === 'entropy') {
    const logL = Math.log(l);
    return {
      monotonicWithSuppression: false,
      minimalClassSize: minSize,
      accepts(values, distinct, freq, total) {
        if (distinct < minSize) return false;
        // Σ f·ln f must stay at or below n·(ln n − ln l), i.e. entropy ≥ ln l.
        const bound = total * (Math.log(total) - logL);
        let sum = 0;
        for (let i = 0; i < distinct; i++) {
          const f = freq[values[i]];
          sum += f * Math.log(f);
          if (bound < sum) return false;
        }
        return true;
      },
    };
  }
  const c = spec.c;
  if (c === undefined || !(c > 0 && Number.isFinite(c))) throw new TokumeiError('search.invalidC', { c: String(c) });
  let scratch = new Float64Array(0);
  return {
    monotonicWithSuppression: false,
    minimalClassSize: minSize,
    accepts(values, distinct, freq) {
      if (distinct < minSize) return false;
      if (scratch.length < distinct) scratch = new Float64Array(distinct * 2);
      const f = scratch.subarray(0, distinct);
      for (let i = 0; i < distinct; i++) f[i] = freq[values[i]];
      f.sort();
      // r1 < c · (r_l + … + r_m): the m − l + 1 smallest frequencies.
      let threshold = 0;
      for (let i = distinct - minSize; i >= 0; i--) threshold += f[i];
      threshold *= c;
      return f[distinct - 1] < threshold;
    },
  };
}

function tCloseness(spec: NonNullable<SearchModel['t']>, input: SearchInput): ClassCriterion {
  const { t, variant } = spec;
  if (!(t >= 0 && t <= 1)) throw new TokumeiError('search.invalidT', { t });
  const sensitive = input.sensitive!;
  const m = sensitive.values.length;
  const global = new Float64Array(m);
  for (let i = 0; i < sensitive.codes.length; i++) global[sensitive.codes[i]] += input.counts[i];
  for (let v = 0; v < m; v++) global[v] /= input.records;

  if (variant === 'equal') {
    return {
      monotonicWithSuppression: false,
      minimalClassSize: 0,
      accepts(values, distinct, freq, total) {
        // ½ Σ|p − q| written as ½ (1 + Σ_{v in class} (|q − p| − q)), as ARX computes it.
        let val = 1;
        for (let i = 0; i < distinct; i++) {
          const q = global[values[i]];
          val += Math.abs(q - freq[values[i]] / total) - q;
        }
        return val / 2 <= t;
      },
    };
  }

  const order = orderOfValues(spec.order, sensitive.values, sensitive.column);
  return {
    monotonicWithSuppression: false,
    minimalClassSize: 0,
    accepts(_values, _distinct, freq, total) {
      // Σ_i |Σ_{j≤i} (p_j − q_j)| over the values in order, compared with t·(m − 1) (unnormalized, as ARX).
      const threshold = t * (m - 1);
      let sum = 0;
      let distance = 0;
      for (let i = 0; i < m; i++) {
        const v = order[i];
        sum += freq[v] / total - global[v];
        distance += Math.abs(sum);
        if (distance > threshold) return false;
      }
      return true;
    },
  };
}

/** Sensitive codes in the order of the ordered distance. */
function orderOfValues(order: readonly (string | null)[] | undefined, values: readonly (string | null)[], column: string): Int32Array {
  const codes = values.map((_, i) => i);
  if (order) {
    const pos = new Map<string | null, number>();
    order.forEach((v, i) => {
      if (!pos.has(v)) pos.set(v, i);
    });
    for (const v of values) {
      if (!pos.has(v)) throw new TokumeiError('search.orderMissingValue', { column, value: v ?? 'NULL' });
    }
    return Int32Array.from(codes.sort((a, b) => pos.get(values[a])! - pos.get(values[b])!));
  }
  const numeric = values.every((v) => v === null || (v.trim() !== '' && Number.isFinite(Number(v))));
  return Int32Array.from(
    codes.sort((a, b) => {
      const x = values[a];
      const y = values[b];
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      if (numeric) return Number(x) - Number(y);
      return x < y ? -1 : 1;
    }),
  );
}

/**
 * For a class table built directly from the microclasses (classOf maps microclass → class),
 * whether each class passes every criterion.
 */
export class DistributionChecker {
  private readonly freq: Float64Array;
  private readonly values: Int32Array;
  private order: Int32Array;
  private start: Int32Array;

  constructor(
    private readonly criteria: readonly ClassCriterion[],
    private readonly sensitiveCodes: Int32Array,
    private readonly counts: Int32Array,
    sensitiveCardinality: number,
  ) {
    this.freq = new Float64Array(sensitiveCardinality);
    this.values = new Int32Array(sensitiveCardinality);
    this.order = new Int32Array(counts.length);
    this.start = new Int32Array(counts.length + 1);
  }

  check(table: ClassTable, classOf: Int32Array, out: Uint8Array): void {
    const m = this.counts.length;
    const classes = table.size;
    const start = this.start;
    start.fill(0, 0, classes + 1);
    for (let i = 0; i < m; i++) start[classOf[i] + 1]++;
    for (let c = 0; c < classes; c++) start[c + 1] += start[c];
    const fill = start.slice(0, classes);
    for (let i = 0; i < m; i++) this.order[fill[classOf[i]]++] = i;
    const freq = this.freq;
    const values = this.values;
    for (let c = 0; c < classes; c++) {
      let distinct = 0;
      let total = 0;
      for (let p = start[c]; p < start[c + 1]; p++) {
        const i = this.order[p];
        const s = this.sensitiveCodes[i];
        if (freq[s] === 0) values[distinct++] = s;
        freq[s] += this.counts[i];
        total += this.counts[i];
      }
      let ok = true;
      for (const crit of this.criteria) {
        if (!crit.accepts(values, distinct, freq, total)) {
          ok = false;
          break;
        }
      }
      out[c] = ok ? 1 : 0;
      for (let i = 0; i < distinct; i++) freq[values[i]] = 0;
    }
  }
}
