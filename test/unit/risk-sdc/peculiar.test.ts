import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { findPeculiarValues } from '../../../src/core/risk/peculiar.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';

/*
 * 100 records i = 0…99: age = i + 1 (one record per age 1…100);
 * 病名 A for i < 45, B for i < 90, C for i < 96, D for i < 98, E for i = 98, missing for i = 99
 *   → counts A 45, B 45, C 6, D 2, E 1;
 * 都道府県 Y for i = 94, 95, otherwise X for even i and W for odd i → C (i 90…95) is X 2, W 2, Y 2.
 * minCount 5: rare categories E (1), D (2), rarest first; the missing value is not a finding.
 * Percentiles 5 % and 95 % of 1…100 (linear interpolation): 1 + .05·99 = 5.95 and 1 + .95·99 = 95.05
 *   → below: 1…5, above: 100…96 (most extreme first). An upper limit of 98 lists 99, 100 instead.
 * Geography: C has 6 records overall (≥ 5, not rare itself) but 2 in each prefecture. Its share 6 %
 *   is above the default 5 % for "rare codes", so it is only crossed with geographyMaxShare 0.1;
 *   A and B (45 %) never are; D and E are already rare overall.
 */
const TABLE = `CREATE OR REPLACE TABLE p AS SELECT i + 1 AS age,
  CASE WHEN i < 45 THEN 'A' WHEN i < 90 THEN 'B' WHEN i < 96 THEN 'C' WHEN i < 98 THEN 'D' WHEN i < 99 THEN 'E' END AS 病名,
  CASE WHEN i IN (94, 95) THEN 'Y' WHEN i % 2 = 0 THEN 'X' ELSE 'W' END AS 都道府県
  FROM range(100) t(i)`;

for (const host of ENGINE_HOSTS) {
  describe(`peculiar values: ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());

    it('lists rare categories and extreme numbers with their counts', async () => {
      const e = await enginePromise;
      await e.exec(TABLE);
      const r = await findPeculiarValues(e, {
        relation: 'p', categorical: ['病名'], numeric: ['age'], minCount: 5, percentiles: [0.05, 0.95], geography: '都道府県',
      });
      expect(r.findings.filter((f) => f.reason === 'rareCategory')).toEqual([
        { column: '病名', value: 'E', count: 1, reason: 'rareCategory' },
        { column: '病名', value: 'D', count: 2, reason: 'rareCategory' },
      ]);
      const below = r.findings.filter((f) => f.reason === 'belowPercentile');
      expect(below.map((f) => f.value)).toEqual([1, 2, 3, 4, 5]);
      expect(below[0]).toMatchObject({ column: 'age', count: 1 });
      expect(below[0].bound).toBeCloseTo(5.95, 12);
      const above = r.findings.filter((f) => f.reason === 'abovePercentile');
      expect(above.map((f) => f.value)).toEqual([100, 99, 98, 97, 96]);
      expect(above[0].bound).toBeCloseTo(95.05, 12);
      expect(r.findings.some((f) => f.reason === 'rareInGeography')).toBe(false);
      expect(r.omitted).toEqual([]);
    });

    it('finds codes that are rare within an area', async () => {
      const e = await enginePromise;
      await e.exec(TABLE);
      const r = await findPeculiarValues(e, { relation: 'p', categorical: ['病名'], minCount: 5, geography: '都道府県', geographyMaxShare: 0.1 });
      expect(r.findings.filter((f) => f.reason === 'rareInGeography')).toEqual(
        ['W', 'X', 'Y'].map((g) => ({
          column: '病名', value: 'C', count: 2, reason: 'rareInGeography', geography: { column: '都道府県', value: g, overallCount: 6 },
        })),
      );
    });

    it('uses fixed limits where given and caps long lists', async () => {
      const e = await enginePromise;
      await e.exec(TABLE);
      const r = await findPeculiarValues(e, {
        relation: 'p', numeric: ['age'], percentiles: [0.05, 0.95], limits: { age: { max: 98 } }, maxPerColumn: 3,
      });
      expect(r.findings.map((f) => [f.reason, f.value])).toEqual([
        ['belowPercentile', 1], ['belowPercentile', 2], ['belowPercentile', 3],
        ['aboveLimit', 100], ['aboveLimit', 99],
      ]);
      expect(r.findings.at(-1)!.bound).toBe(98);
      expect(r.omitted).toEqual([{ column: 'age', reason: 'belowPercentile', count: 2 }]);
    });

    it('rejects percentiles out of order', async () => {
      const e = await enginePromise;
      await e.exec(TABLE);
      const err = await findPeculiarValues(e, { relation: 'p', numeric: ['age'], percentiles: [0.9, 0.1] }).catch((x: unknown) => x);
      expect(isTokumeiError(err) && err.key).toBe('riskSdc.error.percentiles');
    });
  });
}
