import type { CodedCombos } from './coded.ts';

/** One missingness pattern: the combinations whose present keys are exactly `mask`. */
interface Group {
  mask: number;
  members: Set<number>;
  /** By key-set slot (see MatchIndex.slot): id of the values on those keys → records of this group with them. */
  sums: (Table | undefined)[];
  /** The slots of `sums` built so far. */
  built: number[];
  /** u ⊆ mask → (id of the values on u → the combinations of this group with them). */
  lists: Map<number, Map<number, Set<number>>>;
}

/**
 * sdcMicro frequencies under changing missingness, kept up to date as combinations get cells
 * blanked. Combinations are grouped by their present-key mask; for a group q and a set of keys
 * u ⊆ q, a table maps the values on u to the records of group q having them. A record with
 * mask p then matches, from group q, exactly the entry for its values on p ∩ q. Tables are built
 * on first use and adjusted when a combination changes group.
 *
 * This is the hot loop of local suppression, so nothing in it hashes a key set or a value tuple:
 * each key set u gets a slot number on first use, each combination's values on u an integer id
 * (computed once per u), and each mask remembers which slot p ∩ q is for every group q. A
 * lookup is then three array reads and one Map.get on a small integer.
 */
export class MatchIndex {
  readonly masks: Uint32Array;
  private readonly groupOf = new Map<number, Group>();
  /** Every group ever made, in creation order (empty ones stay, skipped by size). */
  private readonly all: Group[] = [];
  private readonly slots = new Map<number, number>();
  /** By slot: every combination's id of its values on that slot's keys. */
  private readonly ids: Int32Array[] = [];
  /** By slot: how many distinct ids. */
  private readonly sizes: number[] = [];
  /** Entries of the dense tables made so far. */
  private dense = 0;
  /** By mask p: the slot of p ∩ q for each group q of `all`, extended as groups appear. */
  private readonly plans = new Map<number, number[]>();
  private readonly full: number;

  /** `denseBudget`: entries of array tables before Maps are used (see DENSE_BUDGET); tests pass 0 to cover the Maps. */
  constructor(
    private readonly c: CodedCombos,
    private readonly denseBudget = DENSE_BUDGET,
  ) {
    this.masks = c.masks.slice();
    this.full = 2 ** c.keys - 1;
    for (let i = 0; i < this.masks.length; i++) this.group(this.masks[i]).members.add(i);
  }

  /** fk of combination i if its present keys were `mask` (it still counts itself). */
  frequency(i: number, mask: number): number {
    if (mask === 0) return this.c.records;
    const skipEmpty = mask === this.full && this.c.keys > 1;
    const plan = this.plan(mask);
    const all = this.all;
    const ids = this.ids;
    let fk = 0;
    for (let g = 0; g < all.length; g++) {
      const group = all[g];
      if (group.members.size === 0 || (skipEmpty && group.mask === 0)) continue;
      const slot = plan[g];
      const table = group.sums[slot] ?? this.build(group, slot);
      const id = ids[slot][i];
      fk += table instanceof Int32Array ? table[id] : (table.get(id) ?? 0);
    }
    return fk;
  }

  /** Every combination's fk under the current masks (what wildcardFrequencies computes from scratch). */
  frequencies(): Float64Array {
    const fk = new Float64Array(this.masks.length);
    for (let i = 0; i < fk.length; i++) fk[i] = this.frequency(i, this.masks[i]);
    return fk;
  }

  /** Masks that currently have members. */
  groups(): number[] {
    return this.all.filter((g) => g.members.size > 0).map((g) => g.mask);
  }

  /** The combinations of group q that agree with combination i on the keys u (u ⊆ q). */
  matching(q: number, u: number, i: number): ReadonlySet<number> {
    const group = this.groupOf.get(q);
    if (!group) return EMPTY;
    const id = this.ids[this.slot(u)];
    let table = group.lists.get(u);
    if (!table) {
      table = new Map();
      for (const j of group.members) {
        let set = table.get(id[j]);
        if (!set) table.set(id[j], (set = new Set()));
        set.add(j);
      }
      group.lists.set(u, table);
    }
    return table.get(id[i]) ?? EMPTY;
  }

