import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { generalizeSql, prepareHierarchies } from '../../../src/core/hierarchy/sql.ts';
import type { PreparedHierarchy } from '../../../src/core/hierarchy/types.ts';
import { classSummary } from '../../../src/core/risk/classes.ts';
import { classSizeHistogram } from '../../../src/core/risk/histogram.ts';
import { populationUniqueness } from '../../../src/core/risk/population/uniqueness.ts';
import { prosecutorRisk } from '../../../src/core/risk/prosecutor.ts';
import { riskReport } from '../../../src/core/risk/report.ts';
import { valueCounts } from '../../../src/core/utility/counts.ts';
import { lossMetric } from '../../../src/core/utility/loss.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { ADULT_QIS, adultHierarchy, loadAdult } from './adult-fixture.ts';

/** The transformation whose ARX 3.9.2 figures we hold (levels per column). */
const LEVELS: Record<string, number> = {
  sex: 0,
  age: 4,
  race: 1,
  'marital-status': 1,
  education: 3,
  'native-country': 2,
  workclass: 2,
  occupation: 1,
  'salary-class': 0,
};
const USA = 317238626; // ARX's population model for the USA region

for (const host of ENGINE_HOSTS) {
  describe(`adult reproduces ARX 3.9.2: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    let prepared: PreparedHierarchy[];
    const hierarchies = ADULT_QIS.map((c) => ({ column: c, hierarchy: adultHierarchy(c) }));

    beforeAll(async () => {
      engine = await host.create();
      await loadAdult(engine);
      prepared = await prepareHierarchies(engine, hierarchies);
      const qis = prepared.map((p) => ({ column: p.column, level: LEVELS[p.column], hierarchy: p }));
      await engine.exec(`CREATE VIEW adult_generalized AS ${generalizeSql('adult', qis)}`);
    });
    afterAll(() => engine.close());

    it('original data: classes, uniques and prosecutor risk to the last bit', async () => {
      const h = await classSizeHistogram(engine, 'adult', [...ADULT_QIS]);
      const s = classSummary(h);
      expect(s.records).toBe(30162);
      expect(s.classes).toBe(19502);
      expect(s.sampleUniques).toBe(15512);
      const p = prosecutorRisk(h, 0.2);
      expect(p.averageRisk).toBe(0.6465751607983555);
      expect(p.highestRisk).toBe(1.0);
      expect(p.recordsAtRisk).toBe(0.7781314236456468);
    });

    it('original data: Dankar rule picks Pitman with ARX’s estimate', async () => {
      const h = await classSizeHistogram(engine, 'adult', [...ADULT_QIS]);
      const u = populationUniqueness(h, USA);
      expect(u.model).toBe('pitman');
      expect(u.fraction).toBe(0.038896188531360315);
      expect(u.samplingFraction).toBe(30162 / USA);
    });

    it('generalized data: 24 classes, smallest 69, Loss 0.5731509655590044', async () => {
      const h = await classSizeHistogram(engine, 'adult_generalized', [...ADULT_QIS]);
      const s = classSummary(h);
      expect(s.classes).toBe(24);
      expect(s.minClassSize).toBe(69);
      expect(s.records).toBe(30162);
      const counts = await valueCounts(engine, 'adult_generalized', [...ADULT_QIS]);
      const loss = lossMetric(
        hierarchies.map(({ column, hierarchy }) => ({ column, hierarchy, level: LEVELS[column] })),
        counts,
      );
      expect(loss.value).toBe(0.5731509655590044);
      // Columns left at level 0 lose nothing; columns generalized to the root lose everything.
      expect(loss.columns.find((c) => c.column === 'sex')?.value).toBe(0);
      expect(loss.columns.find((c) => c.column === 'age')?.value).toBe(1);
    });

    it('integer codes give the same classes as labels', async () => {
      const qis = prepared.map((p) => ({ column: p.column, level: LEVELS[p.column], hierarchy: p }));
      await engine.exec(`CREATE OR REPLACE VIEW adult_codes AS ${generalizeSql('adult', qis, { codes: true })}`);
      const coded = await classSizeHistogram(engine, 'adult_codes', [...ADULT_QIS]);
      const labelled = await classSizeHistogram(engine, 'adult_generalized', [...ADULT_QIS]);
      expect(coded).toEqual(labelled);
    });

    it('the report bundles the same figures', async () => {
      const r = await riskReport(engine, {
        original: 'adult',
        generalized: 'adult_generalized',
        columns: hierarchies.map(({ column, hierarchy }) => ({ column, hierarchy, level: LEVELS[column] })),
        threshold: 0.2,
        k: 100,
        population: USA,
      });
      expect(r.classes).toBe(24);
      expect(r.minClassSize).toBe(69);
      expect(r.suppressedRecords).toBe(0);
      expect(r.utility.loss.value).toBe(0.5731509655590044);
      expect(r.prosecutor.highestRisk).toBe(1 / 69);
      expect(r.journalist).toEqual(r.prosecutor);
      expect(r.marketer.averageRisk).toBe(r.prosecutor.averageRisk);
      expect(r.utility.aecs).toBe(30162 / 24);
      expect(r.utility.discernibility).toBe(r.utility.discernibilityStar);
      expect(r.populationUniques?.fraction).toBe(0); // no sample uniques left
      expect(r.recordsBelowK).toBe(r.histogram.entries.filter(([s]) => s < 100).reduce((n, [s, c]) => n + s * c, 0));
    });
  });
}
