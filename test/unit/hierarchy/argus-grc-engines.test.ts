import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySpec, materializeHierarchy } from '../../../src/core/compile/index.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { grcToHierarchy, parseGrc } from '../../../src/core/hierarchy/argus-grc.ts';
import { columnValues } from '../../../src/core/hierarchy/column-values.ts';
import { parseSpec } from '../../../src/core/spec/index.ts';
import { VALUES_PROBE } from '../../../src/ui/components/spec/hierarchy-draft.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/argus');
const grc = (name: string) => parseGrc(new Uint8Array(readFileSync(join(FIXTURES, name))), name);

const results = new Map<string, unknown>();

for (const host of ENGINE_HOSTS) {
  describe(`μ-ARGUS recodes through the compiler: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await engine.exec(`CREATE TABLE "患者" ("番号" INTEGER, "年齢" INTEGER, "都道府県" VARCHAR, "病名" VARCHAR, "体重" DOUBLE)`);
      await engine.exec(`INSERT INTO "患者" VALUES
        (1, 9, '東京都', 'E11.9', 61.5),
        (2, 37, '大阪府', 'I10', 52.0),
        (3, 64, '沖縄県', 'J45.0', 70.25),
        (4, 19, '北海道', 'Z00', 61.5),
        (5, NULL, NULL, NULL, NULL),
        (6, 120, '東京都', 'E11.9', 80.0)`);
    });
    afterAll(() => engine.close());

    it('lists a column’s values as the compiler and the hierarchy editor see them', async () => {
      expect(await columnValues(engine, '患者', '年齢')).toEqual(['9', '19', '37', '64', '120']);
      expect(await columnValues(engine, '患者', '体重')).toEqual(['52.0', '61.5', '70.25', '80.0']);
      for (const column of ['年齢', '都道府県', '病名', '体重']) {
        const viaMaterialize = (await materializeHierarchy(engine, '患者', column, VALUES_PROBE)).rows.map((r) => r[0]);
        expect(await columnValues(engine, '患者', column), column).toEqual(viaMaterialize);
      }
    });

    it('generalizes with the table hierarchy built from .grc files, NULLs staying NULL', async () => {
      const age = grcToHierarchy('age', [grc('age-10.grc'), grc('age-20.grc')], await columnValues(engine, '患者', '年齢'));
      const region = grcToHierarchy('region', [grc('region-sjis.grc')], await columnValues(engine, '患者', '都道府県'));
      const icd = grcToHierarchy('icd', [grc('icd10.grc')], await columnValues(engine, '患者', '病名'));
      const at = async (level: number) => {
        const spec = parseSpec({
          version: 1,
          columns: [
            { name: '番号', role: 'other' },
            { name: '年齢', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level }] },
            { name: '都道府県', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'region', level: Math.min(level, 1) }] },
            { name: '病名', role: 'sensitive', transforms: [{ kind: 'generalize', hierarchy: 'icd', level: Math.min(level, 1) }] },
            { name: '体重', role: 'other', transforms: [{ kind: 'drop' }] },
          ],
          hierarchies: [age, region, icd],
          release: { mode: 'anonymized' },
        });
        const applied = await applySpec(engine, spec, { table: '患者' });
        const rows = (await engine.rows(`SELECT * FROM "${applied.view}" ORDER BY "番号"`)).map(({ 番号: _, ...r }) => r);
        await applied.dispose();
        return rows;
      };
      const l1 = await at(1);
      expect(l1).toEqual([
        { 年齢: '0-19', 都道府県: '関東', 病名: 'E00-E90 内分泌' },
        { 年齢: '30-39', 都道府県: '近畿', 病名: 'I00-I99 循環器' },
        { 年齢: '60+', 都道府県: '九州・沖縄', 病名: 'J00-J99 呼吸器' },
        { 年齢: '0-19', 都道府県: '北海道・東北', 病名: 'Z00' },
        { 年齢: null, 都道府県: null, 病名: null },
        { 年齢: '60+', 都道府県: '関東', 病名: 'E00-E90 内分泌' },
      ]);
      const l2 = await at(2);
      expect(l2.map((r) => r.年齢)).toEqual(['0-19', '20-39', '60+', '0-19', null, '60+']);
      results.set(host.name, [l1, l2]);
    });
  });
}

describe('μ-ARGUS recodes: engines agree', () => {
  it('gives identical labels on both engines', () => {
    const [a, b] = ENGINE_HOSTS.map((h) => results.get(h.name));
    expect(a).toBeDefined();
    expect(b).toEqual(a);
  });
});