  /** Moves combination i to a new mask, adjusting every table built so far. */
  setMask(i: number, mask: number): void {
    const from = this.masks[i];
    if (from === mask) return;
    const n = this.c.counts[i];
    const a = this.group(from);
    this.adjust(a, i, -n);
    a.members.delete(i);
    this.masks[i] = mask;
    const b = this.group(mask);
    b.members.add(i);
    this.adjust(b, i, n);
  }

  private adjust(group: Group, i: number, delta: number): void {
    for (const slot of group.built) {
      const table = group.sums[slot]!;
      const key = this.ids[slot][i];
      if (table instanceof Int32Array) {
        table[key] += delta;
        continue;
      }
      const v = (table.get(key) ?? 0) + delta;
      if (v === 0) table.delete(key);
      else table.set(key, v);
    }
    for (const [u, table] of group.lists) {
      const key = this.ids[this.slot(u)][i];
      let set = table.get(key);
      if (delta > 0) {
        if (!set) table.set(key, (set = new Set()));
        set.add(i);
      } else set?.delete(i);
    }
  }

  private group(mask: number): Group {
    let group = this.groupOf.get(mask);
    if (!group) {
      group = { mask, members: new Set(), sums: [], built: [], lists: new Map() };
      this.groupOf.set(mask, group);
      this.all.push(group);
    }
    return group;
  }

  private build(group: Group, slot: number): Table {
    const id = this.ids[slot];
    const counts = this.c.counts;
    const size = this.sizes[slot];
    let table: Table;
    if (this.dense + size <= this.denseBudget) {
      this.dense += size;
      const t = new Int32Array(size);
      for (const j of group.members) t[id[j]] += counts[j];
      table = t;
    } else {
      const t = new Map<number, number>();
      for (const j of group.members) t.set(id[j], (t.get(id[j]) ?? 0) + counts[j]);
      table = t;
    }
    group.sums[slot] = table;
    group.built.push(slot);
    return table;
  }

  private plan(mask: number): number[] {
    let plan = this.plans.get(mask);
    if (!plan) this.plans.set(mask, (plan = []));
    for (let g = plan.length; g < this.all.length; g++) plan.push(this.slot((mask & this.all[g].mask) >>> 0));
    return plan;
  }

  /**
   * The slot of the key set u, made on first use with the ids of every combination's values on
   * u (equal ids = equal values). u's ids come from those of u without its highest key, paired
   * with that key's codes, so each costs one pass over small integers. Ids are only compared
   * between combinations that have all of u, so missing codes need no special care.
   */
  private slot(u: number): number {
    const known = this.slots.get(u);
    if (known !== undefined) return known;
    const m = this.masks.length;
    const ids = new Int32Array(m);
    let size = 1;
    if (u !== 0) {
      const d = 31 - Math.clz32(u);
      const rest = (u & ~(1 << d)) >>> 0;
      const before = this.ids[this.slot(rest)];
      const radix = this.c.cardinality[d] + 1;
      const codes = this.c.codes[d];
      const seen = new Map<number, number>();
      for (let i = 0; i < m; i++) {
        // Missing (−1) becomes 0, so the pair is a whole number below 2^53 for any data.
        const pair = before[i] * radix + codes[i] + 1;
        let id = seen.get(pair);
        if (id === undefined) seen.set(pair, (id = seen.size));
        ids[i] = id;
      }
      size = seen.size;
    }
    const slot = this.ids.length;
    this.ids.push(ids);
    this.sizes.push(size);
    this.slots.set(u, slot);
    return slot;
  }
}

const EMPTY: ReadonlySet<number> = new Set();

/**
 * A table is an array indexed by id while their entries stay under this many in all (32 MB),
 * a Map beyond: arrays make lookups and updates plain reads and writes, Maps bound the memory
 * on data with very many combinations.
 */
const DENSE_BUDGET = 8_000_000;

type Table = Int32Array | Map<number, number>;
