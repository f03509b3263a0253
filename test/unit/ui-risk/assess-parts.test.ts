import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';
import { assessRisk } from '../../../src/core/risk/assess.ts';
import { assessClasses, classFigures, releasedSudaColumns } from '../../../src/core/risk/assess-parts.ts';
import { releasedPeculiarWithSources } from '../../../src/core/risk/peculiar-sources.ts';
import { findPeculiarValues } from '../../../src/core/risk/peculiar.ts';
import { suda2 } from '../../../src/core/risk/suda.ts';
import { loadDemoPatients } from './demo-table.ts';

const T = '患者';

/** A draft release of the demo: age in 5-year (level 1) or 20-year bands, postal code to 3 digits (level 1) or 1. */
function draft(k: number, limit: number, level = 1): ReleaseSpec {
  return parseSpec({
    version: 1,
    columns: [
      { name: '患者ID', role: 'identifier', transforms: [{ kind: 'drop' }] },
      { name: '氏名', role: 'identifier', transforms: [{ kind: 'drop' }] },
      { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level }] },
      { name: '性別', role: 'quasi', transforms: [] },
      { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'zip', level }] },
      { name: '主病名', role: 'sensitive', transforms: [] },
    ],
    hierarchies: [
      { name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 5 }, { width: 20 }] },
      { name: 'zip', kind: 'prefix', levels: [{ keep: 3 }, { keep: 1 }] },
    ],
    model: { k, suppressionLimit: limit },
    release: { mode: 'anonymized' },
  });
}

