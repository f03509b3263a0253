import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import type { SqlEngine, SqlValue } from '../../../src/core/engine.ts';
import { ident, literal } from '../../../src/core/sql/quote.ts';
import { classScanSql, scanClasses, scanDiversity, scanHistogram } from '../../../src/core/risk/class-scan.ts';
import { classSizeHistogram } from '../../../src/core/risk/histogram.ts';
import { measureLDiversity } from '../../../src/core/risk/ldiversity.ts';

async function table(engine: SqlEngine, name: string, rows: readonly (readonly SqlValue[])[]): Promise<void> {
  const values = rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ');
  await engine.exec(
    `CREATE OR REPLACE TABLE ${ident(name)} AS SELECT CAST(col0 AS VARCHAR) AS "年齢", CAST(col1 AS VARCHAR) AS "性別", CAST(col2 AS VARCHAR) AS "病名" FROM (VALUES ${values})`,
  );
}

/*
 * Hand case (QIs 年齢, 性別; sensitive 病名):
 *   (30, 男): E11, E11, I10      → size 3, not pure, distinct 2, H = log2 3 − (2·1)/3
 *   (30, 女): E11, E11           → size 2, pure
 *   (40, 男): J45                → size 1, pure
 *   (NULL, 女): NULL, NULL       → size 2, pure (missing is a value of its own)
 *   (40, NULL): I10, NULL        → size 2, not pure, distinct 2, H = 1
 */
const HAND: SqlValue[][] = [
  ['30', '男', 'E11'],
  ['30', '男', 'E11'],
  ['30', '男', 'I10'],
  ['30', '女', 'E11'],
  ['30', '女', 'E11'],
  ['40', '男', 'J45'],
  [null, '女', null],
  [null, '女', null],
  ['40', null, 'I10'],
  ['40', null, null],
];

for (const host of ENGINE_HOSTS) {
  describe(`class scan (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
    });
    afterAll(() => engine.close());

    it('counts classes and pure classes per size on the hand case', async () => {
      await table(engine, 'hand', HAND);
      const scan = await scanClasses(engine, 'hand', ['年齢', '性別'], '病名');
      expect(scan.rows).toEqual([
        { size: 1, classes: 1, pure: 1 },
        { size: 2, classes: 3, pure: 2 },
        { size: 3, classes: 1, pure: 0 },
      ]);
      expect(scanHistogram(scan)).toEqual({ entries: [[1, 1], [2, 3], [3, 1]], records: 10 });
      expect(scanHistogram(scan, 3)).toEqual({ entries: [[3, 1]], records: 3 });
      // Some kept class is pure, so l is 1 without reading the distribution.
      expect(await scanDiversity(engine, 'hand', ['年齢', '性別'], scan)).toEqual({ attribute: '病名', classes: 5, distinct: 1, entropy: 1 });
      // Only the class of 3 kept: two values, entropy 2^(log2 3 − 2/3).
      const d = await scanDiversity(engine, 'hand', ['年齢', '性別'], scan, 3);
      expect(d).toMatchObject({ attribute: '病名', classes: 1, distinct: 2 });
      expect(d!.entropy).toBeCloseTo(2 ** (Math.log2(3) - 2 / 3), 12);
    });

    it('treats no quasi-identifier as one class', async () => {
      const scan = await scanClasses(engine, 'hand', [], '病名');
      expect(scan.rows).toEqual([{ size: 10, classes: 1, pure: 0 }]);
      const d = await scanDiversity(engine, 'hand', [], scan);
      // 病名: E11 ×4, I10 ×2, J45 ×1, NULL ×3 → 4 distinct values.
      expect(d).toMatchObject({ distinct: 4, classes: 1 });
      const h = Math.log2(10) - (4 * Math.log2(4) + 2 * Math.log2(2) + 3 * Math.log2(3)) / 10;
      expect(d!.entropy).toBeCloseTo(2 ** h, 12);
    });

    it('has no l without a sensitive attribute, and none for an empty relation', async () => {
      const scan = await scanClasses(engine, 'hand', ['年齢']);
      expect(scan.rows.every((r) => r.pure === 0)).toBe(true);
      expect(await scanDiversity(engine, 'hand', ['年齢'], scan)).toBeNull();
      await engine.exec(`CREATE OR REPLACE TABLE empty AS SELECT * FROM hand WHERE FALSE`);
      const none = await scanClasses(engine, 'empty', ['年齢'], '病名');
      expect(none.rows).toEqual([]);
      expect(await scanDiversity(engine, 'empty', ['年齢'], none)).toEqual({ attribute: '病名', classes: 0, distinct: null, entropy: null });
    });

    it('agrees with classSizeHistogram and measureLDiversity on random data', async () => {
      const cell = (n: number) => fc.option(fc.integer({ min: 0, max: n }).map(String), { freq: 6 });
      const row = fc.tuple(cell(1), cell(2), cell(3));
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 6 }), async (rows, minSize) => {
          await table(engine, 'r', rows);
          const qis = ['年齢', '性別'];
          const scan = await scanClasses(engine, 'r', qis, '病名');
          expect(scanHistogram(scan)).toEqual(await classSizeHistogram(engine, 'r', qis));
          // measureLDiversity on the kept classes only.
          await engine.exec(
            `CREATE OR REPLACE TABLE kept AS SELECT r.* FROM r JOIN (SELECT 年齢, 性別 FROM r GROUP BY ALL HAVING count(*) >= ${minSize}) c
             ON r.年齢 IS NOT DISTINCT FROM c.年齢 AND r.性別 IS NOT DISTINCT FROM c.性別`,
          );
          const expected = await measureLDiversity(engine, { relation: 'kept', qis, sensitive: '病名' });
          const got = await scanDiversity(engine, 'r', qis, scan, minSize);
          expect(got!.classes).toBe(expected.classes);
          expect(got!.distinct).toBe(expected.distinct);
          if (expected.entropy === null) expect(got!.entropy).toBeNull();
          else expect(got!.entropy).toBeCloseTo(expected.entropy, 10);
        }),
        { numRuns: 40, seed: 4242 },
      );
    });

    it('quotes Japanese and odd column names', () => {
      const sql = classScanSql('表"1', ['列 "a"'], '病名');
      expect(sql).toContain('"表""1"');
      expect(sql).toContain('"列 ""a"""');
    });
  });
}
