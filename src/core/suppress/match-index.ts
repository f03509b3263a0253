import { type CodedCombos, projector } from './coded.ts';

/**
 * sdcMicro frequencies under changing missingness, kept up to date as combinations get cells
 * blanked. Combinations are grouped by their present-key mask; for a group q and a set of keys
 * u ⊆ q, sums[q][u] maps the values on u to the records of group q having them. A record with
 * mask p then matches, from group q, exactly the entry for its values on p ∩ q. Tables are built
 * on first use and adjusted when a combination changes group.
 */
export class MatchIndex {
  readonly masks: Uint32Array;
  private readonly members = new Map<number, Set<number>>();
  private readonly sums = new Map<number, Map<number, Map<number | string, number>>>();
  private readonly lists = new Map<number, Map<number, Map<number | string, Set<number>>>>();
  private readonly projectors = new Map<number, (i: number) => number | string>();
  private readonly full: number;

  constructor(private readonly c: CodedCombos) {
    this.masks = c.masks.slice();
    this.full = 2 ** c.keys - 1;
    for (let i = 0; i < this.masks.length; i++) this.group(this.masks[i]).add(i);
  }

  /** fk of combination i if its present keys were `mask` (it still counts itself). */
  frequency(i: number, mask: number): number {
    if (mask === 0) return this.c.records;
    let fk = 0;
    for (const [q, set] of this.members) {
      if (set.size === 0) continue;
      if (mask === this.full && q === 0 && this.c.keys > 1) continue;
      const u = (mask & q) >>> 0;
      fk += this.table(q, u).get(this.project(u)(i)) ?? 0;
    }
    return fk;
  }

  /** Masks that currently have members. */
  groups(): number[] {
    return [...this.members].filter(([, set]) => set.size > 0).map(([q]) => q);
  }

  /** The combinations of group q that agree with combination i on the keys u (u ⊆ q). */
  matching(q: number, u: number, i: number): ReadonlySet<number> {
    let tables = this.lists.get(q);
    if (!tables) this.lists.set(q, (tables = new Map()));
    let table = tables.get(u);
    if (!table) {
      table = new Map();
      const key = this.project(u);
      for (const j of this.members.get(q)!) {
        const k = key(j);
        let set = table.get(k);
        if (!set) table.set(k, (set = new Set()));
        set.add(j);
      }
      tables.set(u, table);
    }
    return table.get(this.project(u)(i)) ?? EMPTY;
  }

  /** Moves combination i to a new mask, adjusting every table built so far. */
  setMask(i: number, mask: number): void {
    const from = this.masks[i];
    if (from === mask) return;
    const n = this.c.counts[i];
    this.adjust(from, i, -n);
    this.group(from).delete(i);
    this.masks[i] = mask;
    this.group(mask).add(i);
    this.adjust(mask, i, n);
  }

  private adjust(q: number, i: number, delta: number): void {
    const tables = this.sums.get(q);
    if (tables) {
      for (const [u, table] of tables) {
        const key = this.project(u)(i);
        const v = (table.get(key) ?? 0) + delta;
        if (v === 0) table.delete(key);
        else table.set(key, v);
      }
    }
    const lists = this.lists.get(q);
    if (lists) {
      for (const [u, table] of lists) {
        const key = this.project(u)(i);
        let set = table.get(key);
        if (delta > 0) {
          if (!set) table.set(key, (set = new Set()));
          set.add(i);
        } else set?.delete(i);
      }
    }
  }

  private group(mask: number): Set<number> {
    let set = this.members.get(mask);
    if (!set) this.members.set(mask, (set = new Set()));
    return set;
  }

  private table(q: number, u: number): Map<number | string, number> {
    let tables = this.sums.get(q);
    if (!tables) this.sums.set(q, (tables = new Map()));
    let table = tables.get(u);
    if (!table) {
      table = new Map();
      const key = this.project(u);
      for (const j of this.members.get(q)!) {
        const k = key(j);
        table.set(k, (table.get(k) ?? 0) + this.c.counts[j]);
      }
      tables.set(u, table);
    }
    return table;
  }

  private project(u: number): (i: number) => number | string {
    let p = this.projectors.get(u);
    if (!p) this.projectors.set(u, (p = projector(this.c, u)));
    return p;
  }
}

const EMPTY: ReadonlySet<number> = new Set();
