import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SqlEngine } from '../../../src/core/engine.ts';
import type { ReleasedLabels } from '../../../src/core/risk/coded-release.ts';
import { compareCodePoints, countCells, FirstRows, peculiarFromCodes, quantileCont, type PeculiarCodedColumn } from '../../../src/core/risk/peculiar-from-codes.ts';
import { num } from '../../../src/core/sql/quote.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

/** A column whose released code is its source code, with the given labels (rank: the VARCHAR order of `text`). */
function column(name: string, codes: number[], text: (string | null)[], number?: number[]): PeculiarCodedColumn {
  const order = text.map((t, i) => i).sort((a, b) => (text[a] === null ? 1 : text[b] === null ? -1 : compareCodePoints(text[a]!, text[b]!)));
  const rank = new Int32Array(text.length);
  order.forEach((code, i) => (rank[code] = i));
  const nullCode = text.indexOf(null);
  const labels: ReleasedLabels = { text, number: number ? Float64Array.from(number) : null, rank, nullCode };
  return { name, coded: { codes: Int32Array.from(codes), map: Int32Array.from(text, (_, i) => i), size: text.length, nullCode }, labels, rankSortsText: true };
}

describe('peculiar values from codes, without SQL', () => {
  it('compares text as DuckDB sorts VARCHAR: by UTF-8 bytes, i.e. code points', () => {
    const piece = fc.constantFrom('a', 'A', '～', '𠮷', '\uE000', '\uFFFF', '\uD7FF', '🙂', 'é', 'ｱ', '髙', '');
    const text = fc.oneof(fc.array(piece, { maxLength: 4 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 6 }).filter((s) => !/[\uD800-\uDFFF]/u.test(s)));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('lists rare categories of the kept records by count, then text, up to the cap; NULL is never one', () => {
    // Records 0–7 with values b b a c c c d NULL; record 1 is dropped, so b, a and d have one record each.
    const v = column('v', [0, 0, 1, 2, 2, 2, 3, 4], ['b', 'a', 'c', 'd', null]);
    const keep = Uint8Array.from([1, 0, 1, 1, 1, 1, 1, 1]);
    const all = peculiarFromCodes({ records: 8, keep, categorical: [v], numeric: [] }, { minCount: 2 })!;
    expect(all.findings.map((f) => [f.value, f.count])).toEqual([
      ['a', 1],
      ['b', 1],
      ['d', 1],
    ]);
    const capped = peculiarFromCodes({ records: 8, keep, categorical: [v], numeric: [] }, { minCount: 2, maxPerColumn: 2 })!;
    expect(capped.findings.map((f) => f.value)).toEqual(['a', 'b']);
    expect(capped.omitted).toEqual([{ column: 'v', reason: 'rareCategory', count: 1 }]);
  });

  it('counts released values that cast to one double together, and lists values beyond limits or percentiles', () => {
    // 1 (six records), 2^53 from two released values (one record each), 2^60, NULL.
    const x = column('x', [2, 2, 2, 2, 2, 2, 0, 1, 3, 4], ['9007199254740992', '9007199254740993', '1', '1152921504606846976', null], [2 ** 53, 2 ** 53, 1, 2 ** 60, NaN]);
    x.labels.rank.set([1, 2, 0, 3, 4]);
    const input = { records: 10, keep: null, categorical: [], numeric: [x] };
    // The 0th and 100th percentiles are the extremes themselves: nothing lies beyond.
    expect(peculiarFromCodes(input, { percentiles: [0, 1] })!.findings).toEqual([]);
    const limited = peculiarFromCodes(input, { limits: { x: { min: 1.5, max: 2 } } })!;
    expect(limited.findings.map((f) => [f.reason, f.value, f.count, f.bound])).toEqual([
      ['belowLimit', 1, 6, 1.5],
      ['aboveLimit', 2 ** 60, 1, 2],
      ['aboveLimit', 2 ** 53, 2, 2],
    ]);
  });

  it('gives up on a numeric column with a value that is not finite', () => {
    const x = column('x', [0, 1], ['1', 'inf'], [1, Infinity]);
    expect(peculiarFromCodes({ records: 2, keep: null, categorical: [], numeric: [x] })).toBeNull();
  });

  it('crosses categories with areas: common enough overall, rare within an area, ordered by area count then overall count', () => {
    const v = column('v', [0, 0, 0, 0, 1, 1, 1, 1, 1, 2], ['x', 'y', 'z']);
    const g = column('g', [0, 0, 0, 1, 0, 0, 0, 0, 1, 0], ['東', '西']);
    const r = peculiarFromCodes({ records: 10, keep: null, categorical: [v, g], numeric: [], geography: g }, { minCount: 2, geographyMaxShare: 0.5 })!;
    expect(r.findings.filter((f) => f.reason === 'rareInGeography').map((f) => [f.value, f.count, f.geography])).toEqual([
      ['x', 1, { column: 'g', value: '西', overallCount: 4 }],
      ['y', 1, { column: 'g', value: '西', overallCount: 5 }],
    ]);
    // At most 40% of the records: y (5 of 10) is too common to be crossed.
    const narrow = peculiarFromCodes({ records: 10, keep: null, categorical: [v], numeric: [], geography: g }, { minCount: 2, geographyMaxShare: 0.4 })!;
    expect(narrow.findings.filter((f) => f.reason === 'rareInGeography').map((f) => f.value)).toEqual(['x']);
  });

  it('counts the cells of values × areas alike in one array and by grouping records by value', () => {
    const input = fc.record({
      values: fc.integer({ min: 1, max: 6 }),
      areas: fc.integer({ min: 1, max: 5 }),
      minCount: fc.constantFrom(1, 2, 3, 300),
      records: fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 4 })), { maxLength: 400 }),
    });
    fc.assert(
      fc.property(input, ({ values, areas, minCount, records }) => {
        // Source codes 0…7; codes 6 and 7 are not counted (−1); area −1 stands for a dropped record or a NULL area.
        const vOf = Int32Array.from({ length: 8 }, (_, s) => (s < 6 ? s % values : -1));
        const codes = Int32Array.from(records, ([s]) => s % 8);
        const area = Int32Array.from(records, ([, a]) => (a < 0 ? -1 : a % areas));
        const naive = new Map<string, number>();
        codes.forEach((s, r) => {
          if (vOf[s] >= 0 && area[r] >= 0) naive.set(`${vOf[s]},${area[r]}`, (naive.get(`${vOf[s]},${area[r]}`) ?? 0) + 1);
        });
        const want = [...naive].filter(([, n]) => n < minCount).map(([k, n]) => `${k},${n}`).sort();
        for (const direct of [Infinity, 0]) {
          const got: string[] = [];
          countCells(codes, vOf, area, values, areas, minCount, { push: (v, a, n) => got.push(`${v},${a},${n}`) }, direct);
          got.sort();
          expect(got).toEqual(want);
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('keeps the first rows in key order, as a full sort and LIMIT would', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -2, max: 2 }), fc.nat(1000)), { maxLength: 300 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 20 }), (list, cap) => {
        const first = new FirstRows(cap, 3, 2);
        for (const r of list) {
          first.row.set(r);
          first.offer();
        }
        const key = (r: readonly number[]) => `${r[0]},${r[1]}`;
        const want = [...list].sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, cap);
        const got = first.sorted().map((r) => [...r]);
        expect(first.total).toBe(list.length);
        // Ties in the key may come in any order (as in SQL); the keys, and the rows up to the last key, must agree.
        expect(got.map(key)).toEqual(want.map(key));
        for (const r of got) expect(list.some((x) => x[0] === r[0] && x[1] === r[1] && x[2] === r[2])).toBe(true);
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it('refuses the options the SQL listing refuses', () => {
    const input = { records: 0, keep: null, categorical: [], numeric: [] };
    expect(() => peculiarFromCodes(input, { minCount: 0 })).toThrow(expect.objectContaining({ key: 'riskSdc.error.minCount' }));
    expect(() => peculiarFromCodes(input, { percentiles: [0.5, 0.5] })).toThrow(expect.objectContaining({ key: 'riskSdc.error.percentiles' }));
  });
});

for (const host of ENGINE_HOSTS) {
  describe(`quantileCont is DuckDB's quantile_cont to the last bit (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
    }, 60_000);
    afterAll(() => engine.close());

    it('on random multisets and quantiles', async () => {
      const value = fc.oneof(fc.integer({ min: -500, max: 500 }).map((i) => i / 10), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(value, { minLength: 1, maxLength: 12, comparator: (a, b) => a === b }),
          fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 12, maxLength: 12 }),
          fc.oneof(fc.constantFrom(0, 0.01, 0.05, 0.5, 0.95, 0.99, 1), fc.double({ min: 0, max: 1, noNaN: true })),
          async (values, times, q) => {
            const x = Float64Array.from(values).sort();
            const n = Float64Array.from(x, (_, i) => times[i]);
            const list = [...x].flatMap((v, i) => Array<string>(times[i]).fill(num(v))).join(', ');
            const [row] = await engine.rows(`SELECT quantile_cont(CAST(v AS DOUBLE), ${num(q)}) AS q FROM (SELECT unnest([${list}]) AS v)`);
            const mine = quantileCont(x, n, q);
            expect(mine === Number(row.q), `${mine} vs ${row.q}`).toBe(true);
          },
        ),
        { numRuns: 300, seed: 5 },
      );
    });
  });
}
