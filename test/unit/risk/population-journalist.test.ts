import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { assessRisk } from '../../../src/core/risk/assess.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { fixtureSpec, loadFixture } from './fixture.ts';

/*
 * Hand derivation (test/fixtures/risk-decisions): with age in 10-year bands the sample's classes
 * and their sizes in the population table are
 *   (30s, M) 2 of 4 · (40s, F) 1 of 5 · (50s, M) 2 of 2 · (60s, F) 2 of 10 · (20s, F) 1 of 3,
 * and the population also holds (70s, M) 3 and (30s, F) 2, which no sample record falls in:
 * 29 population records. A record's journalist risk is 1 / its class size in the population.
 *   highest = 1 / min(4, 5, 2, 10, 3) = 1/2
 *   records above 0.2 (strictly): 1/4, 1/2 and 1/3 are; 1/5 and 1/10 are not → 2 + 2 + 1 = 5 of 8
 *   mean over records = (2/4 + 1/5 + 2/2 + 2/10 + 1/3) / 8 = (67/30) / 8 = 67/240;
 *   classes / Σ population sizes = 5/24 is smaller, so the average (the larger of the two) is 67/240,
 *   and the marketer's expected share re-identified is the same mean, 67/240.
 * Prosecutor risk reads the sample alone: highest 1 (two sample uniques), average 5 classes / 8.
 *
 * With k = 2 and a 50 % suppression limit the two sample uniques (1 of 5, 1 of 3) are suppressed
 * (2 ≤ 4 records allowed), the population keeps all 29:
 *   highest 1/2; above 0.2: 2 + 2 of 6; mean (2/4 + 2/2 + 2/10) / 6 = 1.7/6 = 17/60 > 3/16.
 */
for (const host of ENGINE_HOSTS) {
  describe(`journalist risk against a population table: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await loadFixture(engine, 'sample.csv', 'sample');
      await loadFixture(engine, 'population.csv', 'population');
    }, 60_000);
    afterAll(() => engine.close());

    it('generalizes the population by the same spec and reads journalist and marketer risk from its classes', async () => {
      const r = await assessRisk(engine, fixtureSpec('decade-spec.json'), { table: 'sample', populationTable: 'population', threshold: 0.2, suda: false });
      expect(r.populationTable).toEqual({ table: 'population', records: 29 });
      expect(r.journalist.highestRisk).toBe(1 / 2);
      expect(r.journalist.recordsAtRisk).toBe(5 / 8);
      expect(r.journalist.averageRisk).toBeCloseTo(67 / 240, 12);
      expect(r.marketer.averageRisk).toBeCloseTo(67 / 240, 12);
      expect(r.prosecutor.highestRisk).toBe(1);
      expect(r.prosecutor.averageRisk).toBe(5 / 8);
      expect(r.records).toBe(8);
    });

    it('suppresses records of the sample only', async () => {
      const spec = fixtureSpec('decade-spec.json');
      const r = await assessRisk(engine, { ...spec, model: { k: 2, suppressionLimit: 0.5 } }, { table: 'sample', populationTable: 'population', threshold: 0.2, suda: false });
      expect(r.suppressedRecords).toBe(2);
      expect(r.populationTable).toEqual({ table: 'population', records: 29 });
      expect(r.journalist.highestRisk).toBe(1 / 2);
      expect(r.journalist.recordsAtRisk).toBeCloseTo(4 / 6, 12);
      expect(r.journalist.averageRisk).toBeCloseTo(17 / 60, 12);
    });

    it('without a population table the data is its own population (journalist = prosecutor)', async () => {
      const r = await assessRisk(engine, fixtureSpec('decade-spec.json'), { table: 'sample', threshold: 0.2, suda: false });
      expect(r.populationTable).toBeNull();
      expect(r.journalist).toEqual(r.prosecutor);
    });

    it('without the generalization the raw ages rarely meet: the figures change as the spec does', async () => {
      const spec = fixtureSpec('decade-spec.json');
      const raw = { ...spec, columns: spec.columns.map((c) => (c.name === '年齢' ? { ...c, transforms: [] } : c)) };
      const r = await assessRisk(engine, raw, { table: 'sample', populationTable: 'population', threshold: 0.2, suda: false });
      // Every sample person appears once in the population under their own age: all risks are 1.
      expect(r.journalist.highestRisk).toBe(1);
      expect(r.journalist.recordsAtRisk).toBe(1);
    });

    it('names the quasi-identifiers a population table lacks', async () => {
      await engine.exec(`CREATE OR REPLACE TABLE 欠けた母集団 AS SELECT 年齢 FROM population`);
      const err = await assessRisk(engine, fixtureSpec('decade-spec.json'), { table: 'sample', populationTable: '欠けた母集団', suda: false }).catch((e: unknown) => e);
      expect(isTokumeiError(err) && err.key).toBe('riskPopulation.error.missingColumns');
      expect(isTokumeiError(err) && err.params?.columns).toBe('性別');
    });
  });
}
