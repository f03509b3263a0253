import type { PreparedColumn } from './prepare.ts';

/**
 * The equivalence classes of one transformation: for each class a representative microclass
 * (any record of the class has the same generalized values), its number of records and, in the
 * packed layouts, its key.
 */
export interface ClassTable {
  levels: Int32Array;
  size: number;
  /** A microclass of each class; empty in the bit-field layout, whose keys hold every label. */
  rep: Int32Array;
  count: Int32Array;
  /** Packed key of each class (Int32Array in the bit-field layout, Float64Array in the 53-bit one, null otherwise). */
  keys: Int32Array | Float64Array | null;
}

export type KeyLayout = 'bits' | 'float' | 'mixed';

const NO_REP = new Int32Array(0);
/** With no column changing, a width-0 field is rewritten to itself: key & ~0 | 0. */
const IDENTITY = new Int32Array(1);

/** Largest integer below which doubles are exact. */
const EXACT = 2 ** 53;

/**
 * Groups the classes of a finer transformation (or the microclasses) into the classes of a
 * coarser one with an open-addressing hash table on integer keys. This is the hot loop of the
 * search, so it avoids per-call allocation and touches one cache line per probe.
 *
 * Layouts, the first that fits:
 *  - bits: each column's label in a bit field of a 32-bit key. Rolling a class up one column
 *    replaces that field through a small table of the parent of each label, without looking at
 *    the class's records at all.
 *  - float: labels in mixed radix (level-0 label counts) below 2^53; the rolled-up key is the
 *    source key plus a difference looked up by the representative's original code.
 *  - mixed: the key is rebuilt per column and renumbered densely whenever it would leave the
 *    exact range of doubles, which works for any number of columns.
 */
export class Groupifier {
  readonly base: ClassTable;
  /** classOf[j]: class (in the last table built with withClassOf) of source class j. */
  readonly classOf: Int32Array;
  readonly layout: KeyLayout;
  private readonly shift: Int32Array;
  private readonly width: Int32Array;
  private readonly radix: Float64Array;
  private readonly ups = new Map<number, Int32Array>();
  private readonly deltas = new Map<number, Float64Array>();
  private readonly fkeys: Float64Array;
  private readonly ikeys: Int32Array;
  private readonly fslots: Float64Array;
  private readonly islots: Int32Array;
  private readonly outRep: Int32Array;
  private readonly outCount: Int32Array;
  private readonly outIntKeys: Int32Array;
  /** Columns whose level differs between source and target (scratch). */
  private readonly changed: number[] = [];
  private readonly slotOf: Int32Array;

  constructor(
    private readonly columns: readonly PreparedColumn[],
    private readonly codes: readonly Int32Array[],
    counts: Int32Array,
    /** Forces a wider layout than needed (tests exercise all three on small data). */
    layout?: KeyLayout,
  ) {
    const m = counts.length;
    const dims = columns.length;
    this.shift = new Int32Array(dims);
    this.width = new Int32Array(dims);
    this.radix = new Float64Array(dims);
    let bits = 0;
    let product = 1;
    for (let d = 0; d < dims; d++) {
      const card = columns[d].cardinality[0];
      this.shift[d] = bits;
      this.width[d] = Math.ceil(Math.log2(card));
      bits += this.width[d];
      this.radix[d] = product;
      product *= card;
    }
    this.layout = layout ?? (bits <= 32 ? 'bits' : product < EXACT ? 'float' : 'mixed');
    const cap = tableCapacity(m);
    const int = this.layout === 'bits';
    this.fkeys = new Float64Array(int ? 0 : m);
    this.ikeys = new Int32Array(int ? m : 0);
    this.fslots = new Float64Array(int ? 0 : 2 * cap);
    this.islots = new Int32Array(int ? 2 * cap : 0);
    this.slotOf = new Int32Array(int ? m : 0);
    this.outRep = new Int32Array(m);
    this.outCount = new Int32Array(m);
    this.outIntKeys = new Int32Array(int ? m : 0);
    this.classOf = new Int32Array(m);

    let rep = new Int32Array(m);
    for (let i = 0; i < m; i++) rep[i] = i;
    let keys: Int32Array | Float64Array | null = null;
    if (this.layout === 'bits') {
      const k = new Int32Array(m);
      for (let d = 0; d < dims; d++) {
        const label = columns[d].labelOf[0];
        const code = codes[d];
        const s = this.shift[d];
        for (let i = 0; i < m; i++) k[i] |= label[code[i]] << s;
      }
      keys = k;
      rep = NO_REP;
    } else if (this.layout === 'float') {
      const k = new Float64Array(m);
      for (let d = 0; d < dims; d++) {
        const label = columns[d].labelOf[0];
        const code = codes[d];
        const r = this.radix[d];
        for (let i = 0; i < m; i++) k[i] += label[code[i]] * r;
      }
      keys = k;
    }
    this.base = { levels: new Int32Array(dims), size: m, rep, count: counts.slice(), keys };
  }

