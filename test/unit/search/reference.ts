import type { Hierarchy } from '../../../src/core/hierarchy/types.ts';
import { histogramFromSizes } from '../../../src/core/risk/histogram.ts';
import type { SearchModel } from '../../../src/core/search/types.ts';
import { aecs } from '../../../src/core/utility/aecs.ts';
import { discernibility } from '../../../src/core/utility/discernibility.ts';
import { nonUniformEntropyWithSuppression } from '../../../src/core/utility/entropy.ts';
import { lossMetric } from '../../../src/core/utility/loss.ts';
import type { ValueCount } from '../../../src/core/utility/types.ts';

/**
 * An independent, deliberately naive reference: every transformation of the lattice is applied
 * row by row with string keys, classes are checked against the model by the textbook
 * definitions, and the loss comes from src/core/utility (value counts, not classes). Slow, so
 * only for small data.
 */
export interface RefRow {
  values: (string | null)[];
  s?: string | null;
}

export interface RefNode {
  levels: number[];
  anonymous: boolean;
  suppressed: number;
  classes: number;
  loss: number;
}

export function bruteForce(rows: readonly RefRow[], columns: readonly { column: string; hierarchy: Hierarchy }[], model: SearchModel): RefNode[] {
  const heights = columns.map((c) => c.hierarchy.levels);
  const n = rows.length;
  const limit = Math.floor((model.suppressionLimit ?? 0) * n);
  const sizes: number[] = [];
  if (model.k !== undefined) sizes.push(model.k);
  if (model.maxRisk !== undefined) {
    let k = 1;
    while (1 / k > model.maxRisk) k++;
    sizes.push(k);
  }
  if (model.l) sizes.push(Math.ceil(model.l.l));
  const minSize = sizes.length ? Math.max(...sizes) : 0;
  const lookup = columns.map((c) => new Map(c.hierarchy.rows.map((r) => [r[0], r])));
  const global = new Map<string | null, number>();
  for (const r of rows) global.set(r.s ?? null, (global.get(r.s ?? null) ?? 0) + 1);
  const sensValues = [...global.keys()];

  const out: RefNode[] = [];
  const levels = heights.map(() => 0);
  for (;;) {
    const classes = new Map<string, RefRow[]>();
    const labelsOf = (r: RefRow) => r.values.map((v, d) => (v === null ? null : lookup[d].get(v)![levels[d]]));
    for (const r of rows) {
      const key = JSON.stringify(labelsOf(r));
      const list = classes.get(key) ?? [];
      list.push(r);
      classes.set(key, list);
    }
    let suppressed = 0;
    const releasedSizes: number[] = [];
    const isOutlier = new Set<RefRow>();
    for (const members of classes.values()) {
      const ok = members.length >= minSize && passes(members, model, global, n, sensValues);
      if (ok) releasedSizes.push(members.length);
      else {
        suppressed += members.length;
        for (const m of members) isOutlier.add(m);
      }
    }
    const anonymous = suppressed <= limit;
    let loss = NaN;
    if (anonymous) loss = lossOf(rows, columns, levels, labelsOf, isOutlier, releasedSizes, suppressed, model);
    out.push({ levels: [...levels], anonymous, suppressed, classes: releasedSizes.length, loss });
    let d = 0;
    while (d < levels.length && levels[d] + 1 >= heights[d]) levels[d++] = 0;
    if (d === levels.length) break;
    levels[d]++;
  }
  return out;
}

function passes(members: RefRow[], model: SearchModel, global: Map<string | null, number>, n: number, sensValues: (string | null)[]): boolean {
  if (!model.l && !model.t) return true;
  const freq = new Map<string | null, number>();
  for (const m of members) freq.set(m.s ?? null, (freq.get(m.s ?? null) ?? 0) + 1);
  const f = [...freq.values()];
  const size = members.length;
  if (model.l) {
    const { l, variant, c } = model.l;
    if (f.length < Math.ceil(l)) return false;
    if (variant === 'entropy') {
      // Entropy in nats must reach ln l.
      const h = -f.reduce((s, x) => s + (x / size) * Math.log(x / size), 0);
      if (h < Math.log(l) - 1e-12) return false;
    } else if (variant === 'recursive') {
      const desc = [...f].sort((a, b) => b - a);
      const tail = desc.slice(l - 1).reduce((s, x) => s + x, 0);
      if (!(desc[0] < c! * tail)) return false;
    }
  }
  if (model.t) {
    const { t, variant } = model.t;
    const p = (v: string | null) => (freq.get(v) ?? 0) / size;
    const q = (v: string | null) => global.get(v)! / n;
    let dist: number;
    if (variant === 'equal') {
      dist = sensValues.reduce((s, v) => s + Math.abs(p(v) - q(v)), 0) / 2;
    } else {
      const order = model.t.order ?? [...sensValues].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
      let cum = 0;
      dist = 0;
      for (const v of order) {
        cum += p(v) - q(v);
        dist += Math.abs(cum);
      }
      dist = order.length > 1 ? dist / (order.length - 1) : 0;
    }
    if (dist > t + 1e-12) return false;
  }
  return true;
}

function lossOf(
  rows: readonly RefRow[],
  columns: readonly { column: string; hierarchy: Hierarchy }[],
  levels: number[],
  labelsOf: (r: RefRow) => (string | null)[],
  isOutlier: Set<RefRow>,
  releasedSizes: number[],
  suppressed: number,
  model: SearchModel,
): number {
  const metric = model.metric ?? 'loss';
  if (metric === 'discernibility') return discernibility(histogramFromSizes(releasedSizes), suppressed).dm;
  if (metric === 'aecs') return aecs(histogramFromSizes(releasedSizes), suppressed, model.gsFactor);
  const generalized = new Map<string, ValueCount[]>();
  const original = new Map<string, ValueCount[]>();
  columns.forEach(({ column }, d) => {
    const g = new Map<string | null, ValueCount>();
    const o = new Map<string | null, ValueCount>();
    for (const r of rows) {
      const label = labelsOf(r)[d];
      const vc = g.get(label) ?? { value: label, released: 0, suppressed: 0 };
      if (isOutlier.has(r)) vc.suppressed++;
      else vc.released++;
      g.set(label, vc);
      const ov = o.get(r.values[d]) ?? { value: r.values[d], released: 0, suppressed: 0 };
      ov.released++;
      o.set(r.values[d], ov);
    }
    // Sorted as valueCounts returns them from SQL: NULL first, then by code unit.
    generalized.set(column, [...g.values()].sort(byValue));
    original.set(column, [...o.values()].sort(byValue));
  });
  const cols = columns.map(({ column, hierarchy }, d) => ({ column, hierarchy, level: levels[d] }));
  const opts = { gsFactor: model.gsFactor, weights: model.weights, aggregate: model.aggregate };
  if (metric === 'loss') return lossMetric(cols, generalized, opts).value;
  return nonUniformEntropyWithSuppression(cols, original, generalized, opts).value;
}

function byValue(a: ValueCount, b: ValueCount): number {
  if (a.value === b.value) return 0;
  if (a.value === null) return -1;
  if (b.value === null) return 1;
  return a.value < b.value ? -1 : 1;
}
