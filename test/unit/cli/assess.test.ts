import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { assessRisk, type RiskAssessment } from '../../../src/core/risk/assess.ts';
import { histogramFromSizes } from '../../../src/core/risk/histogram.ts';
import { decideRecordSuppression, releasedRecordsSql, suppressionBudget } from '../../../src/core/risk/record-suppression.ts';
import { searchFromSpec } from '../../../src/core/risk/search-from-spec.ts';
import { searchOptimumSync } from '../../../src/core/search/search.ts';
import { parseSpec, type ReleaseSpec, type ReleaseSpecInput } from '../../../src/core/spec/index.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { ADULT_QIS, adultHierarchy, loadAdult } from '../risk-arx/adult-fixture.ts';

/** adult under a spec: every quasi-identifier generalized by its ARX hierarchy to the given level. */
function adultSpec(levels: readonly number[], model: ReleaseSpecInput['model']): ReleaseSpec {
  return parseSpec({
    version: 1,
    columns: ADULT_QIS.map((c, i) => ({ name: c, role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: c, level: levels[i] }] })),
    hierarchies: ADULT_QIS.map((c) => ({ name: c, kind: 'table', rows: adultHierarchy(c).rows.map((r) => [...r]) })),
    model,
    release: { mode: 'anonymized' },
  });
}

describe('ARX’s record suppression rule', () => {
  it('budget is ⌊limit · records⌋, and the classes below k go all together or not at all', () => {
    expect(suppressionBudget(0.04, 30162)).toBe(1206);
    expect(suppressionBudget(0, 100)).toBe(0);
    const h = histogramFromSizes([1, 1, 2, 3, 5, 8]); // 20 records; 7 below k = 4
    expect(decideRecordSuppression(h, 4, 0.35)).toEqual({ k: 4, limit: 0.35, budget: 7, needed: 7, applied: true, kAnonymous: true });
    expect(decideRecordSuppression(h, 4, 0.34)).toMatchObject({ budget: 6, needed: 7, applied: false, kAnonymous: false });
    // ARX's "suppression always enabled" output option suppresses them anyway, still not k-anonymous.
    expect(decideRecordSuppression(h, 4, 0.34, { overLimit: 'all' })).toMatchObject({ applied: true, kAnonymous: false });
    expect(decideRecordSuppression(h, 1, 0)).toMatchObject({ needed: 0, applied: false, kAnonymous: true });
  });
});

const results = new Map<string, RiskAssessment>();

