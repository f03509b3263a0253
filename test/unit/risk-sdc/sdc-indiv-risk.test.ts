import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { individualRisk, individualRiskSql, measureSdcRisk } from '../../../src/core/risk/sdc-indiv-risk.ts';
import { createTable } from './support.ts';

/*
 * Hand values of the Benedetti–Franconi approximation (pk = fk/Fk, ln 10 = 2.302585093):
 *   fk 1, Fk 10: (1/9)·ln 10                    = 0.2558427881
 *   fk 2, Fk 20: 1/9 − (1/81)·ln 10             = 0.1111111111 − 0.0284269765 = 0.0826841346
 *   fk 4, Fk 40: 0.1 / (4 − 0.9)                = 0.0322580645
 *   fk 2.5, Fk 34: pk/(fk − 1 + pk) = fk/(Fk(fk − 1) + fk) = 2.5/53.5 = 0.0467289720
 *   fk 3 = Fk 3: 1/3;   fk 1.5 (only with alpha < 1): sdcMicro leaves 0
 */
const CASES: [fk: number, Fk: number, risk: number][] = [
  [1, 10, 0.2558427881],
  [2, 20, 0.0826841346],
  [4, 40, 0.0322580645],
  [2.5, 34, 0.046728972],
  [3, 3, 1 / 3],
  [1.5, 7.5, 0],
];

describe('individual risk formula', () => {
  it.each(CASES)('fk %d, Fk %d → %d', (fk, Fk, risk) => {
    expect(individualRisk(fk, Fk)).toBeCloseTo(risk, 9);
  });
});

/*
 * The missing-key hand case of sdc-freq.test.ts (fk/Fk derived there), weight w, alpha 1:
 *   A ×2: fk 3, Fk 38 → 3/(38·2 + 3) = 3/79 = 0.0379746835
 *   B:    fk 3, Fk 17 → 3/37            = 0.0810810811
 *   C:    fk 6, Fk 50 → 6/256           = 0.0234375
 *   D:    fk 4, Fk 20 → 4/64            = 0.0625
 *   E:    fk 7, Fk 56 → 7/343           = 0.0204081633
 *   F:    fk 2, Fk 9  → pk 2/9, odds 2/7: 2/7 − (4/49)·ln 4.5 = 0.2857142857 − 0.1227818283 = 0.1629324574
 * Sum (expected re-identifications) 0.4263085689, mean /7 = 0.0609012241, max 0.1629324574.
 * Above 0.1: F only. fk < 2: none; < 3: F; < 5: A A B D F = 5.
 * Median of the 7 risks 0.0379746835; absolute deviations sorted 0, 0, 0.01454, 0.01757, 0.02453,
 * 0.04311, 0.12496 → MAD 1.4826·0.0175665 = 0.0260442; median + 2·MAD = 0.0900631: only F is
 * above it and above 0.1 → 1 record "higher than the main part".
 */
for (const host of ENGINE_HOSTS) {
  describe(`sdcMicro individual and global risk: ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());

    it('evaluates the same formula in SQL', async () => {
      const e = await enginePromise;
      await createTable(e, 'fkfk', ['small', 'big'], CASES.map(([a, b]) => [a, b]), { small: 'DOUBLE', big: 'DOUBLE' });
      const rows = await e.rows(`SELECT ${individualRiskSql('small', 'big')} AS r FROM fkfk`);
      rows.forEach((r, i) => expect(Number(r.r)).toBeCloseTo(CASES[i][2], 9));
    });

    it('reports what measure_risk reports on the hand case', async () => {
      const e = await enginePromise;
      await createTable(
        e,
        'na',
        ['id', 'X', 'Y', 'Z', 'w'],
        [
          [1, 1, 1, 1, 10],
          [2, 1, 1, 1, 20],
          [3, 1, 2, 1, 5],
          [4, 1, null, 1, 8],
          [5, null, 2, 1, 4],
          [6, null, null, null, 3],
          [7, 2, null, 2, 6],
        ],
        { w: 'DOUBLE' },
      );
      const s = await measureSdcRisk(e, { relation: 'na', keys: ['X', 'Y', 'Z'], weight: 'w', threshold: 0.1 });
      expect(s).toMatchObject({ records: 7, keyCombinations: 6, weighted: true });
      expect(s.recordsBelowK).toEqual([
        { k: 2, records: 0 },
        { k: 3, records: 1 },
        { k: 5, records: 5 },
      ]);
      const ir = s.individualRisk!;
      expect(ir.max).toBeCloseTo(0.1629324574, 9);
      expect(ir.expectedReidentifications).toBeCloseTo(0.4263085689, 9);
      expect(ir.mean).toBeCloseTo(0.0609012241, 9);
      expect(ir.recordsAbove).toBe(1);
      expect(ir.higherThanMainPart).toBe(1);
      // the temporary frequency table is gone
      const left = await e.rows(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__tokumei_sdcfreq%'`);
      expect(left[0].n).toBe(0);
    });

    it('without weights the risk is 1/fk', async () => {
      const e = await enginePromise;
      await createTable(e, 'u', ['a'], [['x'], ['x'], ['y'], ['x'], ['z']]);
      const s = await measureSdcRisk(e, { relation: 'u', keys: ['a'], threshold: 0.5 });
      // risks: x ×3 → 1/3, y → 1, z → 1
      expect(s.individualRisk).toMatchObject({ max: 1, recordsAbove: 2 });
      expect(s.individualRisk!.expectedReidentifications).toBeCloseTo(3, 12);
      expect(s.individualRisk!.mean).toBeCloseTo(0.6, 12);
    });

    it('gives no individual risk for an empty table', async () => {
      const e = await enginePromise;
      await e.exec(`CREATE OR REPLACE TABLE empty_t (a INTEGER, w DOUBLE)`);
      const s = await measureSdcRisk(e, { relation: 'empty_t', keys: ['a'], weight: 'w' });
      expect(s).toMatchObject({ records: 0, keyCombinations: 0, individualRisk: null });
    });
  });
}
