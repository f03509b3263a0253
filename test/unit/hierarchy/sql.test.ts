import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { generalizeSql, hierarchyTableSql, missingValuesSql, prepareHierarchies } from '../../../src/core/hierarchy/sql.ts';
import type { Hierarchy, PreparedHierarchy } from '../../../src/core/hierarchy/types.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

const AGE: Hierarchy = {
  levels: 3,
  rows: [
    ['32', '30-34', '30代'],
    ['38', '35-39', '30代'],
    ['41', '40-44', '40代'],
    ['35', '35-39', '30代'],
  ],
};
const PREF: Hierarchy = {
  levels: 2,
  rows: [
    ["大阪'府", '近畿'],
    ['東京都', '関東'],
  ],
};

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isTokumeiError(e) ? { key: e.key, params: e.params } : e;
  }
  return undefined;
};

for (const host of ENGINE_HOSTS) {
  describe(`generalization SQL: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    let age: PreparedHierarchy;
    let pref: PreparedHierarchy;
    beforeAll(async () => {
      engine = await host.create();
      await engine.exec(`CREATE TABLE "患者 表" ("年齢" INTEGER, "都道府県" VARCHAR, "病名" VARCHAR)`);
      await engine.exec(`INSERT INTO "患者 表" VALUES
        (32, '東京都', 'A'), (38, '大阪''府', 'B'), (41, '東京都', 'C'), (NULL, '東京都', 'D'), (99, '大阪''府', 'E')`);
      [age, pref] = await prepareHierarchies(engine, [
        { column: '年齢', hierarchy: AGE },
        { column: '都道府県', hierarchy: PREF },
      ]);
    });
    afterAll(() => engine.close());

    it('mapping table holds labels and first-appearance codes per level', async () => {
      const rows = await engine.rows(`SELECT * FROM ${age.table} ORDER BY value`);
      expect(rows).toEqual([
        { value: '32', l0: '32', l1: '30-34', l2: '30代', c0: 0, c1: 0, c2: 0 },
        { value: '35', l0: '35', l1: '35-39', l2: '30代', c0: 3, c1: 1, c2: 0 },
        { value: '38', l0: '38', l1: '35-39', l2: '30代', c0: 1, c1: 1, c2: 0 },
        { value: '41', l0: '41', l1: '40-44', l2: '40代', c0: 2, c1: 2, c2: 1 },
      ]);
    });

    it('replaces each quasi-identifier by its label at the chosen level', async () => {
      const sql = generalizeSql(
        '患者 表',
        [
          { column: '年齢', level: 2, hierarchy: age },
          { column: '都道府県', level: 1, hierarchy: pref },
        ],
        { keep: ['病名'] },
      );
      const rows = await engine.rows(`${sql} ORDER BY "病名"`);
      // 99 is missing from the hierarchy and NULL is NULL: both come out NULL.
      expect(rows).toEqual([
        { 年齢: '30代', 都道府県: '関東', 病名: 'A' },
        { 年齢: '30代', 都道府県: '近畿', 病名: 'B' },
        { 年齢: '40代', 都道府県: '関東', 病名: 'C' },
        { 年齢: null, 都道府県: '関東', 病名: 'D' },
        { 年齢: null, 都道府県: '近畿', 病名: 'E' },
      ]);
    });

    it('level 0 needs no hierarchy and yields the original as text', async () => {
      const rows = await engine.rows(`${generalizeSql('患者 表', [{ column: '年齢', level: 0 }])} ORDER BY 1`);
      expect(rows.map((r) => r['年齢'])).toEqual(['32', '38', '41', '99', null]);
    });

    it('emits integer codes on request', async () => {
      const sql = generalizeSql('患者 表', [{ column: '年齢', level: 1, hierarchy: age }], { keep: ['病名'] , codes: true });
      const rows = await engine.rows(`${sql} ORDER BY "病名"`);
      expect(rows.map((r) => r['年齢'])).toEqual([0, 1, 2, null, null]);
    });

    it('lists the data values a hierarchy lacks', async () => {
      expect(await engine.rows(missingValuesSql('患者 表', '年齢', age))).toEqual([{ value: '99' }]);
      expect(await engine.rows(missingValuesSql('患者 表', '都道府県', pref))).toEqual([]);
    });

    it('inserts large hierarchies in chunks', async () => {
      const big: Hierarchy = {
        levels: 2,
        rows: Array.from({ length: 2500 }, (_, i) => [`v${i}`, `g${i % 7}`]),
      };
      expect(hierarchyTableSql('big', big)).toHaveLength(1 + 3);
      const [p] = await prepareHierarchies(engine, [{ column: 'v', hierarchy: big }], 'big_');
      expect(await engine.rows(`SELECT COUNT(*) AS n, COUNT(DISTINCT c1) AS g FROM ${p.table}`)).toEqual([{ n: 2500, g: 7 }]);
    });
  });
}

describe('generalization SQL arguments', () => {
  const age: PreparedHierarchy = { column: '年齢', table: 't0', levels: 3 };
  it('rejects levels outside the hierarchy', () => {
    expect(errorOf(() => generalizeSql('s', [{ column: '年齢', level: 3, hierarchy: age }]))).toEqual({
      key: 'risk.hierarchy.levelOutOfRange',
      params: { column: '年齢', level: 3, max: 2 },
    });
    expect(errorOf(() => generalizeSql('s', [{ column: '年齢', level: -1, hierarchy: age }]))).toMatchObject({
      key: 'risk.hierarchy.levelOutOfRange',
    });
  });
  it('needs a hierarchy above level 0', () => {
    expect(errorOf(() => generalizeSql('s', [{ column: '年齢', level: 1 }]))).toEqual({
      key: 'risk.hierarchy.noHierarchy',
      params: { column: '年齢', level: 1 },
    });
  });
});
