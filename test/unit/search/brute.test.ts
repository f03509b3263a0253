import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hierarchy } from '../../../src/core/hierarchy/types.ts';
import { buildSearchInput } from '../../../src/core/search/input.ts';
import { searchOptimumSync } from '../../../src/core/search/search.ts';
import type { SearchModel } from '../../../src/core/search/types.ts';
import { bruteForce, type RefRow } from './reference.ts';

/** A column with `size` values a0…; height 2 (value, *) or 3 (value, pair group, *). */
function hierarchy(name: string, size: number, height: number): Hierarchy {
  const rows = [...Array(size).keys()].map((i) =>
    height === 2 ? [`${name}${i}`, '*'] : [`${name}${i}`, `${name}g${Math.floor(i / 2)}`, '*'],
  );
  return { levels: height, rows };
}

const dataset = fc
  .record({
    shapes: fc.array(fc.record({ size: fc.integer({ min: 2, max: 6 }), height: fc.integer({ min: 2, max: 4 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    rows: fc.array(
      fc.record({
        picks: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 3, maxLength: 3 }),
        missing: fc.integer({ min: 0, max: 19 }),
        s: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 3, maxLength: 36 },
    ),
  })
  .map(({ shapes, rows }) => {
    const columns = shapes.map(({ size, height }, d) => {
      const h = hierarchy(`q${d}`, size, Math.min(height, 3));
      // A height-4 request adds a redundant level (same labels as the level below) to exercise ties.
      if (height === 4) return { column: `q${d}`, hierarchy: { levels: 4, rows: h.rows.map((r) => [...r.slice(0, -1), r[r.length - 2], '*']) } };
      return { column: `q${d}`, hierarchy: h };
    });
    const refRows: RefRow[] = rows.map((r) => ({
      values: columns.map(({ hierarchy: h }, d) => (r.missing === 0 && d === 0 ? null : h.rows[r.picks[d] % h.rows.length][0])),
      s: `s${r.s}`,
    }));
    return { columns, refRows };
  });

const models: fc.Arbitrary<SearchModel> = fc.oneof(
  fc.record({
    k: fc.integer({ min: 1, max: 5 }),
    suppressionLimit: fc.constantFrom(0, 0.05, 0.1, 0.25, 0.5),
    metric: fc.constantFrom('loss', 'entropy', 'discernibility', 'aecs' as const),
    gsFactor: fc.constantFrom(0.5, 0.3, 0.8),
  }),
  fc.record({
    k: fc.integer({ min: 1, max: 3 }),
    suppressionLimit: fc.constantFrom(0, 0.1, 0.3),
    metric: fc.constantFrom('loss', 'entropy', 'discernibility', 'aecs' as const),
    l: fc.oneof(
      fc.record({ l: fc.constantFrom(2, 3), variant: fc.constant('distinct' as const) }),
      fc.record({ l: fc.constantFrom(1.5, 2.4), variant: fc.constant('entropy' as const) }),
      fc.record({ l: fc.constantFrom(2, 3), variant: fc.constant('recursive' as const), c: fc.constantFrom(1.5, 3) }),
    ),
  }),
  fc.record({
    suppressionLimit: fc.constantFrom(0, 0.1, 0.3),
    metric: fc.constantFrom('loss', 'discernibility' as const),
    t: fc.record({ t: fc.constantFrom(0.1537, 0.3391), variant: fc.constantFrom('equal', 'ordered' as const) }),
  }),
);

describe('search agrees with brute force over the whole lattice', () => {
  it('finds the lowest loss, and the same transformation when it is the only one', () => {
    fc.assert(
      fc.property(dataset, models, ({ columns, refRows }, model) => {
        const sensitive = model.l || model.t ? 's' : undefined;
        const combos = refRows.map((r) => ({ values: r.values, sensitive: r.s, count: 1 }));
        const input = buildSearchInput(columns, combos, sensitive);
        const result = searchOptimumSync(input, model);
        const ref = bruteForce(refRows, columns, model);
        const anonymous = ref.filter((n) => n.anonymous);
        if (anonymous.length === 0) {
          expect(result.found).toBe(false);
          return;
        }
        expect(result.found).toBe(true);
        const best = Math.min(...anonymous.map((n) => n.loss));
        expect(result.infoLoss).toBe(best);
        const levels = columns.map((c) => result.levels![c.column]);
        const mine = ref.find((n) => n.levels.every((l, d) => l === levels[d]))!;
        expect(mine.anonymous).toBe(true);
        expect(mine.loss).toBe(best);
        expect(result.suppressedRecords).toBe(mine.suppressed);
        expect(result.classes).toBe(mine.classes);
        const argmin = anonymous.filter((n) => n.loss === best);
        if (argmin.length === 1) expect(levels).toEqual(argmin[0].levels);
      }),
      { numRuns: 400 },
    );
  });
});
