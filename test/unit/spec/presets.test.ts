import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySpec } from '../../../src/core/compile/index.ts';
import { detectRoles } from '../../../src/core/detect/index.ts';
import type { SqlEngine, SqlRow } from '../../../src/core/engine.ts';
import { allMessageKeys, t } from '../../../src/core/i18n/catalog.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/index.ts';
import { applyEdits, emptySpec, parseSpec, PRESETS, presetEdits, type PresetColumn, type PresetId } from '../../../src/core/spec/index.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { loadCsvFixture } from '../detect/load-fixture.ts';

const COLUMNS: PresetColumn[] = [
  { name: '患者ID', type: 'VARCHAR', role: 'identifier', category: 'subjectId' },
  { name: '氏名', type: 'VARCHAR', role: 'identifier', category: 'name' },
  { name: '生年月日', type: 'DATE', role: 'quasi', category: 'birthDate' },
  { name: '年齢', type: 'BIGINT', role: 'quasi', category: 'age' },
  { name: '郵便番号', type: 'VARCHAR', role: 'quasi', category: 'postalCode' },
  { name: '市区町村', type: 'VARCHAR', role: 'quasi', category: 'locality' },
  { name: '受診日', type: 'DATE', role: 'quasi', category: 'date' },
  { name: '公表日', type: 'VARCHAR', role: 'quasi', category: 'date' },
  { name: '所見', type: 'VARCHAR', role: 'sensitive', category: 'freeText', freeText: true },
  { name: '傷病名', type: 'VARCHAR', role: 'sensitive', category: 'clinical' },
];

const transformsOf = (id: PresetId, opts = {}) => {
  const spec = applyEdits(emptySpec(), presetEdits(id, COLUMNS, opts));
  return Object.fromEntries(spec.columns.map((c) => [c.name, c.transforms]));
};

