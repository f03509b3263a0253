import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { suda2, MISSING } from '../../../src/core/risk/suda.ts';
import { loadSudaColumns } from '../../../src/core/risk/suda-load.ts';
import { msuWeight } from '../../../src/core/risk/suda-score.ts';
import { createTable } from './support.ts';

const N = MISSING;
const columnsOf = (rows: number[][]) => rows[0].map((_, j) => Int32Array.from(rows, (r) => r[j]));

/*
 * Hand case, variables A B C (M = 3; MSU weights (M − size)!: size 1 → 2, size 2 → 1, size 3 → 1):
 *   r1 (1,1,1)  r2 (1,1,2)  r3 (1,2,1)  r4 (2,1,1)  r5 (1,1,1)  r6 (2,2,2)  r7 (–,2,2)
 * No single value is unique (each value 2 appears twice or more; r7 cannot match on A).
 *   r1, r5: duplicates, no MSU.
 *   r2: {A,C} = (1,2) only r2 ✓, {B,C} = (1,2) only r2 ✓, {A,B} = (1,1) r1 r2 r5 ✗ → 2 MSUs, score 2.
 *   r3: {A,B} = (1,2) ✓, {B,C} = (2,1) ✓, {A,C} = (1,1) ✗ → score 2.
 *   r4: {A,B} = (2,1) ✓, {A,C} = (2,1) ✓, {B,C} = (1,1) ✗ → score 2.
 *   r6: {A,B} = (2,2) ✓, {A,C} = (2,2) ✓, {B,C} = (2,2) shared with r7 ✗ → score 2.
 *   r7: A is missing, so only {B}, {C}, {B,C}: all shared → no MSU (yet unique on all keys with
 *       the missing value compared as a value).
 * Sample uniques U = 5 (r2 r3 r4 r6 r7), pair records P = 2 (r1 r5).
 * DIS, f = 0.01: Dis = 0.05 / (0.05 + 2·0.99) = 0.05/2.03; U/Dis − U = 203 − 5 = 198; Q = 1 + 5/20 = 1.25;
 *   Σ score^−Q = 4·2^−1.25, so score^Q·Σ = 4 and dis = 1/(1 + 198/4) = 1/50.5 = 0.0198019802 (single
 *   precision steps, as sdcMicro: agree to ~1e-7).
 * Contributions (weight of each MSU to each of its variables): A 1+1+2+2 = 6, B 1+2+1+1 = 5, C 2+1+1+1 = 5
 *   of a total score 8 → 75 %, 62.5 %, 62.5 %. r2's own shares: A ½, B ½, C 1.
 */
const HAND = [
  [1, 1, 1],
  [1, 1, 2],
  [1, 2, 1],
  [2, 1, 1],
  [1, 1, 1],
  [2, 2, 2],
  [N, 2, 2],
];

