import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySpec } from '../../../src/core/compile/index.ts';
import type { SqlEngine, SqlValue } from '../../../src/core/engine.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/index.ts';
import { releasedRecordsSql } from '../../../src/core/risk/record-suppression.ts';
import { ident } from '../../../src/core/sql/quote.ts';
import { parseSpec, type ReleaseSpec } from '../../../src/core/spec/index.ts';
import { SpecPreviewer } from '../../../workers/engine/spec-preview.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { loadDemoPatients } from '../ui-risk/demo-table.ts';

const T = '患者';
const N = 400;

/** Every column of the demo's 患者 listed; three quasi-identifiers; k by cell suppression. */
async function cellSpec(engine: SqlEngine): Promise<ReleaseSpec> {
  const names = (await engine.rows(`DESCRIBE ${ident(T)}`)).map((r) => String(r.column_name));
  const quasi: Record<string, object[]> = {
    生年月日: [{ kind: 'generalize', hierarchy: 'age', level: 1 }],
    性別: [],
    郵便番号: [{ kind: 'generalize', hierarchy: 'zip', level: 1 }],
  };
  return parseSpec({
    version: 1,
    columns: names.map((name) => (name in quasi ? { name, role: 'quasi', transforms: quasi[name] } : { name, role: 'other', transforms: [{ kind: 'drop' }] })),
    hierarchies: [
      { name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 10 }] },
      { name: 'zip', kind: 'prefix', levels: [{ keep: 2 }] },
    ],
    model: { k: 3, suppressionLimit: 0, suppression: 'cells' },
    release: { mode: 'anonymized' },
  });
}

for (const host of ENGINE_HOSTS) {
  describe(`Transform preview with cell suppression (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    let previewer: SpecPreviewer;
    beforeAll(async () => {
      engine = await host.create();
      const key = await PseudonymKey.generate();
      previewer = new SpecPreviewer(() => engine, async () => key);
      await loadDemoPatients(engine, T, N);
    }, 120_000);
    afterAll(() => engine?.close());

    it('keeps every record and shows, next to each source row, the cells apply blanks', async () => {
      const spec = await cellSpec(engine);
      const { issues, preview } = await previewer.run(spec, T);
      expect(issues).toEqual([]);
      const p = preview!;
      expect(p.kSuppression).toBeNull();
      expect(p.outputRows).toBe(N);
      expect(p.kCells!.suppressedCells).toBeGreaterThan(0);
      const names = p.columns.map((c) => c.name);
      expect(names).toEqual(['生年月日', '性別', '郵便番号']);

      // What apply writes: the same k step on its own view.
      const applied = await applySpec(engine, spec, { table: T, view: 'expected_cells', prefix: '__tokumei_expected_cells_' });
      const release = await releasedRecordsSql(engine, applied.view, names, names, spec.model);
      const expected = (await engine.rows(release.sql)).map((r) => names.map((n) => r[n]));
      expect(release.cells!.report).toEqual({ ...p.kCells!, ms: release.cells!.report.ms });
      await release.dispose();
      await applied.dispose();

      const page = await previewer.page(p.id, 0, N);
      const after = page.after.filter((r): r is SqlValue[] => r !== null);
      expect(after).toHaveLength(N);
      const sort = (rows: SqlValue[][]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(sort(after)).toEqual(sort(expected));
      const blanks = after.reduce((n, r) => n + r.filter((v) => v === null).length, 0);
      expect(blanks).toBe(p.kCells!.suppressedCells);
      // Blanked cells are where the source has a value: row by row, sex is either kept or blank.
      const sex = p.sourceColumns.findIndex((c) => c.name === '性別');
      page.after.forEach((r, i) => {
        const v = r![names.indexOf('性別')];
        if (v !== null) expect(v).toBe(page.before[i][sex]);
      });
      await previewer.dispose();
      const left = (await engine.rows(`SELECT table_name AS t FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal`))
        .map((r) => String(r.t))
        .filter((t) => t.startsWith('__tokumei_'));
      expect(left).toEqual([]);
    });
  });
}
