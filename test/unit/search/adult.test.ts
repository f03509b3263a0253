import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { generalizeSql, prepareHierarchies } from '../../../src/core/hierarchy/sql.ts';
import type { PreparedHierarchy } from '../../../src/core/hierarchy/types.ts';
import { measureLDiversity } from '../../../src/core/risk/ldiversity.ts';
import { riskReport } from '../../../src/core/risk/report.ts';
import { loadSearchInput } from '../../../src/core/search/load.ts';
import { searchOptimumSync } from '../../../src/core/search/search.ts';
import type { SearchInput, SearchResult } from '../../../src/core/search/types.ts';
import { ident, num } from '../../../src/core/sql/quote.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { ADULT_QIS, adultHierarchy, loadAdult } from '../risk-arx/adult-fixture.ts';

const hierarchies = Object.fromEntries(ADULT_QIS.map((c) => [c, adultHierarchy(c)]));
const levelsOf = (...l: number[]) => Object.fromEntries(ADULT_QIS.map((c, i) => [c, l[i]]));

for (const host of ENGINE_HOSTS) {
  describe(`optimal generalization of adult as ARX 3.9.2: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    let input: SearchInput;
    let prepared: PreparedHierarchy[];

    beforeAll(async () => {
      engine = await host.create();
      await loadAdult(engine);
      input = await loadSearchInput(engine, 'adult', ADULT_QIS, hierarchies);
      prepared = await prepareHierarchies(
        engine,
        ADULT_QIS.map((column) => ({ column, hierarchy: hierarchies[column] })),
      );
    });
    afterAll(() => engine.close());

    /** The release the search describes, measured independently in SQL by riskReport. */
    async function measured(r: SearchResult, k: number) {
      const qis = prepared.map((p) => ({ column: p.column, level: r.levels![p.column], hierarchy: p }));
      const parts = ADULT_QIS.map(ident).join(', ');
      await engine.exec(
        `CREATE OR REPLACE VIEW released AS SELECT *, count(*) OVER (PARTITION BY ${parts}) < ${num(k)} AS sup FROM (${generalizeSql('adult', qis)})`,
      );
      return riskReport(engine, {
        original: 'adult',
        generalized: 'released',
        suppressedColumn: 'sup',
        columns: ADULT_QIS.map((column) => ({ column, hierarchy: hierarchies[column], level: r.levels![column] })),
        threshold: 0.2,
      });
    }

    it('reads the 19,502 distinct combinations of 30,162 records', () => {
      expect(input.records).toBe(30162);
      expect(input.counts.length).toBe(19502);
    });

    it('k = 5 without suppression: levels 0,4,1,1,3,2,2,1,0, Loss 0.5731509655590044', async () => {
      const r = searchOptimumSync(input, { k: 5 });
      expect(r.levels).toEqual(levelsOf(0, 4, 1, 1, 3, 2, 2, 1, 0));
      expect(r.infoLoss).toBe(0.5731509655590044);
      expect(r.suppressedRecords).toBe(0);
      const m = await measured(r, 5);
      expect(m.classes).toBe(r.classes);
      expect(m.utility.loss.value).toBe(r.infoLoss);
    });

    it('k = 2 with 4 % suppression: levels 0,3,0,0,2,1,1,1,0, Loss 0.17599055898432758, 1,009 suppressed', async () => {
      const r = searchOptimumSync(input, { k: 2, suppressionLimit: 0.04 });
      expect(r.levels).toEqual(levelsOf(0, 3, 0, 0, 2, 1, 1, 1, 0));
      expect(r.infoLoss).toBe(0.17599055898432758);
      expect(r.suppressedRecords).toBe(1009);
      const m = await measured(r, 2);
      expect(m.suppressedRecords).toBe(1009);
      expect(m.classes).toBe(r.classes);
      expect(m.minClassSize).toBeGreaterThanOrEqual(2);
      expect(m.utility.loss.value).toBe(r.infoLoss);
    });

    it('k = 5 with 4 % suppression: what the search reports is what the release measures', async () => {
      const r = searchOptimumSync(input, { k: 5, suppressionLimit: 0.04 });
      expect(r.suppressedRecords).toBeLessThanOrEqual(Math.floor(0.04 * 30162));
      const m = await measured(r, 5);
      expect(m.suppressedRecords).toBe(r.suppressedRecords);
      expect(m.classes).toBe(r.classes);
      expect(m.utility.loss.value).toBe(r.infoLoss);
      // Every alternative offered suppresses less and loses more, or the other way round.
      for (let i = 1; i < r.frontier.length; i++) {
        expect(r.frontier[i].suppressedRecords).toBeGreaterThan(r.frontier[i - 1].suppressedRecords);
        expect(r.frontier[i].infoLoss).toBeLessThan(r.frontier[i - 1].infoLoss);
      }
      expect(r.frontier.some((p) => p.infoLoss === r.infoLoss)).toBe(true);
    });

    it('distinct 3-diversity of occupation: the released classes measure at least 3 in SQL', async () => {
      const qis = ADULT_QIS.filter((c) => c !== 'occupation');
      const diverse = await loadSearchInput(engine, 'adult', qis, hierarchies, 'occupation');
      const r = searchOptimumSync(diverse, { k: 2, l: { l: 3, variant: 'distinct' }, suppressionLimit: 0.04 });
      expect(r.found).toBe(true);
      const gen = prepared.filter((p) => p.column !== 'occupation').map((p) => ({ column: p.column, level: r.levels![p.column], hierarchy: p }));
      const parts = qis.map(ident).join(', ');
      await engine.exec(
        `CREATE OR REPLACE VIEW diverse AS SELECT * FROM (
           SELECT *, count(*) OVER w < 2 OR count(DISTINCT occupation) OVER w < 3 AS sup
           FROM (${generalizeSql('adult', gen, { keep: ['occupation'] })}) WINDOW w AS (PARTITION BY ${parts}))`,
      );
      const [s] = await engine.rows(`SELECT count(*) FILTER (WHERE sup) AS n FROM diverse`);
      expect(Number(s.n)).toBe(r.suppressedRecords);
      await engine.exec(`CREATE OR REPLACE VIEW diverse_released AS SELECT * FROM diverse WHERE NOT sup`);
      const l = await measureLDiversity(engine, { relation: 'diverse_released', qis, sensitive: 'occupation' });
      expect(l.classes).toBe(r.classes);
      expect(l.distinct).toBeGreaterThanOrEqual(3);
    });
  });
}
