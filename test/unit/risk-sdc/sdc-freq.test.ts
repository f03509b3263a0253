import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { sdcFrequencies, recordFrequenciesSql } from '../../../src/core/risk/sdc-freq.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { createTable } from './support.ts';

/**
 * Hand case with missing keys (X, Y, Z; weight w). Distinct combos:
 *   A (1,1,1) ×2 w 30   B (1,2,1) w 5   C (1,·,1) w 8   D (·,2,1) w 4   E (·,·,·) w 3   F (2,·,2) w 6
 * Matches (agree wherever both have a value): A–C, B–C, B–D, C–D; E matches everything; F only E.
 * sdcMicro's rules with alpha = 1:
 *   A complete: itself 2 + C 1 (E, all missing, does not count for complete keys) = 3, Fk 30+8 = 38
 *   B complete: 1 + C + D = 3, Fk 5+8+4 = 17
 *   C partial:  1 + other missing-key combos D, E (×alpha) + complete A (2), B (1) = 6, Fk 8+4+3+30+5 = 50
 *   D partial:  1 + C, E + complete B = 4, Fk 4+8+3+5 = 20
 *   E all missing: every record, 7, Fk 56
 *   F partial:  1 + E = 2, Fk 6+3 = 9
 * With alpha = 0.5 only matches with missing-key combos are halved (complete keys count 1 for a
 * partial key): A 2.5/34, B 2/11, C 1+1+3 = 5 / 8+3.5+35 = 46.5, D 3/14.5, E 7/56, F 1.5/7.5.
 */
const HAND_ROWS = [
  [1, 1, 1, 1, 10],
  [2, 1, 1, 1, 20],
  [3, 1, 2, 1, 5],
  [4, 1, null, 1, 8],
  [5, null, 2, 1, 4],
  [6, null, null, null, 3],
  [7, 2, null, 2, 6],
];

async function perRecord(e: SqlEngine, rel: string, keys: string[], weight: string | undefined, alpha?: number) {
  const f = await sdcFrequencies(e, { relation: rel, keys, weight, alpha, into: 'freq_t' });
  const rows = await e.rows(`SELECT id, fk, fk_pop FROM (${recordFrequenciesSql(rel, keys, f)}) ORDER BY id`);
  return { info: f, fk: rows.map((r) => r.fk), Fk: rows.map((r) => r.fk_pop) };
}

/** Independent reference: for every record, scan every other record (quadratic, by the rules above). */
function naiveFreq(rows: { k: (number | null)[]; w: number }[], alpha: number) {
  const full = (k: (number | null)[]) => k.every((v) => v !== null);
  const none = (k: (number | null)[]) => k.every((v) => v === null);
  const same = (a: (number | null)[], b: (number | null)[]) => a.every((v, i) => v === b[i]);
  const agree = (a: (number | null)[], b: (number | null)[]) => a.every((v, i) => v === null || b[i] === null || v === b[i]);
  const totalW = rows.reduce((s, r) => s + r.w, 0);
  return rows.map((r) => {
    if (none(r.k)) return { fk: rows.length, Fk: totalW };
    let fk = 0;
    let Fk = 0;
    for (const o of rows) {
      let c = 0;
      if (same(r.k, o.k)) c = 1;
      else if (!agree(r.k, o.k)) c = 0;
      else if (full(r.k)) c = none(o.k) && r.k.length > 1 ? 0 : alpha;
      else c = full(o.k) ? 1 : alpha;
      fk += c;
      Fk += c * o.w;
    }
    return { fk, Fk };
  });
}

