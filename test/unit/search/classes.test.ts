import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Groupifier } from '../../../src/core/search/classes.ts';
import { buildSearchInput } from '../../../src/core/search/input.ts';
import { prepareColumns } from '../../../src/core/search/prepare.ts';

/**
 * Rolling classes up from a finer transformation must give exactly the classes obtained by
 * grouping the generalized values directly, in each key layout (32-bit bit fields, 53-bit mixed radix,
 * and the renumbering mixed radix used when keys would not fit a double).
 */
describe('class tables', () => {
  it('roll up to the same partition as direct grouping, in every key layout', () => {
    const data = fc.record({
      sizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
      rows: fc.array(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 60 }),
      a: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
      b: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
    });
    fc.assert(
      fc.property(data, ({ sizes, rows, a, b }) => {
        // Level 1 groups values by three, level 2 is '*'.
        const columns = sizes.map((size, d) => ({
          column: `c${d}`,
          hierarchy: { levels: 3, rows: [...Array(size).keys()].map((i) => [`v${i}`, `g${Math.floor(i / 3)}`, '*']) },
        }));
        const input = buildSearchInput(
          columns,
          rows.map((r) => ({ values: sizes.map((size, d) => (r[d] === 99 ? null : `v${r[d] % size}`)), count: 1 + (r[4] % 3) })),
        );
        const prepared = prepareColumns(input);
        const lo = Int32Array.from(sizes.map((_, d) => Math.min(a[d], b[d])));
        const hi = Int32Array.from(sizes.map((_, d) => Math.max(a[d], b[d])));
        const direct = (levels: Int32Array) => {
          const key = (i: number) => prepared.map((c, d) => c.labelOf[levels[d]][input.codes[d][i]]).join(',');
          const first = new Map<string, number>();
          return Array.from(input.codes[0], (_, i) => {
            const k = key(i);
            if (!first.has(k)) first.set(k, i);
            return first.get(k)!;
          });
        };
        const expected = direct(hi);
        for (const layout of ['bits', 'float', 'mixed'] as const) {
          const g = new Groupifier(prepared, input.codes, input.counts, layout);
          const mid = g.build(lo, g.base, true);
          const viaMid = Array.from(g.classOf);
          const top = g.build(hi, mid, true);
          const classOfMicro = viaMid.map((c) => g.classOf[c]);
          // Same partition: two microclasses share a class exactly when they do by direct grouping.
          const firstOfClass = new Map<number, number>();
          const got = classOfMicro.map((c, i) => {
            if (!firstOfClass.has(c)) firstOfClass.set(c, i);
            return firstOfClass.get(c)!;
          });
          expect(got).toEqual(expected);
          // Counts add up per class and the representative belongs to its class.
          const sums = new Map<number, number>();
          classOfMicro.forEach((c, i) => sums.set(c, (sums.get(c) ?? 0) + input.counts[i]));
          for (let c = 0; c < top.size; c++) expect(top.count[c]).toBe(sums.get(c));
          // Each class carries its labels: in its key (bit fields) or through a representative.
          const fields = g.fields();
          classOfMicro.forEach((c, i) => {
            if (fields) {
              fields.forEach(({ shift, mask }, d) => expect(((top.keys as Int32Array)[c] >>> shift) & mask).toBe(prepared[d].labelOf[hi[d]][input.codes[d][i]]));
            } else {
              expect(classOfMicro[top.rep[c]]).toBe(c);
            }
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('renumbers keys that would not fit a double (24 columns of 8 values)', () => {
    let seed = 7;
    // High bits of an LCG (its low bits cycle quickly).
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
    const columns = [...Array(24).keys()].map((d) => ({
      column: `c${d}`,
      hierarchy: { levels: 3, rows: [...Array(8).keys()].map((i) => [`v${i}`, `g${i % 2}`, '*']) },
    }));
    const input = buildSearchInput(
      columns,
      [...Array(300).keys()].map(() => ({ values: columns.map(() => `v${next(8)}`), count: 1 })),
    );
    const prepared = prepareColumns(input);
    const g = new Groupifier(prepared, input.codes, input.counts);
    for (let trial = 0; trial < 20; trial++) {
      // Mostly level 0 (8 labels each): the radix product passes 2^53 after about 17 columns.
      const levels = Int32Array.from(columns, () => (next(4) === 0 ? 1 : 0));
      const t = g.build(levels, g.base, true);
      const key = (i: number) => prepared.map((c, d) => c.labelOf[levels[d]][input.codes[d][i]]).join(',');
      const classes = new Map<string, number>();
      for (let i = 0; i < input.counts.length; i++) {
        const k = key(i);
        if (!classes.has(k)) classes.set(k, g.classOf[i]);
        expect(g.classOf[i]).toBe(classes.get(k));
      }
      expect(t.size).toBe(classes.size);
    }
  });
});