  /** Bit position and mask of each column's label in the keys of the bit-field layout (null otherwise). */
  fields(): { shift: number; mask: number }[] | null {
    if (this.layout !== 'bits') return null;
    return [...this.shift].map((shift, d) => ({ shift, mask: (1 << this.width[d]) - 1 }));
  }

  /** withClassOf: also fill classOf (which class each source class went to). */
  build(levels: Int32Array, source: ClassTable, withClassOf = false): ClassTable {
    if (this.layout === 'bits') return this.buildBits(levels, source, withClassOf);
    if (this.layout === 'float') this.rollFloatKeys(levels, source);
    else this.mixedKeys(levels, source);
    return this.groupFloat(levels, source);
  }

  /**
   * Bit-field layout: each changed column's field is replaced by its parent label; Fibonacci
   * hashing into slots of (key, class + 1), 8 bytes each, so a probe touches one cache line.
   * The table is sized for at most as many classes as the target levels have label
   * combinations, and only the slots used are cleared afterwards.
   */
  private buildBits(levels: Int32Array, source: ClassTable, withClassOf: boolean): ClassTable {
    const n = source.size;
    const changed = this.changed;
    changed.length = 0;
    let bound = 1;
    for (let d = 0; d < this.columns.length; d++) {
      if (source.levels[d] !== levels[d]) changed.push(d);
      bound *= this.columns[d].cardinality[levels[d]];
    }
    // The last two changed columns are rewritten inside the insertion loop (a column that does
    // not exist rewrites through the identity); any others first, in one pass.
    let from = source.keys as Int32Array;
    const c = changed.length;
    if (c > 2) from = this.rewrite(from, n, source.levels, levels, c - 2);
    const a = c > 1 ? changed[c - 2] : -1;
    const b = c > 0 ? changed[c - 1] : -1;
    const upA = a >= 0 ? this.up(a, source.levels[a], levels[a]) : IDENTITY;
    const upB = b >= 0 ? this.up(b, source.levels[b], levels[b]) : IDENTITY;
    const sA = a >= 0 ? this.shift[a] : 0;
    const sB = b >= 0 ? this.shift[b] : 0;
    const mA = a >= 0 ? (1 << this.width[a]) - 1 : 0;
    const mB = b >= 0 ? (1 << this.width[b]) - 1 : 0;
    const keep = ~(mA << sA) & ~(mB << sB);

    const srcCount = source.count;
    const cap = tableCapacity(Math.min(n, bound));
    const shift = 32 - Math.log2(cap);
    const wrap = 2 * cap - 1;
    const slots = this.islots;
    const count = this.outCount;
    const out = this.outIntKeys;
    const used = this.slotOf;
    const classOf = this.classOf;
    let size = 0;
    for (let j = 0; j < n; j++) {
      const old = from[j];
      const key = (old & keep) | upA[(old >>> sA) & mA] | upB[(old >>> sB) & mB];
      let at = (Math.imul(key, 0x9e3779b1) >>> shift) << 1;
      let k: number;
      for (;;) {
        k = slots[at + 1];
        if (k === 0) {
          slots[at] = key;
          slots[at + 1] = k = ++size;
          out[k - 1] = key;
          count[k - 1] = srcCount[j];
          used[k - 1] = at;
          break;
        }
        if (slots[at] === key) {
          count[k - 1] += srcCount[j];
          break;
        }
        at = (at + 2) & wrap;
      }
      if (withClassOf) classOf[j] = k - 1;
    }
    for (let i = 0; i < size; i++) slots[used[i] + 1] = 0;
    return { levels: levels.slice(), size, rep: NO_REP, count: count.slice(0, size), keys: out.slice(0, size) };
  }

  /** keys[0..n) with the fields of the first `upto` changed columns replaced, in one pass. */
  private rewrite(from: Int32Array, n: number, fromLevels: Int32Array, toLevels: Int32Array, upto: number): Int32Array {
    const keys = this.ikeys;
    const d0 = this.changed[0];
    const up0 = this.up(d0, fromLevels[d0], toLevels[d0]);
    const s0 = this.shift[d0];
    const m0 = (1 << this.width[d0]) - 1;
    if (upto === 1) {
      const keep = ~(m0 << s0);
      for (let j = 0; j < n; j++) {
        const key = from[j];
        keys[j] = (key & keep) | up0[(key >>> s0) & m0];
      }
      return keys;
    }
    const ups: Int32Array[] = [];
    const sh = new Int32Array(upto);
    const mk = new Int32Array(upto);
    let keep = -1;
    for (let i = 0; i < upto; i++) {
      const d = this.changed[i];
      ups.push(this.up(d, fromLevels[d], toLevels[d]));
      sh[i] = this.shift[d];
      mk[i] = (1 << this.width[d]) - 1;
      keep &= ~(mk[i] << sh[i]);
    }
    for (let j = 0; j < n; j++) {
      const key = from[j];
      let next = key & keep;
      for (let i = 0; i < upto; i++) next |= ups[i][(key >>> sh[i]) & mk[i]];
      keys[j] = next;
    }
    return keys;
  }

