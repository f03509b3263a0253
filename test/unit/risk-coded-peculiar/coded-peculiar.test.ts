import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRoles } from '../../../src/core/detect/index.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/key.ts';
import { codedPeculiarListing } from '../../../src/core/risk/coded-peculiar.ts';
import { SourceCodes } from '../../../src/core/risk/source-codes.ts';
import { applyEdits, emptySpec, parseSpec, presetEdits } from '../../../src/core/spec/index.ts';
import type { ReleaseSpec, ReleaseSpecInput } from '../../../src/core/spec/schema.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { loadDemoPatients } from '../ui-risk/demo-table.ts';
import { agree, recording } from './support.ts';

const T = '患者';

const spec = (input: Omit<ReleaseSpecInput, 'version' | 'release'>): ReleaseSpec => parseSpec({ version: 1, release: { mode: 'anonymized' }, ...input });

const reasons = (l: { findings: { reason: string }[] } | null) => new Set(l?.findings.map((f) => f.reason));

for (const host of ENGINE_HOSTS) {
  describe(`peculiar values from dictionary codes (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    let codes: SourceCodes;
    let key: PseudonymKey;
    let preset: ReleaseSpec;
    let prefectures: string[];
    beforeAll(async () => {
      engine = await host.create();
      await loadDemoPatients(engine, T, 3000);
      codes = new SourceCodes();
      key = await PseudonymKey.generate();
      const detected = await detectRoles(engine, T);
      preset = parseSpec(applyEdits(emptySpec(), [{ op: 'setSource', source: { name: T } }, ...presetEdits('anonymized', detected.columns, { referenceDate: '2024-04-01' })]));
      prefectures = (await engine.rows(`SELECT DISTINCT 都道府県 AS p FROM 患者 WHERE 都道府県 IS NOT NULL ORDER BY 1`)).map((r) => String(r.p));
    }, 120_000);
    afterAll(() => engine.close());

    it("lists the anonymized preset's peculiar values as the view does, every kind of finding, without scanning the view", async () => {
      // The preset: age bands, 3-digit postal codes, prefecture, municipality, sex, height, weight.
      expect(preset.columns.filter((c) => c.role === 'quasi').map((c) => c.name)).toContain('身長');
      const got = await agree(engine, codes, preset, { table: T, geography: '都道府県' });
      expect(reasons(got)).toEqual(new Set(['rareCategory', 'belowPercentile', 'abovePercentile', 'rareInGeography']));
      expect(got!.findings.some((f) => (f.sources?.length ?? 0) > 1)).toBe(true);
      expect(got!.columns).toEqual(expect.arrayContaining(['生年月日', '郵便番号', '身長', '体重']));
    });

    it('caps each column and reason, and reports what was left out', async () => {
      const got = await agree(engine, codes, preset, { table: T, geography: '都道府県', maxPerColumn: 2, minCount: 12, percentiles: [0.05, 0.9] });
      expect(got!.omitted.length).toBeGreaterThan(3);
      expect(got!.omitted.map((o) => o.reason)).toEqual(expect.arrayContaining(['rareCategory', 'belowPercentile', 'abovePercentile', 'rareInGeography']));
    });

    it('a second listing reads the dictionaries it measured before, and agrees again', async () => {
      await agree(engine, codes, preset, { table: T, geography: '市区町村', sensitive: '主病名' });
      const r = recording(engine);
      await codedPeculiarListing(r.engine, preset, { table: T, geography: '市区町村', sensitive: '主病名', codes });
      // Labels and released codes are remembered per dictionary; only the source values of the findings are looked up.
      expect(r.seen.filter((s) => s.includes('__tokumei_dict_') && !s.includes('IN ('))).toEqual([]);
    });

    it('counts only the records the view keeps: exclusions, record filters and peculiar decisions', async () => {
      const s = spec({
        sources: { tables: [{ name: T, subjectColumn: '患者ID' }] },
        columns: [
          { name: '患者ID', role: 'identifier', transforms: [{ kind: 'drop' }] },
          { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 1 }] },
          { name: '性別', role: 'quasi' },
          { name: '都道府県', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'region', level: 1 }] },
          { name: '市区町村', role: 'quasi' },
          { name: '血液型', role: 'other', transforms: [{ kind: 'suppressRecord', values: ['AB'] }] },
          { name: '身長', role: 'quasi', transforms: [{ kind: 'topCode', at: 180, label: '180以上' }] },
          { name: '体重', role: 'quasi', transforms: [{ kind: 'round', to: 5 }, { kind: 'suppressCell', values: [50] }] },
          { name: '主病名', role: 'sensitive', transforms: [{ kind: 'pseudonymize' }] },
        ],
        hierarchies: [
          { name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 10 }], top: { at: 90, label: '90歳以上' } },
          { name: 'region', kind: 'table', rows: prefectures.map((p, i) => [p, i % 4 === 0 ? '北' : i % 4 === 1 ? '東' : '西']) },
        ],
        peculiar: {
          review: true,
          decisions: [
            { column: '都道府県', value: prefectures[3], action: 'suppressRecord', reason: 'rare' },
            { column: '市区町村', value: '千代田区', action: 'suppressRecord', reason: 'rare' },
            { column: '性別', value: '女', action: 'suppressCell', reason: 'test' },
            { column: '身長', value: 150.1, action: 'keep', reason: 'ok' },
          ],
        },
      });
      const opts = { table: T, geography: '都道府県', exclusions: ['P0000001', 'P0000002', 'P0000100', 'nobody'], key };
      const got = await agree(engine, codes, s, opts);
      expect(got!.columns).toContain('身長'); // released as text by the labelled top code
      expect(got!.findings.some((f) => f.column === '主病名' && f.sources?.length === 1)).toBe(true);
      expect(reasons(got).has('rareInGeography')).toBe(true);
    });

    it('declines a column released from two columns per record (a date shift reads the subject), and a table it cannot encode', async () => {
      const shifted = spec({
        sources: { tables: [{ name: T, subjectColumn: '患者ID' }] },
        columns: [
          { name: '生年月日', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 30 }, { kind: 'generalize', hierarchy: 'age', level: 1 }] },
          { name: '性別', role: 'quasi' },
        ],
        hierarchies: [{ name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 5 }] }],
      });
      expect(await codedPeculiarListing(engine, shifted, { table: T, key, codes })).toBeNull();
      await engine.exec(`CREATE OR REPLACE TABLE gaps AS SELECT * FROM 患者`);
      await engine.exec(`DELETE FROM gaps WHERE 性別 = '男'`);
      const own = new SourceCodes();
      expect(await codedPeculiarListing(engine, null, { table: 'gaps', qis: ['血液型', '身長'], codes: own })).toBeNull();
      await own.clear(engine);
    });

    it('fails as the view does on options it refuses', async () => {
      await agree(engine, codes, preset, { table: T, minCount: 0 });
      await agree(engine, codes, preset, { table: T, percentiles: [0.9, 0.1] });
    });
  });

  describe(`peculiar values from codes, hand-made tables (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    const codes = new SourceCodes();
    beforeAll(async () => {
      engine = await host.create();
    }, 60_000);
    afterAll(() => engine.close());

    it('lists a released band with the source ages behind it', async () => {
      await engine.exec(`CREATE OR REPLACE TABLE 受診 AS
        SELECT age AS 年齢, CASE WHEN i % 2 = 0 THEN '男' ELSE '女' END AS 性別, CASE WHEN age = 41 THEN 'Q87' ELSE 'E11' END AS 病名
        FROM (SELECT row_number() OVER () - 1 AS i, age FROM (SELECT unnest([30,31,32,33,34,35,40,41,42,43,44,45,50,51,52,53,54,55,91,97]) AS age))`);
      const s = spec({
        columns: [
          { name: '年齢', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'decade', level: 1 }] },
          { name: '性別', role: 'quasi' },
          { name: '病名', role: 'sensitive' },
        ],
        hierarchies: [{ name: 'decade', kind: 'interval', levels: [{ width: 10 }] }],
      });
      const got = await agree(engine, codes, s, { table: '受診' });
      expect(got!.findings.map((f) => [f.column, f.count, f.sources])).toEqual([
        ['年齢', 2, [91, 97]],
        ['病名', 1, ['Q87']],
      ]);
    });

    it('orders text by code point, as DuckDB sorts VARCHAR (not by UTF-16 units), and areas by their text', async () => {
      // Each name once; U+FF5E (～) sorts before U+20BB7 (𠮷) by code point, after it by UTF-16 units.
      const names = ['𠮷田', '～', 'ｱ', 'a', 'A', 'é', '', '髙橋', '高橋', '🙂'];
      const rows = names.flatMap((n, i) => [`(${i}, '${n}', ${i % 3 === 0 ? 10 : 9})`]);
      const filler = Array.from({ length: 20 }, (_, i) => `(${100 + i}, '共通', ${i % 2 ? 10 : 9})`);
      await engine.exec(`CREATE OR REPLACE TABLE 名簿 AS SELECT col0 AS id, col1 AS 名前, CAST(col2 AS INTEGER) AS 地区 FROM (VALUES ${[...rows, ...filler].join(', ')})`);
      const got = await agree(engine, codes, null, { table: '名簿', qis: ['名前', '地区'], minCount: 2 });
      const listed = got!.findings.filter((f) => f.reason === 'rareCategory').map((f) => f.value);
      expect(listed).toEqual([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
      expect(listed.indexOf('～')).toBeLessThan(listed.indexOf('𠮷田'));
      // Crossed with an INTEGER area, '10' sorts before '9' as text.
      await engine.exec(`CREATE OR REPLACE TABLE 名簿2 AS SELECT * FROM 名簿 UNION ALL SELECT id + 1000, 名前, 地区 + 1 FROM 名簿 WHERE 名前 <> '共通'`);
      const crossed = await agree(engine, codes, null, { table: '名簿2', qis: ['名前', '地区'], minCount: 2, geography: '地区' });
      expect(crossed!.findings.filter((f) => f.reason === 'rareInGeography').length).toBeGreaterThan(0);
    });

    it('counts released values that are one double together, and reads the sources of large integers as the SQL does', async () => {
      // 2^60 + i for i ≤ 200 are two doubles (2^60 and 2^60 + 256): 129 source values behind the first, one after the cast.
      await engine.exec(`CREATE OR REPLACE TABLE 大 AS SELECT i AS id, CASE WHEN i < 200 THEN i ELSE CAST(1152921504606846976 AS BIGINT) + (i - 200) END AS 値, 'x' AS 分類 FROM range(401) t(i)`);
      const got = await agree(engine, codes, null, { table: '大', qis: ['値', '分類'], percentiles: [0.01, 0.4] });
      const top = got!.findings.filter((f) => f.reason === 'abovePercentile' && (f.value as number) >= 2 ** 60);
      expect(top.map((f) => [f.value, f.count, f.sources])).toEqual([
        [2 ** 60 + 256, 72, [2 ** 60 + 256]],
        [2 ** 60, 129, [2 ** 60]],
      ]);
    });

    it('leaves out the sources of a finding with more than 100 of them', async () => {
      await engine.exec(`CREATE OR REPLACE TABLE 多 AS SELECT i AS id, CASE WHEN i < 150 THEN 1000 + i ELSE i % 50 END AS 値 FROM range(2000) t(i)`);
      const s = spec({ columns: [{ name: '値', role: 'quasi', transforms: [{ kind: 'topCode', at: 1000 }] }] });
      const got = await agree(engine, codes, s, { table: '多', percentiles: [0.01, 0.9] });
      const top = got!.findings.find((f) => f.value === 1000)!;
      expect(top.count).toBe(150);
      expect(top.sources).toBeUndefined();
    });

    it('declines a numeric column holding infinity, which the SQL listing cannot write back', async () => {
      await engine.exec(`CREATE OR REPLACE TABLE 無限 AS SELECT i AS id, CASE WHEN i = 0 THEN 'inf'::DOUBLE ELSE i END AS 値 FROM range(300) t(i)`);
      await agree(engine, codes, null, { table: '無限', qis: ['値'] }, true);
      expect(await codedPeculiarListing(engine, null, { table: '無限', qis: ['値'], codes })).toBeNull();
    });
  });
}
