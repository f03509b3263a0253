import type { PreparedColumn } from './prepare.ts';

/**
 * The generalization lattice as ARX's solution space numbers it: a transformation is a level
 * per column, its identifier the mixed-radix number with column 0 as the lowest digit (JHPL
 * stores the dimensions reversed, so this is exactly its id), its lattice level the sum of
 * the levels. Nodes of one lattice level are listed in ascending id, as JHPL enumerates them.
 */
export class Lattice {
  readonly dims: number;
  readonly heights: Int32Array;
  readonly multiplier: Float64Array;
  readonly size: number;
  /** Σ of the top levels. */
  readonly maxLevel: number;
  /** Node ids grouped by lattice level, ascending id within a level. */
  readonly byLevel: Int32Array;
  /** byLevel[levelStart[l] .. levelStart[l + 1]) are the nodes of lattice level l. */
  readonly levelStart: Int32Array;

  private readonly successorCache: (Int32Array | undefined)[];
  private readonly criteria: Float64Array;
  private readonly criteriaDone: Uint8Array;
  private readonly distinct: number[][];

  constructor(columns: readonly PreparedColumn[]) {
    this.dims = columns.length;
    this.heights = Int32Array.from(columns.map((c) => c.height));
    this.multiplier = new Float64Array(this.dims);
    let size = 1;
    let maxLevel = 0;
    for (let d = 0; d < this.dims; d++) {
      this.multiplier[d] = size;
      size *= this.heights[d];
      maxLevel += this.heights[d] - 1;
    }
    this.size = size;
    this.maxLevel = maxLevel;
    this.distinct = columns.map((c) => c.cardinality);

    const levelOf = new Uint16Array(size);
    const counts = new Int32Array(maxLevel + 2);
    const digits = new Int32Array(this.dims);
    let level = 0;
    for (let id = 0; id < size; id++) {
      levelOf[id] = level;
      counts[level + 1]++;
      // odometer increment, lowest digit first
      for (let d = 0; d < this.dims; d++) {
        if (digits[d] + 1 < this.heights[d]) {
          digits[d]++;
          level++;
          break;
        }
        level -= digits[d];
        digits[d] = 0;
      }
    }
    for (let l = 1; l < counts.length; l++) counts[l] += counts[l - 1];
    this.levelStart = counts.slice();
    this.byLevel = new Int32Array(size);
    const fill = counts.slice();
    for (let id = 0; id < size; id++) this.byLevel[fill[levelOf[id]]++] = id;

    this.successorCache = new Array(size);
    this.criteria = new Float64Array(size * 3);
    this.criteriaDone = new Uint8Array(size);
  }

  levels(id: number, out: Int32Array = new Int32Array(this.dims)): Int32Array {
    for (let d = 0; d < this.dims; d++) {
      out[d] = Math.floor(id / this.multiplier[d]) % this.heights[d];
    }
    return out;
  }

  level(id: number): number {
    let l = 0;
    for (let d = 0; d < this.dims; d++) l += Math.floor(id / this.multiplier[d]) % this.heights[d];
    return l;
  }

  /**
   * Direct successors (one column one level up) in column order (JHPL lists them per reversed
   * dimension and ARX reverses the list), then stably sorted by the strategy, as ARX caches them.
   */
  sortedSuccessors(id: number): Int32Array {
    let s = this.successorCache[id];
    if (s) return s;
    const list: number[] = [];
    for (let d = 0; d < this.dims; d++) {
      if (Math.floor(id / this.multiplier[d]) % this.heights[d] + 1 < this.heights[d]) list.push(id + this.multiplier[d]);
    }
    s = Int32Array.from(this.sortStable(list));
    this.successorCache[id] = s;
    return s;
  }

  /** Direct predecessors (one column one level down). */
  predecessors(id: number): number[] {
    const list: number[] = [];
    for (let d = 0; d < this.dims; d++) {
      if (Math.floor(id / this.multiplier[d]) % this.heights[d] > 0) list.push(id - this.multiplier[d]);
    }
    return list;
  }

  /** All direct successors, unsorted. */
  successors(id: number): number[] {
    const list: number[] = [];
    for (let d = 0; d < this.dims; d++) {
      if (Math.floor(id / this.multiplier[d]) % this.heights[d] + 1 < this.heights[d]) list.push(id + this.multiplier[d]);
    }
    return list;
  }

  /** Array.prototype.sort is stable, like the merge sort ARX sorts node arrays with. */
  sortStable(ids: number[]): number[] {
    return ids.sort((a, b) => this.compare(a, b));
  }

  /**
   * ARX's FLASHStrategy: by lattice level, then by mean relative level of the columns, then by
   * 1 − mean share of distinct values kept; equal triples compare as 0. Same double
   * arithmetic in the same order, so ties fall exactly as in ARX.
   */
  compare(a: number, b: number): number {
    const ca = this.criteriaOf(a);
    const cb = this.criteriaOf(b);
    const x = this.criteria;
    for (let i = 0; i < 3; i++) {
      if (x[ca + i] < x[cb + i]) return -1;
      if (x[ca + i] > x[cb + i]) return 1;
    }
    return 0;
  }

  private criteriaOf(id: number): number {
    const at = id * 3;
    if (this.criteriaDone[id]) return at;
    let prec = 0;
    let distinct = 0;
    let level = 0;
    for (let d = 0; d < this.dims; d++) {
      const g = Math.floor(id / this.multiplier[d]) % this.heights[d];
      level += g;
      distinct += this.distinct[d][g] / this.distinct[d][0];
      prec += g / (this.heights[d] - 1);
    }
    distinct /= this.dims;
    prec /= this.dims;
    this.criteria[at] = level / this.maxLevel;
    this.criteria[at + 1] = prec;
    this.criteria[at + 2] = 1 - distinct;
    this.criteriaDone[id] = 1;
    return at;
  }

  /** a ≤ b in every column. */
  leq(a: Int32Array, b: Int32Array): boolean {
    for (let d = 0; d < this.dims; d++) if (a[d] > b[d]) return false;
    return true;
  }
}
