import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { classSizeHistogram, histogramFromSizes } from '../../../src/core/risk/histogram.ts';
import { populationPairs } from '../../../src/core/risk/population-table.ts';
import { valueCounts } from '../../../src/core/utility/counts.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

for (const host of ENGINE_HOSTS) {
  describe(`risk aggregates in SQL: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      // Classes on (性別, 年代): (男,30代)×3, (男,40代)×1, (女,30代)×2, (女,NULL)×1; one 男/40代 row suppressed.
      await engine.exec(`CREATE TABLE 標本 (性別 VARCHAR, 年代 VARCHAR, 削除 BOOLEAN)`);
      await engine.exec(`INSERT INTO 標本 VALUES
        ('男','30代',FALSE),('男','30代',FALSE),('男','30代',FALSE),('男','40代',TRUE),
        ('女','30代',FALSE),('女','30代',FALSE),('女',NULL,FALSE)`);
      await engine.exec(`CREATE TABLE 母集団 (性別 VARCHAR, 年代 VARCHAR)`);
      await engine.exec(`INSERT INTO 母集団 SELECT 性別, 年代 FROM 標本`);
      await engine.exec(`INSERT INTO 母集団 VALUES ('男','30代'),('女','30代'),('女','30代'),('男','40代')`);
    });
    afterAll(() => engine.close());

    it('histogram: one class per value combination, NULL included', async () => {
      const h = await classSizeHistogram(engine, '標本', ['性別', '年代']);
      expect(h).toEqual(histogramFromSizes([3, 1, 2, 1]));
    });

    it('histogram leaves suppressed records out', async () => {
      const h = await classSizeHistogram(engine, '標本', ['性別', '年代'], { suppressedColumn: '削除' });
      expect(h).toEqual(histogramFromSizes([3, 2, 1]));
    });

    it('histogram without quasi-identifiers is one class of all records', async () => {
      expect(await classSizeHistogram(engine, '標本', [])).toEqual(histogramFromSizes([7]));
      await engine.exec(`CREATE TABLE 空 (a VARCHAR)`);
      expect(await classSizeHistogram(engine, '空', [])).toEqual({ entries: [], records: 0 });
      expect(await classSizeHistogram(engine, '空', ['a'])).toEqual({ entries: [], records: 0 });
    });

    it('value counts split released and suppressed records, in one scan', async () => {
      const counts = await valueCounts(engine, '標本', ['性別', '年代'], '削除');
      expect(counts.get('性別')).toEqual([
        { value: '女', released: 3, suppressed: 0 },
        { value: '男', released: 3, suppressed: 1 },
      ]);
      expect(counts.get('年代')).toEqual([
        { value: null, released: 1, suppressed: 0 },
        { value: '30代', released: 5, suppressed: 0 },
        { value: '40代', released: 0, suppressed: 1 },
      ]);
    });

    it('population pairs: sample class sizes against population class sizes', async () => {
      const pairs = await populationPairs(engine, '標本', '母集団', ['性別', '年代'], { sampleSuppressedColumn: '削除' });
      // Released sample classes: (男,30代) 3 of 4, (女,30代) 2 of 4, (女,NULL) 1 of 1.
      expect(pairs).toEqual([
        { sampleSize: 1, populationSize: 1, classes: 1 },
        { sampleSize: 2, populationSize: 4, classes: 1 },
        { sampleSize: 3, populationSize: 4, classes: 1 },
      ]);
    });
  });
}