for (const host of ENGINE_HOSTS) {
  describe(`sdcMicro frequencies (fk, Fk): ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());

    it('counts classes and sums weights when no key is missing', async () => {
      const e = await enginePromise;
      await createTable(e, 'plain', ['id', 'a', 'b', 'w'], [
        [1, 'x', 1, 2.5],
        [2, 'x', 1, 3.5],
        [3, 'x', 2, 4],
        [4, 'y', 1, 1],
        [5, 'x', 1, 10],
      ]);
      const r = await perRecord(e, 'plain', ['a', 'b'], 'w');
      expect(r.fk).toEqual([3, 3, 1, 1, 3]);
      expect(r.Fk).toEqual([16, 16, 4, 1, 16]);
      expect(r.info).toMatchObject({ records: 5, combinations: 3, combinationsWithMissing: 0, weighted: true });
      const unweighted = await perRecord(e, 'plain', ['a', 'b'], undefined);
      expect(unweighted.Fk).toEqual(unweighted.fk);
    });

    it("treats a missing key as a wildcard exactly as sdcMicro's freqCalc (alpha 1)", async () => {
      const e = await enginePromise;
      await createTable(e, 'na', ['id', 'X', 'Y', 'Z', 'w'], HAND_ROWS, { w: 'DOUBLE' });
      const r = await perRecord(e, 'na', ['X', 'Y', 'Z'], 'w');
      expect(r.fk).toEqual([3, 3, 3, 6, 4, 7, 2]);
      expect(r.Fk).toEqual([38, 38, 17, 50, 20, 56, 9]);
      expect(r.info).toMatchObject({ records: 7, combinations: 6, combinationsWithMissing: 4 });
    });

    it('scales wildcard matches by alpha, but not complete keys matched by a partial key', async () => {
      const e = await enginePromise;
      await createTable(e, 'na', ['id', 'X', 'Y', 'Z', 'w'], HAND_ROWS, { w: 'DOUBLE' });
      const r = await perRecord(e, 'na', ['X', 'Y', 'Z'], 'w', 0.5);
      expect(r.fk).toEqual([2.5, 2.5, 2, 5, 3, 7, 1.5]);
      expect(r.Fk).toEqual([34, 34, 11, 46.5, 14.5, 56, 7.5]);
    });

    it('with one key variable, missing keys do raise the complete keys (sdcMicro special case)', async () => {
      const e = await enginePromise;
      await createTable(e, 'one', ['id', 'X', 'w'], [
        [1, 1, 1],
        [2, 1, 2],
        [3, 2, 3],
        [4, null, 4],
      ]);
      const r = await perRecord(e, 'one', ['X'], 'w');
      expect(r.fk).toEqual([3, 3, 2, 4]);
      expect(r.Fk).toEqual([7, 7, 7, 10]);
    });

    it('agrees with a record-by-record reference on random data with missing keys', async () => {
      const e = await enginePromise;
      const row = fc.record({
        k: fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { freq: 3, nil: null }), { minLength: 3, maxLength: 3 }),
        w: fc.integer({ min: 1, max: 50 }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom(1, 0.5, 0), fc.integer({ min: 1, max: 3 }), async (rows, alpha, nk) => {
          const data = rows.map((r) => ({ k: r.k.slice(0, nk), w: r.w }));
          await createTable(e, 'rnd', ['id', 'k1', 'k2', 'k3', 'w'], data.map((r, i) => [i, r.k[0], r.k[1] ?? null, r.k[2] ?? null, r.w]), {
            k1: 'INTEGER', k2: 'INTEGER', k3: 'INTEGER', w: 'DOUBLE',
          });
          const got = await perRecord(e, 'rnd', ['k1', 'k2', 'k3'].slice(0, nk), 'w', alpha);
          const want = naiveFreq(data, alpha);
          expect(got.fk).toEqual(want.map((x) => x.fk));
          got.Fk.forEach((v, i) => expect(v).toBeCloseTo(want[i].Fk, 9));
        }),
        { numRuns: 40 },
      );
    });

    it('refuses missing weights with a message users understand', async () => {
      const e = await enginePromise;
      await createTable(e, 'badw', ['id', 'a', 'w'], [
        [1, 1, 1],
        [2, 1, null],
      ]);
      const err = await sdcFrequencies(e, { relation: 'badw', keys: ['a'], weight: 'w', into: 'x' }).catch((x: unknown) => x);
      expect(isTokumeiError(err) && err.key).toBe('riskSdc.error.weightMissing');
      expect(isTokumeiError(err) && err.params).toEqual({ column: 'w', count: 1 });
    });

    it('works with Japanese column names', async () => {
      const e = await enginePromise;
      await createTable(e, '患者', ['id', '性別', '年齢"階級', '重み'], [
        [1, '男', '20代', 2],
        [2, '男', '20代', 3],
        [3, '女', null, 5],
      ]);
      const r = await perRecord(e, '患者', ['性別', '年齢"階級'], '重み');
      expect(r.fk).toEqual([2, 2, 1]);
      expect(r.Fk).toEqual([5, 5, 5]);
    });
  });
}
