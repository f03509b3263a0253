import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { applySpec } from '../../../src/core/compile/apply.ts';
import { releasedRecordsSql } from '../../../src/core/risk/record-suppression.ts';
import { ident } from '../../../src/core/sql/quote.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import { cellsApi } from '../../../workers/engine/cells-api.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { loadDemoPatients } from '../ui-risk/demo-table.ts';

const T = '患者';
const QIS = ['生年月日', '性別', '主病名'];

/** Age in 10-year bands, sex and the diagnosis; records suppression within 3 % as the spec's own k step. */
const spec = parseSpec({
  version: 1,
  columns: [
    { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 1 }] },
    { name: '性別', role: 'quasi', transforms: [] },
    { name: '主病名', role: 'quasi', transforms: [] },
  ],
  hierarchies: [{ name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 10 }] }],
  model: { k: 5, suppressionLimit: 0.03 },
  release: { mode: 'anonymized' },
});

for (const host of ENGINE_HOSTS) {
  describe(`cell vs record suppression for the panel (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await loadDemoPatients(engine, T, 2000);
    }, 120_000);
    afterAll(() => engine.close());

    it('counts what each removes as plain SQL on the released records counts it', async () => {
      const api = cellsApi(() => engine);
      const r = await api.cellsCompare({ table: T, spec, k: 4, importance: { 主病名: 5 } });
      expect(r.k).toBe(4);
      expect(r.qis).toEqual(QIS);
      expect(r.records).toBe(2000);
      expect(r.ms).toBeGreaterThan(0);

      const applied = await applySpec(engine, spec, { table: T, unlisted: 'drop', view: 'cmp_released' });
      try {
        const v = ident(applied.view);
        const part = QIS.map(ident).join(', ');
        const distinct = (from: string) => QIS.map((q) => `count(DISTINCT ${ident(q)}) AS ${ident(q)}`).join(', ') + ` FROM ${from}`;
        const [before] = await engine.rows(`SELECT ${distinct(v)}`);
        expect(r.categories).toEqual(Object.fromEntries(QIS.map((q) => [q, Number(before[q])])));

        // Record suppression: the records of classes below k, and the values only they had.
        const [below] = await engine.rows(`SELECT count(*) AS n FROM (SELECT count(*) OVER (PARTITION BY ${part}) AS c FROM ${v}) WHERE c < 4`);
        expect(r.recordSuppression.removed).toBe(Number(below.n));
        expect(r.recordSuppression.cellsRemoved).toBe(Number(below.n) * 3);
        expect(r.recordSuppression.budget).toBe(Math.floor(0.03 * 2000));
        expect(r.recordSuppression.withinLimit).toBe(Number(below.n) <= 60);
        const [kept] = await engine.rows(`SELECT ${distinct(`(SELECT *, count(*) OVER (PARTITION BY ${part}) AS c FROM ${v}) WHERE c >= 4`)}`);
        for (const q of QIS) expect(r.recordSuppression.categoriesLost[q]).toBe(Number(before[q]) - Number(kept[q]));
        expect(r.recordSuppression.categoriesLostTotal).toBe(QIS.reduce((s, q) => s + r.recordSuppression.categoriesLost[q], 0));

        // Cell suppression: what the release step blanks with the same k and importance.
        const release = await releasedRecordsSql(engine, applied.view, QIS, QIS, { k: 4, suppressionLimit: 0, suppression: 'cells', importance: { 主病名: 5 } });
        try {
          expect({ ...r.cellSuppression, categoriesLost: undefined, categoriesLostTotal: undefined, ms: 0 }).toEqual({ ...release.cells!.report, ms: 0 });
          const [after] = await engine.rows(`SELECT ${distinct(`(${release.sql}) AS ${ident('r')}`)}`);
          for (const q of QIS) expect(r.cellSuppression.categoriesLost[q]).toBe(Number(before[q]) - Number(after[q]));
        } finally {
          await release.dispose();
        }
        expect(r.cellSuppression.suppressedCells).toBeGreaterThan(0);
        expect(r.cellSuppression.minFrequency).toBeGreaterThanOrEqual(4);
      } finally {
        await applied.dispose();
      }
      // Nothing is left behind in the engine.
      const left = (await engine.rows(`SELECT table_name AS t FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal`))
        .map((x) => String(x.t))
        .filter((t) => t.startsWith('__tokumei_'));
      expect(left).toEqual([]);
    });
  });
}
