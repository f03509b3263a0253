import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySpec, materializeHierarchy } from '../../../src/core/compile/index.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { formatHierarchyCsv, parseHierarchyCsv } from '../../../src/core/hierarchy/csv.ts';
import { generalizeSql, prepareHierarchies } from '../../../src/core/hierarchy/sql.ts';
import { parseSpec, type HierarchySpec } from '../../../src/core/spec/index.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

const HIERARCHIES: HierarchySpec[] = [
  { name: 'age', kind: 'interval', levels: [{ width: 5 }, { width: 10 }, { width: 20 }], top: { at: 90 }, bottom: { at: 10, label: '10歳未満' } },
  { name: 'hba1c', kind: 'interval', levels: [{ width: 0.5 }, { width: 1 }], origin: 0.25 },
  { name: 'birthAge', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 1 }, { width: 10 }], top: { at: 100, label: '100以上' } },
  { name: 'cal', kind: 'date', levels: ['month', 'quarter', 'half', 'year', 'decade'] },
  { name: 'zip', kind: 'prefix', levels: [{ keep: 3 }, { keep: 1 }, { keep: 0 }], alnumOnly: true, mask: '*' },
];

/** column → hierarchy it is generalized with in these tests. */
const USES = { 年齢: 'age', HbA1c: 'hba1c', 生年月日: 'birthAge', 受診日: 'cal', 郵便番号: 'zip' } as const;

const results = new Map<string, unknown>();

for (const host of ENGINE_HOSTS) {
  describe(`rule hierarchies: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await engine.exec(`CREATE TABLE m ("年齢" INTEGER, "HbA1c" DOUBLE, "生年月日" DATE, "受診日" TIMESTAMP, "郵便番号" VARCHAR)`);
      await engine.exec(`INSERT INTO m VALUES
        (37, 6.25, DATE '1924-03-31', TIMESTAMP '2023-07-01 00:00:00', '100-0001'),
        (95, 5.9, DATE '1924-04-02', TIMESTAMP '2019-12-31 23:59:59', '〒１６０－００２２'),
        (3, 14.75, DATE '2000-02-29', TIMESTAMP '2024-04-01 12:00:00', 'E11.9'),
        (90, 0.1, DATE '2024-04-01', NULL, NULL),
        (NULL, NULL, NULL, TIMESTAMP '2001-01-01 00:00:00', '1')`);
    });
    afterAll(() => engine.close());

    /** Every column at `level` (or only `only`, the others dropped). */
    const specAt = (level: number, only?: string) =>
      parseSpec({
        version: 1,
        columns: Object.entries(USES).map(([name, h]) => ({
          name,
          role: 'quasi',
          transforms: [only === undefined || only === name ? { kind: 'generalize', hierarchy: h, level } : { kind: 'drop' }],
        })),
        hierarchies: HIERARCHIES,
        release: { mode: 'anonymized' },
      });

    it('labels values at each level', async () => {
      const at = async (level: number) => {
        const applied = await applySpec(engine, specAt(level), { table: 'm' });
        const rows = await engine.rows(`SELECT * FROM "${applied.view}"`);
        await applied.dispose();
        return rows;
      };
      const l1 = await at(1);
      expect(l1).toEqual([
        { 年齢: '35-39', HbA1c: '[6.25, 6.75)', 生年月日: '100以上', 受診日: '2023-07', 郵便番号: '100****' },
        { 年齢: '>=90', HbA1c: '[5.75, 6.25)', 生年月日: '99', 受診日: '2019-12', 郵便番号: '160****' },
        { 年齢: '10歳未満', HbA1c: '[14.75, 15.25)', 生年月日: '24', 受診日: '2024-04', 郵便番号: 'E11*' },
        { 年齢: '>=90', HbA1c: '[-0.25, 0.25)', 生年月日: '0', 受診日: null, 郵便番号: null },
        { 年齢: null, HbA1c: null, 生年月日: null, 受診日: '2001-01', 郵便番号: '1' },
      ]);
      const l2 = await at(2);
      expect(l2.map((r) => [r.年齢, r.HbA1c, r.生年月日, r.受診日, r.郵便番号])).toEqual([
        ['30-39', '[6.25, 7.25)', '100以上', '2023-Q3', '1******'],
        ['>=90', '[5.25, 6.25)', '90-99', '2019-Q4', '1******'],
        ['10歳未満', '[14.25, 15.25)', '20-29', '2024-Q2', 'E***'],
        ['>=90', '[-0.75, 0.25)', '0-9', null, null],
        [null, null, null, '2001-Q1', '1'],
      ]);
      const only = async (column: string, level: number) => {
        const applied = await applySpec(engine, specAt(level, column), { table: 'm' });
        const rows = (await engine.rows(`SELECT * FROM "${applied.view}"`)).map((r) => r[column]);
        await applied.dispose();
        return rows;
      };
      expect(await only('郵便番号', 3)).toEqual(['*******', '*******', '****', null, '*']);
      expect(await only('受診日', 3)).toEqual(['2023-H2', '2019-H2', '2024-H1', null, '2001-H1']);
      expect(await only('受診日', 4)).toEqual(['2023', '2019', '2024', null, '2001']);
      expect(await only('受診日', 5)).toEqual(['2020s', '2010s', '2020s', null, '2000s']);
      expect(await only('年齢', 3)).toEqual(['20-39', '>=90', '10歳未満', '>=90', null]);
      results.set(host.name, [l1, l2]);
    });

    it('materialises the same labels as ARX CSV for the risk code', async () => {
      for (const [column, name] of Object.entries(USES)) {
        const h = HIERARCHIES.find((x) => x.name === name)!;
        const table = await materializeHierarchy(engine, 'm', column, h);
        expect(table.levels).toBe(h.kind === 'table' ? 0 : h.levels.length + 1);
        // Through the ARX file format and the risk code's generalizeSql, labels equal the view's.
        const arx = parseHierarchyCsv(formatHierarchyCsv(table), { column });
        const [prepared] = await prepareHierarchies(engine, [{ column, hierarchy: arx }], `t_${name}_`);
        for (let level = 1; level < arx.levels; level++) {
          const viaRisk = await engine.rows(`SELECT ${'"' + column + '"'} AS v FROM (${generalizeSql('m', [{ column, level, hierarchy: prepared }])}) ORDER BY ALL`);
          const applied = await applySpec(engine, specAt(level, column), { table: 'm' });
          const viaView = await engine.rows(`SELECT ${'"' + column + '"'} AS v FROM "${applied.view}" ORDER BY ALL`);
          await applied.dispose();
          expect(viaRisk).toEqual(viaView);
        }
      }
    });

    it('materialises sorted by value with level 0 as the value text', async () => {
      const ages = await materializeHierarchy(engine, 'm', '年齢', HIERARCHIES[0]);
      expect(ages.rows).toEqual([
        ['3', '10歳未満', '10歳未満', '10歳未満'],
        ['37', '35-39', '30-39', '20-39'],
        ['90', '>=90', '>=90', '>=90'],
        ['95', '>=90', '>=90', '>=90'],
      ]);
    });
  });
}

describe('rule hierarchies: engines agree', () => {
  it('gives identical labels on both engines', () => {
    const [a, b] = ENGINE_HOSTS.map((h) => results.get(h.name));
    expect(a).toBeDefined();
    expect(b).toEqual(a);
  });
});