for (const host of ENGINE_HOSTS) {
  describe(`risk panel parts (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await loadDemoPatients(engine, T, 3000);
    }, 120_000);
    afterAll(() => engine.close());

    it('answers "how many are unique on birth date, sex and postal code" ad hoc, as plain SQL counts it', async () => {
      const a = await assessClasses(engine, null, { table: T, qis: ['生年月日', '性別', '郵便番号'] });
      const [expected] = await engine.rows(
        `SELECT count(*) FILTER (WHERE n = 1) AS uniques, count(*) AS classes, min(n) AS k FROM (SELECT count(*) AS n FROM 患者 GROUP BY 生年月日, 性別, 郵便番号)`,
      );
      const f = classFigures(a.histogram, 0.2);
      expect(a.qis).toEqual(['生年月日', '性別', '郵便番号']);
      expect(a.records).toBe(3000);
      expect(f.sampleUniques).toBe(Number(expected.uniques));
      expect(f.classes).toBe(Number(expected.classes));
      expect(f.minClassSize).toBe(Number(expected.k));
      // The demo is built so that most patients are unique on these three.
      expect(f.sampleUniques / a.records).toBeGreaterThan(0.5);
      expect(a.suppression).toBeNull();
      expect(a.lDiversity).toBeNull();
    });

    for (const [k, limit, level] of [
      [5, 0.1, 1],
      [5, 0, 1],
      [2, 0.5, 1],
      [5, 0.1, 2],
    ] as const) {
      it(`agrees with assessRisk under a spec (k ${k}, suppression limit ${limit}, level ${level})`, async () => {
        const spec = draft(k, limit, level);
        const full = await assessRisk(engine, spec, { table: T, suda: false, threshold: 0.2 });
        const part = await assessClasses(engine, spec, { table: T });
        const f = classFigures(part.histogram, 0.2, part.k);
        expect(part.qis).toEqual(['生年月日', '性別', '郵便番号']);
        expect(part.sensitive).toBe('主病名');
        expect(part.suppression).toEqual(full.suppression);
        expect({
          records: part.records,
          releasedRecords: part.releasedRecords,
          suppressedRecords: part.suppressedRecords,
          classes: f.classes,
          minClassSize: f.minClassSize,
          averageClassSize: f.averageClassSize,
          sampleUniques: f.sampleUniques,
          recordsBelowK: f.recordsBelowK,
          prosecutor: { highestRisk: f.prosecutor.highestRisk, averageRisk: f.prosecutor.averageRisk, recordsAtRisk: f.prosecutor.recordsAtRisk },
          journalist: { highestRisk: f.journalist.highestRisk, averageRisk: f.journalist.averageRisk, recordsAtRisk: f.journalist.recordsAtRisk },
          marketer: f.marketer,
        }).toEqual({
          records: full.records,
          releasedRecords: full.releasedRecords,
          suppressedRecords: full.suppressedRecords,
          classes: full.classes,
          minClassSize: full.minClassSize,
          averageClassSize: full.averageClassSize,
          sampleUniques: full.sampleUniques,
          recordsBelowK: full.recordsBelowK,
          prosecutor: full.prosecutor,
          journalist: full.journalist,
          marketer: full.marketer,
        });
        expect(part.lDiversity!.distinct).toBe(full.lDiversity!.distinct);
        expect(part.lDiversity!.entropy).toBeCloseTo(full.lDiversity!.entropy!, 10);
      });
    }

    it('suppresses whole classes below k when they fit the limit', async () => {
      const part = await assessClasses(engine, draft(5, 0.1, 2), { table: T });
      expect(part.suppression).toMatchObject({ k: 5, applied: true, kAnonymous: true });
      expect(part.suppressedRecords).toBe(part.suppression!.needed);
      expect(part.suppressedRecords).toBeGreaterThan(0);
      expect(part.histogram.entries[0][0]).toBeGreaterThanOrEqual(5);
    });

    it('lets ad hoc quasi-identifiers and sensitive attribute override the spec roles', async () => {
      const part = await assessClasses(engine, draft(5, 0), { table: T, qis: ['性別', '血液型'], sensitive: '主病名' });
      expect(part.qis).toEqual(['性別', '血液型']);
      const [r] = await engine.rows(`SELECT count(*) AS c FROM (SELECT 1 FROM 患者 GROUP BY 性別, 血液型)`);
      expect(classFigures(part.histogram, 0.2).classes).toBe(Number(r.c));
      // A column the spec drops is not released, so it cannot be a quasi-identifier of the release.
      const dropped = await assessClasses(engine, draft(5, 0), { table: T, qis: ['氏名', '性別'], sensitive: null });
      expect(dropped.qis).toEqual(['性別']);
      expect(dropped.lDiversity).toBeNull();
    });

    it('lists the peculiar values of the released columns as findPeculiarValues does on the raw table', async () => {
      const got = await releasedPeculiarWithSources(engine, null, { table: T, qis: ['性別', '身長'], sensitive: '主病名', minCount: 3 });
      const expected = await findPeculiarValues(engine, { relation: T, categorical: ['性別', '主病名'], numeric: ['身長'], minCount: 3 });
      expect(got.columns.sort()).toEqual(['主病名', '性別', '身長'].sort());
      const key = (f: { column: string; value: string | number; reason: string }) => `${f.column}|${f.value}|${f.reason}`;
      expect(got.findings.map(key).sort()).toEqual(expected.findings.map(key).sort());
      expect(got.findings.some((f) => f.column === '身長')).toBe(true);
    });

    it('loads the released quasi-identifiers for SUDA2 with the same sample uniques', async () => {
      const qis = ['生年月日', '性別'];
      const { columns, qis: used } = await releasedSudaColumns(engine, draft(5, 0), { table: T, qis });
      expect(used).toEqual(qis);
      expect(columns).toHaveLength(2);
      const r = await suda2(columns);
      const part = await assessClasses(engine, draft(5, 0), { table: T, qis });
      expect(r.sampleUniques).toBe(classFigures(part.histogram, 0.2).sampleUniques);
    });

    it('leaves no temporary view or table behind', async () => {
      await assessClasses(engine, draft(5, 0.1), { table: T });
      const rows = await engine.rows(`SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, '__tokumei_')`);
      expect(rows).toEqual([]);
    });
  });
}
