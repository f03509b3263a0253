import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeCombos } from '../../../src/core/suppress/coded.ts';
import { wildcardFrequencies } from '../../../src/core/suppress/frequency.ts';
import { MatchIndex } from '../../../src/core/suppress/match-index.ts';

describe('MatchIndex', () => {
  it('keeps sdcMicro frequencies exact through any sequence of blanks, with array tables and with Map tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((keys) =>
          fc.record({
            keys: fc.constant(keys),
            rows: fc.uniqueArray(fc.array(fc.option(fc.constantFrom('a', 'b', 'c'), { freq: 5 }), { minLength: keys, maxLength: keys }), {
              minLength: 1,
              maxLength: 20,
              selector: (r) => JSON.stringify(r),
            }),
            counts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 20, maxLength: 20 }),
            blanks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 15 }),
          }),
        ),
        ({ keys, rows, counts, blanks }) => {
          const c = codeCombos({ keys: rows[0].map((_, d) => `k${d}`), values: rows, counts: rows.map((_, i) => counts[i]) });
          const indexes = [new MatchIndex(c), new MatchIndex(c, 0)];
          const check = () => {
            const expected = Array.from(wildcardFrequencies(c, indexes[0].masks));
            for (const index of indexes) {
              expect(rows.map((_, i) => index.frequency(i, index.masks[i]))).toEqual(expected);
              expect(Array.from(index.frequencies())).toEqual(expected);
            }
          };
          check();
          for (const [i, d] of blanks) {
            const at = i % rows.length;
            const mask = (indexes[0].masks[at] & ~(1 << d % keys)) >>> 0;
            for (const index of indexes) index.setMask(at, mask);
            check();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
