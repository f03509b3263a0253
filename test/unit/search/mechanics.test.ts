import { describe, expect, it } from 'vitest';
import { Lattice } from '../../../src/core/search/lattice.ts';
import type { PreparedColumn } from '../../../src/core/search/prepare.ts';
import { JavaPriorityQueue } from '../../../src/core/search/priority-queue.ts';
import { P, Properties } from '../../../src/core/search/properties.ts';

/** Only height and the distinct counts matter to the lattice. */
const column = (height: number, distinct: number[]): PreparedColumn =>
  ({ column: 'c', height, cardinality: distinct }) as unknown as PreparedColumn;

describe('java.util.PriorityQueue order', () => {
  it('polls equal elements in heap order, not insertion order', () => {
    // All compare equal: add keeps [10, 11, 12, 13]; poll moves 13 to the root and stops at once
    // (13 ≤ 11), so 13 comes second; then 12 replaces it the same way.
    const q = new JavaPriorityQueue(() => 0);
    for (const x of [10, 11, 12, 13]) q.add(x);
    expect([q.poll(), q.poll(), q.poll(), q.poll(), q.poll()]).toEqual([10, 13, 12, 11, undefined]);
  });

  it('is a min-heap for distinct elements and keeps duplicates', () => {
    const q = new JavaPriorityQueue((a, b) => a - b);
    for (const x of [5, 3, 8, 1, 4, 7, 2, 6, 3]) q.add(x);
    const out: number[] = [];
    while (q.size > 0) out.push(q.poll()!);
    expect(out).toEqual([1, 2, 3, 3, 4, 5, 6, 7, 8]);
  });
});

describe('the lattice as ARX numbers it', () => {
  // Heights 3 and 2: ids = level0 + 3·level1.
  const lat = new Lattice([column(3, [4, 2, 1]), column(2, [2, 1])]);

  it('has mixed-radix ids with the first column lowest, listed by level then id', () => {
    expect(lat.size).toBe(6);
    expect(Array.from(lat.levels(5))).toEqual([2, 1]);
    expect(Array.from(lat.byLevel)).toEqual([0, 1, 3, 2, 4, 5]);
    expect(Array.from(lat.levelStart)).toEqual([0, 1, 3, 5, 6]);
  });

  it('sorts by level, then mean relative level, then 1 − mean distinct share', () => {
    // (1,0): level 1/3, prec (1/2 + 0)/2 = 0.25; (0,1): prec (0 + 1)/2 = 0.5 → (1,0) first.
    expect(Array.from(lat.sortedSuccessors(0))).toEqual([1, 3]);
    // (2,0) vs (1,1) from (1,0): prec 0.5 vs 0.75.
    expect(Array.from(lat.sortedSuccessors(1))).toEqual([2, 4]);
    expect(Array.from(lat.sortedSuccessors(5))).toEqual([]);
    expect(lat.predecessors(4).sort()).toEqual([1, 3]);
  });
});

describe('predictive properties', () => {
  const lat = new Lattice([column(3, [3, 2, 1]), column(3, [3, 2, 1])]);
  const id = (a: number, b: number) => a + 3 * b;

  it('up-properties hold above, down-properties below, others only on the node', () => {
    const p = new Properties(lat, true);
    p.put(id(1, 0), P.anonymous);
    expect(p.has(id(1, 0), P.anonymous)).toBe(true);
    expect(p.has(id(2, 2), P.anonymous)).toBe(true);
    expect(p.has(id(1, 2), P.anonymous)).toBe(true);
    expect(p.has(id(0, 2), P.anonymous)).toBe(false);
    p.put(id(1, 1), P.notKAnonymous);
    expect(p.has(id(0, 0), P.notKAnonymous)).toBe(true);
    expect(p.has(id(1, 0), P.notKAnonymous)).toBe(true);
    expect(p.has(id(2, 0), P.notKAnonymous)).toBe(false);
    p.put(id(1, 1), P.visited);
    expect(p.has(id(2, 2), P.visited)).toBe(false);
  });

  it('anonymity is exact per node unless it is predictable', () => {
    const p = new Properties(lat, false);
    p.put(id(1, 0), P.anonymous);
    expect(p.has(id(2, 0), P.anonymous)).toBe(false);
    p.put(id(0, 1), P.notAnonymous);
    expect(p.has(id(0, 0), P.notAnonymous)).toBe(false);
  });
});