  /** Label at level `from` → its label at level `to`, already shifted into the column's field. */
  private up(d: number, from: number, to: number): Int32Array {
    const id = (d * 65536 + from) * 256 + to;
    let up = this.ups.get(id);
    if (!up) {
      const a = this.columns[d].labelOf[from];
      const b = this.columns[d].labelOf[to];
      const code = this.codes[d];
      const s = this.shift[d];
      up = new Int32Array(this.columns[d].cardinality[from]);
      // Only codes that occur in the data have labels; the microclasses list exactly those.
      for (let i = 0; i < code.length; i++) up[a[code[i]]] = b[code[i]] << s;
      this.ups.set(id, up);
    }
    return up;
  }

  /** Inserts fkeys[0..n) (one per source class). */
  private groupFloat(levels: Int32Array, source: ClassTable): ClassTable {
    const n = source.size;
    const keys = this.fkeys;
    const cap = tableCapacity(n);
    const mask = cap - 1;
    const slots = this.fslots;
    slots.fill(0, 0, 2 * cap);
    const rep = this.outRep;
    const count = this.outCount;
    const classOf = this.classOf;
    const srcRep = source.rep;
    const srcCount = source.count;
    const outKeys = new Float64Array(n);
    let size = 0;
    for (let j = 0; j < n; j++) {
      const key = keys[j];
      let h = (hash(key) & mask) << 1;
      for (;;) {
        const v = slots[h + 1];
        if (v === 0) {
          slots[h] = key;
          slots[h + 1] = ++size;
          rep[size - 1] = srcRep[j];
          count[size - 1] = srcCount[j];
          outKeys[size - 1] = key;
          classOf[j] = size - 1;
          break;
        }
        if (slots[h] === key) {
          count[v - 1] += srcCount[j];
          classOf[j] = v - 1;
          break;
        }
        h = (h + 2) & (2 * mask + 1);
      }
    }
    return {
      levels: levels.slice(),
      size,
      rep: rep.slice(0, size),
      count: count.slice(0, size),
      keys: this.layout === 'float' ? outKeys.slice(0, size) : null,
    };
  }

  /** 53-bit layout: source key plus the per-column differences between the two levels. */
  private rollFloatKeys(levels: Int32Array, source: ClassTable): void {
    const n = source.size;
    const keys = this.fkeys;
    keys.set((source.keys as Float64Array).subarray(0, n));
    const srcRep = source.rep;
    for (let d = 0; d < this.columns.length; d++) {
      const from = source.levels[d];
      const to = levels[d];
      if (from === to) continue;
      const delta = this.delta(d, from, to);
      const code = this.codes[d];
      for (let j = 0; j < n; j++) keys[j] += delta[code[srcRep[j]]];
    }
  }

  /** (label at `to` − label at `from`) · radix, per original code. */
  private delta(d: number, from: number, to: number): Float64Array {
    const id = (d * 65536 + from) * 256 + to;
    let delta = this.deltas.get(id);
    if (!delta) {
      const a = this.columns[d].labelOf[from];
      const b = this.columns[d].labelOf[to];
      const r = this.radix[d];
      delta = new Float64Array(a.length);
      for (let c = 0; c < a.length; c++) delta[c] = (b[c] - a[c]) * r;
      this.deltas.set(id, delta);
    }
    return delta;
  }

  /** General layout: mixed-radix key over the target labels, renumbered before it would overflow. */
  private mixedKeys(levels: Int32Array, source: ClassTable): void {
    const n = source.size;
    const keys = this.fkeys;
    const srcRep = source.rep;
    let radix = 1;
    keys.fill(0, 0, n);
    for (let d = 0; d < this.columns.length; d++) {
      const card = this.columns[d].cardinality[levels[d]];
      if (radix * card >= EXACT) radix = this.renumber(n);
      const label = this.columns[d].labelOf[levels[d]];
      const code = this.codes[d];
      for (let j = 0; j < n; j++) keys[j] = keys[j] * card + label[code[srcRep[j]]];
      radix *= card;
    }
  }

  /** Replaces fkeys[0..n) by dense numbers 0..distinct−1; returns the new radix (distinct). */
  private renumber(n: number): number {
    const cap = tableCapacity(n);
    const mask = cap - 1;
    const slots = this.fslots;
    slots.fill(0, 0, 2 * cap);
    const keys = this.fkeys;
    let next = 0;
    for (let j = 0; j < n; j++) {
      const key = keys[j];
      let h = (hash(key) & mask) << 1;
      for (;;) {
        const v = slots[h + 1];
        if (v === 0) {
          slots[h] = key;
          slots[h + 1] = ++next;
          keys[j] = next - 1;
          break;
        }
        if (slots[h] === key) {
          keys[j] = v - 1;
          break;
        }
        h = (h + 2) & (2 * mask + 1);
      }
    }
    return Math.max(next, 1);
  }
}

function tableCapacity(n: number): number {
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  return cap;
}

function hash(key: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