describe('presets', () => {
  it('explain every proposed edit with a message that exists in both languages', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const p of PRESETS) {
      expect(keys.has(p.label) && keys.has(p.description)).toBe(true);
      for (const e of presetEdits(p.id, COLUMNS, { referenceDate: '2024-04-01' })) {
        expect(e.why && keys.has(e.why.key)).toBe(true);
        expect(t('ja', e.why!.key, e.why!.params)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('次世代医療基盤法 匿名加工: identifiers out, age top-coded at 90, birth date to age bands, postal code to 3 digits, dates to months', () => {
    expect(transformsOf('anonymized', { referenceDate: '2024-04-01' })).toEqual({
      患者ID: [{ kind: 'pseudonymize' }],
      氏名: [{ kind: 'drop' }],
      生年月日: [{ kind: 'generalize', hierarchy: 'birthAge', level: 2 }],
      年齢: [{ kind: 'topCode', at: 90 }],
      郵便番号: [{ kind: 'generalize', hierarchy: 'postal', level: 2 }],
      市区町村: [],
      受診日: [{ kind: 'generalize', hierarchy: 'calendar', level: 1 }],
      公表日: [],
      所見: [{ kind: 'drop' }],
      傷病名: [],
    });
    expect(transformsOf('anonymized').生年月日).toEqual([{ kind: 'generalize', hierarchy: 'calendar', level: 3 }]);
    const spec = parseSpec(applyEdits(emptySpec(), presetEdits('anonymized', COLUMNS, { referenceDate: '2024-04-01' })));
    expect(spec.model).toEqual({ k: 5, suppressionLimit: 0.05 });
    expect(spec.peculiar.review).toBe(true);
    expect(spec.columns.find((c) => c.name === '所見')?.freeText).toBe(true);
    const k = presetEdits('anonymized', COLUMNS).find((e) => e.op === 'setModel')!;
    expect(t('ja', k.why!.key, k.why!.params)).toContain('法令は k の値を定めていません');
    const untyped = presetEdits('anonymized', COLUMNS).find((e) => e.op === 'setColumn' && e.column.name === '公表日')!;
    expect(untyped.why?.key).toBe('spec.preset.dateNeedsType');
  });

  it('次世代医療基盤法 仮名加工: IDs become pseudonyms, other identifiers go, details stay, certified users only', () => {
    expect(transformsOf('pseudonymized')).toEqual({
      患者ID: [{ kind: 'pseudonymize' }],
      氏名: [{ kind: 'drop' }],
      生年月日: [],
      年齢: [],
      郵便番号: [],
      市区町村: [],
      受診日: [],
      公表日: [],
      所見: [{ kind: 'drop' }],
      傷病名: [],
    });
    const spec = parseSpec(applyEdits(emptySpec(), presetEdits('pseudonymized', COLUMNS)));
    expect(spec.release).toMatchObject({ mode: 'pseudonymized', restriction: 'certifiedUsers' });
    expect(spec.model.k).toBeUndefined();
    expect(spec.peculiar.review).toBe(false);
  });

  it('HIPAA Safe Harbor is marked as training and removes what the rule lists', () => {
    expect(PRESETS.find((p) => p.id === 'hipaa')?.training).toBe(true);
    expect(t('ja', 'spec.preset.hipaa.label')).toContain('研修用');
    expect(transformsOf('hipaa')).toEqual({
      患者ID: [{ kind: 'drop' }],
      氏名: [{ kind: 'drop' }],
      生年月日: [{ kind: 'generalize', hierarchy: 'calendar', level: 3 }],
      年齢: [{ kind: 'topCode', at: 90 }],
      郵便番号: [{ kind: 'generalize', hierarchy: 'postal', level: 2 }],
      市区町村: [{ kind: 'drop' }],
      受診日: [{ kind: 'generalize', hierarchy: 'calendar', level: 3 }],
      公表日: [],
      所見: [{ kind: 'drop' }],
      傷病名: [],
    });
  });
});

const released = new Map<string, Record<string, SqlRow[]>>();

for (const host of ENGINE_HOSTS) {
  describe(`presets on the Japanese sample: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    const out: Record<string, SqlRow[]> = {};
    beforeAll(async () => {
      engine = await host.create();
      await loadCsvFixture(engine, 'jp-dummy-personal/personal_infomation.csv', 'raw');
      // Typed as the load step would after review: dates as DATE, ages as integers.
      await engine.exec(
        `CREATE TABLE 個人 AS SELECT * REPLACE (CAST(strptime("生年月日", '%Y/%m/%d') AS DATE) AS "生年月日", CAST("年齢" AS INTEGER) AS "年齢") FROM raw`,
      );
      await engine.exec('DROP TABLE raw');
    });
    afterAll(() => engine.close());

    const release = async (id: PresetId) => {
      const detected = await detectRoles(engine, '個人');
      const spec = applyEdits(emptySpec(), [{ op: 'setSource', source: { name: '個人' } }, ...presetEdits(id, detected.columns, { referenceDate: '2019-04-01' })]);
      const applied = await applySpec(engine, parseSpec(spec), { table: '個人', key: await PseudonymKey.fromBytes(new Uint8Array(32).fill(3)) });
      const columns = applied.outputColumns.map((c) => `CAST("${c.name}" AS VARCHAR) AS "${c.name}"`).join(', ');
      const rows = await engine.rows(`SELECT ${columns} FROM "${applied.view}"`);
      const source = await engine.rows(`SELECT "氏名", "氏名（カタカナ）", "電話番号", "メールアドレス", CAST("生年月日" AS VARCHAR) AS b FROM 個人`);
      await applied.dispose();
      out[id] = rows;
      return { rows, source };
    };

    it('anonymized: no name, phone or e-mail survives; ages are top-coded and birth dates are age bands', async () => {
      const { rows, source } = await release('anonymized');
      expect(rows).toHaveLength(50);
      expect(Object.keys(rows[0])).toEqual(['連番', '性別', '生年月日', '年齢', '出身地', '血液型']);
      const cells = new Set(rows.flatMap((r) => Object.values(r)));
      for (const s of source) for (const v of [s['氏名'], s['氏名（カタカナ）'], s['電話番号'], s['メールアドレス'], s.b]) expect(cells.has(v)).toBe(false);
      for (const r of rows) {
        expect(r['連番']).toMatch(/^[0-9a-f]{16}$/);
        expect(r['生年月日']).toMatch(/^(\d+-\d+|90以上)$/);
        expect(Number(r['年齢'])).toBeLessThanOrEqual(90);
      }
      // 1964-04-03 is 54 on 2019-04-01 (birthday not yet reached), so in the 50–54 band.
      expect(rows[0]['生年月日']).toBe('50-54');
    });

    it('pseudonymized: identifiers replaced or removed, birth dates kept exact', async () => {
      const { rows, source } = await release('pseudonymized');
      expect(Object.keys(rows[0])).toEqual(['連番', '性別', '生年月日', '年齢', '出身地', '血液型']);
      expect(rows.map((r) => r['生年月日'])).toEqual(source.map((s) => s.b));
    });

    it('hipaa (training): record numbers dropped, birth dates reduced to the year', async () => {
      const { rows } = await release('hipaa');
      expect(Object.keys(rows[0])).toEqual(['性別', '生年月日', '年齢', '出身地', '血液型']);
      expect(rows[0]['生年月日']).toBe('1964');
      released.set(host.name, out);
    });
  });
}

describe('presets: engines agree', () => {
  it('release the same rows on both engines', () => {
    const [a, b] = ENGINE_HOSTS.map((h) => released.get(h.name));
    expect(a).toBeDefined();
    expect(b).toEqual(a);
  });
});