describe('SUDA2', () => {
  it('finds the MSUs and scores of the hand case', async () => {
    const r = await suda2(columnsOf(HAND), { contributions: true });
    expect(Array.from(r.scores)).toEqual([0, 2, 2, 2, 0, 2, 0]);
    expect(Array.from(r.msuCounts)).toEqual([0, 2, 2, 2, 0, 2, 0]);
    expect(r.msusBySize).toEqual([0, 8, 0]);
    expect(r).toMatchObject({ records: 7, variables: 3, sampleUniques: 5, recordsWithMsu: 4, maxScore: 2 });
    const expectedDis = [0, 1 / 50.5, 1 / 50.5, 1 / 50.5, 0, 1 / 50.5, 0];
    r.disScores.forEach((d, i) => expect(d).toBeCloseTo(expectedDis[i], 7));
    r.attributeContributions.forEach((c, i) => expect(c).toBeCloseTo([75, 62.5, 62.5][i], 12));
    expect(Array.from(r.contributions!.subarray(3, 6))).toEqual([0.5, 0.5, 1]);
  });

  it('stops at maxSize', async () => {
    const r = await suda2(columnsOf(HAND), { maxSize: 1 });
    expect(Array.from(r.scores)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.msusBySize).toEqual([0]);
  });

  it('pads one or two variables to three as sdcMicro does (M = 3 in the weights)', async () => {
    // (1,1) (1,2) (2,1) (1,1): r2 unique on B, r3 unique on A → size-1 MSUs weigh (3 − 1)! = 2.
    const r = await suda2(columnsOf([[1, 1], [1, 2], [2, 1], [1, 1]]));
    expect(Array.from(r.scores)).toEqual([0, 2, 2, 0]);
    expect(r.variables).toBe(2);
    expect(r.attributeContributions).toEqual([50, 50]);
  });

  it('weights MSUs as Elliot (original) or as the older IHSN code', () => {
    // M = 4: (M − k)! = 6, 2, 1, 1;  IHSN: (2^(M−k) − 1)·k!(M−k)!/M! = 7·6/24, 3·4/24, 1·6/24, 0
    expect([1, 2, 3, 4].map((k) => msuWeight(k, 4, true))).toEqual([6, 2, 1, 1]);
    expect([1, 2, 3, 4].map((k) => msuWeight(k, 4, false))).toEqual([1.75, 0.5, 0.25, 0]);
  });

  it('matches a brute-force search over every variable subset', async () => {
    const value = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.constant(N) });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((m) => fc.array(fc.array(value, { minLength: m, maxLength: m }), { minLength: 1, maxLength: 25 })),
        fc.boolean(),
        async (rows, original) => {
          const m = rows[0].length;
          const mm = Math.max(3, m);
          const r = await suda2(columnsOf(rows), { originalScores: original });
          rows.forEach((row, i) => {
            const unique = (mask: number) =>
              rows.filter((o) => [...Array(m).keys()].every((j) => !(mask & (1 << j)) || (row[j] !== N && o[j] === row[j]))).length === 1;
            const msus: number[] = [];
            for (let mask = 1; mask < 1 << m; mask++) {
              if ([...Array(m).keys()].some((j) => mask & (1 << j) && row[j] === N)) continue;
              if (!unique(mask)) continue;
              let minimal = true;
              for (let sub = (mask - 1) & mask; sub > 0 && minimal; sub = (sub - 1) & mask) if (unique(sub)) minimal = false;
              if (minimal) msus.push(mask);
            }
            // a one-record file: the padding columns are unique too, as in sdcMicro
            const pad = rows.length === 1 ? mm - m : 0;
            const size = (x: number) => x.toString(2).replaceAll('0', '').length;
            const score = msus.reduce((s, x) => s + msuWeight(size(x), mm, original), 0) + pad * msuWeight(1, mm, original);
            expect(r.msuCounts[i]).toBe(msus.length + pad);
            expect(r.scores[i]).toBeCloseTo(score, 12);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports progress up to 1 and can be cancelled', async () => {
    let seed = 7; // mulberry32
    const rnd = (k: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % k;
    };
    const cols = Array.from({ length: 8 }, () => Int32Array.from({ length: 3000 }, () => rnd(4)));
    const seen: number[] = [];
    await suda2(cols, { sliceMs: 0, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);

    const ac = new AbortController();
    const run = suda2(cols, { sliceMs: 0, signal: ac.signal, onProgress: () => ac.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const early = new AbortController();
    early.abort();
    await expect(suda2(cols, { signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

for (const host of ENGINE_HOSTS) {
  describe(`SUDA2 columns from SQL: ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());

    it('encodes each key as equality-preserving codes, missing as MISSING, in the given order', async () => {
      const e = await enginePromise;
      await createTable(e, 'k', ['rid', '地域', 'b'], [
        [3, '東京', 1.5],
        [1, '大阪', null],
        [2, '東京', 2.5],
        [4, null, 1.5],
      ]);
      const cols = await loadSudaColumns(e, { relation: 'k', keys: ['地域', 'b'], orderBy: 'rid', chunk: 3 });
      // rows in rid order: 大阪/–, 東京/2.5, 東京/1.5, –/1.5; codes number values in sort order
      expect(cols.map((c) => Array.from(c))).toEqual([
        [0, 1, 1, N],
        [N, 1, 0, 0],
      ]);
    });

    it('scores loaded columns like the same data given directly', async () => {
      const e = await enginePromise;
      await createTable(e, 'h', ['id', 'A', 'B', 'C'], HAND.map((r, i) => [i, ...r.map((v) => (v === N ? null : `v${v}`))]));
      const r = await suda2(await loadSudaColumns(e, { relation: 'h', keys: ['A', 'B', 'C'], orderBy: 'id' }));
      expect(Array.from(r.scores)).toEqual([0, 2, 2, 2, 0, 2, 0]);
    });
  });
}