for (const host of ENGINE_HOSTS) {
  describe(`assessRisk and searchFromSpec on adult: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await loadAdult(engine);
    });
    afterAll(() => engine.close());

    it('k = 2 within 4 %: the 1,009 records ARX suppresses, Loss 0.17599055898432758', async () => {
      const r = await assessRisk(engine, adultSpec([0, 3, 0, 0, 2, 1, 1, 1, 0], { k: 2, suppressionLimit: 0.04 }), { table: 'adult', population: 317238626, suda: false });
      expect(r.suppression).toEqual({ k: 2, limit: 0.04, budget: 1206, needed: 1009, applied: true, kAnonymous: true });
      expect(r).toMatchObject({ records: 30162, suppressedRecords: 1009, releasedRecords: 29153, classes: 1182, sampleUniques: 0, recordsBelowK: 0 });
      expect(r.utility.loss).toBe(0.17599055898432758);
      expect(r.prosecutor.highestRisk).toBe(1 / r.minClassSize);
      expect(r.suda).toBeNull();
      results.set(host.name, r);
      // Nothing is left behind in the engine.
      const left = await engine.rows(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE '__tokumei_assess%'`);
      expect(left).toEqual([]);
    });

    it('finds the same optimum from the spec as from the hierarchies directly', async () => {
      const s = await searchFromSpec(engine, adultSpec([0, 0, 0, 0, 0, 0, 0, 0, 0], { k: 2, suppressionLimit: 0.04 }), { table: 'adult' });
      expect(s.qis).toEqual([...ADULT_QIS]);
      expect(s.model).toEqual({ k: 2, suppressionLimit: 0.04 });
      const r = searchOptimumSync(s.input, s.model);
      expect(Object.values(r.levels!)).toEqual([0, 3, 0, 0, 2, 1, 1, 1, 0]);
      expect(r.suppressedRecords).toBe(1009);
    });

    it('measures a draft: kept identifiers do not block it, other columns still remove the records they list', async () => {
      await engine.exec(`CREATE OR REPLACE TABLE draft AS SELECT * FROM (VALUES
        ('p1', '山田', 'F', '40', 'x'), ('p2', '田中', 'F', '40', 'x'), ('p3', '佐藤', 'M', '40', 'y'),
        ('p4', '鈴木', 'M', '50', 'z'), ('p5', '高橋', 'M', '50', 'drop-me')) AS t(id, name, sex, age, note)`);
      const spec = parseSpec({
        version: 1,
        columns: [
          { name: 'id', role: 'identifier', transforms: [{ kind: 'pseudonymize' }] },
          { name: 'name', role: 'identifier' },
          { name: 'sex', role: 'quasi' },
          { name: 'age', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 1 }] },
          { name: 'note', role: 'other', transforms: [{ kind: 'suppressRecord', values: ['drop-me'] }] },
        ],
        hierarchies: [{ name: 'age', kind: 'table', rows: [['40', '40-59'], ['50', '40-59']] }],
        model: { k: 2, suppressionLimit: 0.5 },
        release: { mode: 'anonymized' },
      });
      const r = await assessRisk(engine, spec, { table: 'draft', suda: false });
      expect(r.records).toBe(4);
      // Classes (F, 40-59) ×2 and (M, 40-59) ×2: k = 2 holds with nothing to suppress.
      expect(r).toMatchObject({ classes: 2, minClassSize: 2, suppressedRecords: 0, suppression: { needed: 0, applied: false } });
      expect(r.quasiIdentifiers).toEqual([
        { column: 'sex', level: 0, hierarchy: null },
        { column: 'age', level: 1, hierarchy: 'age' },
      ]);
      expect(r.utility.lossByColumn).toEqual({ sex: 0, age: 1 });
      expect(r.ephemeralKey).toBe(false);
    });
  });
}

describe('assessRisk: engines agree', () => {
  it('gives identical figures on both engines', () => {
    const [a, b] = ENGINE_HOSTS.map((h) => results.get(h.name));
    expect(a).toBeDefined();
    expect(b).toEqual(a);
  });
});

describe('releasedRecordsSql', () => {
  it('drops exactly the classes below k when they fit, and keeps every record otherwise', async () => {
    const engine = await ENGINE_HOSTS[1].create();
    try {
      await engine.exec(`CREATE TABLE t AS SELECT * FROM (VALUES ('a', 1), ('a', 2), ('a', 3), ('b', 4), ('c', 5)) AS v(q, x)`);
      const fits = await releasedRecordsSql(engine, 't', ['q', 'x'], ['q'], { k: 2, suppressionLimit: 0.4 });
      expect(fits.suppression).toMatchObject({ needed: 2, budget: 2, applied: true });
      expect((await engine.rows(`${fits.sql} ORDER BY x`)).map((r) => r.x)).toEqual([1, 2, 3]);
      const over = await releasedRecordsSql(engine, 't', ['q', 'x'], ['q'], { k: 2, suppressionLimit: 0.39 });
      expect(over.suppression).toMatchObject({ needed: 2, budget: 1, applied: false });
      expect((await engine.rows(over.sql)).length).toBe(5);
      const noK = await releasedRecordsSql(engine, 't', ['x'], ['q'], { suppressionLimit: 1 });
      expect(noK.suppression).toBeNull();
      expect(Object.keys((await engine.rows(noK.sql))[0])).toEqual(['x']);
    } finally {
      engine.close();
    }
  });
});
