import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { loadCsv } from '../../../src/core/load/load-csv.ts';
import { inferTyping } from '../../../src/core/load/typing/infer-typing.ts';
import { applyTypingSql, checkTyping } from '../../../src/core/load/typing/apply-typing.ts';
import { t, type MessageKey } from '../../../src/core/i18n/catalog.ts';
import { ident } from '../../../src/core/sql/quote.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import type { ColumnTyping } from '../../../src/core/load/types.ts';
import { fixture, POSTAL, utf8 } from './fixtures.ts';

const ROWS = 20;
/** Column name → values, cycled over ROWS rows. */
const COLUMNS: Record<string, string[]> = {
  郵便番号: ['0010001', '1000001', '0600000'],
  患者ID: ['000123', '000124', '100125'],
  年齢: ['30', '41', '7', '-1'],
  体重: ['60.5', '70', '55.25', '.5'],
  受診日: ['2020-01-02', '2020-12-31', '2021-02-28'],
  入院日: ['2020/1/2', '2020/12/31', '2021/2/28'],
  生年月日: ['昭和55年1月2日', '平成元年1月8日', '令和元年5月1日', 'H31.4.30'],
  記録日時: ['2020-01-02 10:00:00', '2020-01-03T11:30', '2020/01/04 09:15:30', '2020-01-05'],
  送信日時: ['2020-01-02T10:00:00+09:00', '2020-01-02T01:00:00Z', '2020-01-03 10:00:00'],
  同意: ['true', 'false', 'TRUE'],
  検査値: ['12', '15', '18', '21', '24', '27', '30', '33', '36', '39', '42', '45', '48', '51', '54', '57', '60', '63', '66', '不明'],
  退院日: ['20200102', '20211231', '19991111'],
  card: ['1234567890123456', '2234567890123456'],
  点数: ['１２', '３４', '５'],
  金額: ['1,234', '12,345,678', '999'],
  空欄: [''],
  施設コード: ['13101', '13102', '1310'],
  固定幅: ['1234567', '2345678'],
  和暦不正: ['令和元年4月30日', '平成31年4月30日'],
  混在日付: ['2020-01-02', '令和2年1月3日'],
  名前: ['山田', '佐藤', '1番'],
};

function csv(): string {
  const names = Object.keys(COLUMNS);
  const lines = [names.join(',')];
  for (let r = 0; r < ROWS; r++) lines.push(names.map((n) => `"${COLUMNS[n][r % COLUMNS[n].length]}"`).join(','));
  return lines.join('\n') + '\n';
}

const summary = (typing: ColumnTyping[]) =>
  Object.fromEntries(typing.map((c) => [c.column, [c.target, c.reason.key, ...(c.reason.params ? [c.reason.params] : []), ...(c.eraDates ? [{ eraDates: c.eraDates }] : [])]]));

for (const host of ENGINE_HOSTS) {
  describe(`typing: ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());
    const loaded = enginePromise.then(async (engine) => {
      await loadCsv(engine, { table: 'kinds', fileName: 'kinds.csv', bytes: utf8(csv()) });
      return engine;
    });

    it('suggests a type and a reason per column', async () => {
      const engine = await loaded;
      const typing = await inferTyping(engine, 'kinds');
      expect(summary(typing)).toEqual({
        郵便番号: ['VARCHAR', 'load.typing.leadingZeros', { examples: '0010001, 0600000' }],
        患者ID: ['VARCHAR', 'load.typing.leadingZeros', { examples: '000123, 000124' }],
        年齢: ['BIGINT', 'load.typing.integer'],
        体重: ['DOUBLE', 'load.typing.decimal'],
        受診日: ['DATE', 'load.typing.date'],
        入院日: ['DATE', 'load.typing.date'],
        生年月日: ['DATE', 'load.typing.eraDate', { eraDates: ROWS }],
        記録日時: ['TIMESTAMP', 'load.typing.timestamp'],
        送信日時: ['VARCHAR', 'load.typing.timezone', { examples: '2020-01-02T01:00:00Z, 2020-01-02T10:00:00+09:00' }],
        同意: ['BOOLEAN', 'load.typing.boolean'],
        検査値: ['VARCHAR', 'load.typing.mixed.BIGINT', { failures: 1, examples: '不明' }],
        退院日: ['DATE', 'load.typing.compactDate'],
        card: ['VARCHAR', 'load.typing.longDigits', { digits: 16 }],
        点数: ['BIGINT', 'load.typing.integer'],
        金額: ['BIGINT', 'load.typing.integer'],
        空欄: ['VARCHAR', 'load.typing.empty'],
        施設コード: ['VARCHAR', 'load.typing.codeName'],
        固定幅: ['VARCHAR', 'load.typing.fixedWidthCode', { width: 7 }],
        和暦不正: ['VARCHAR', 'load.typing.eraInvalid', { failures: 10, examples: '令和元年4月30日' }],
        混在日付: ['DATE', 'load.typing.eraDate', { eraDates: 10 }],
        名前: ['VARCHAR', 'load.typing.text'],
      });
      expect(typing.every((c) => c.failures === 0 && c.checkedRows === ROWS)).toBe(true);
      for (const c of typing) expect(t('ja', c.reason.key as MessageKey)).not.toBe(c.reason.key);
    });

    it('applies the casts: naive TIMESTAMP (never TIMESTAMPTZ), codes untouched, eras converted', async () => {
      const engine = await loaded;
      await engine.exec(`CREATE TABLE applied AS SELECT * FROM kinds`);
      await engine.exec(applyTypingSql('applied', await inferTyping(engine, 'applied')));
      const types = Object.fromEntries(
        (await engine.rows(`SELECT column_name AS c, data_type AS t FROM duckdb_columns() WHERE table_name = 'applied' ORDER BY column_index`)).map((r) => [r.c, r.t]),
      );
      expect(Object.keys(types)).toEqual(Object.keys(COLUMNS));
      expect(types).toMatchObject({ 記録日時: 'TIMESTAMP', 生年月日: 'DATE', 年齢: 'BIGINT', 体重: 'DOUBLE', 同意: 'BOOLEAN', 郵便番号: 'VARCHAR' });
      const rows = await engine.rows(
        `SELECT 郵便番号, 患者ID, 年齢, 体重, CAST(受診日 AS VARCHAR) AS 受診日, CAST(入院日 AS VARCHAR) AS 入院日, CAST(生年月日 AS VARCHAR) AS 生年月日,
                CAST(記録日時 AS VARCHAR) AS 記録日時, 送信日時, 同意, CAST(退院日 AS VARCHAR) AS 退院日, 点数, 金額, CAST(混在日付 AS VARCHAR) AS 混在日付
         FROM applied ORDER BY rowid LIMIT 4`,
      );
      expect(rows).toEqual([
        { 郵便番号: '0010001', 患者ID: '000123', 年齢: 30, 体重: 60.5, 受診日: '2020-01-02', 入院日: '2020-01-02', 生年月日: '1980-01-02', 記録日時: '2020-01-02 10:00:00', 送信日時: '2020-01-02T10:00:00+09:00', 同意: true, 退院日: '2020-01-02', 点数: 12, 金額: 1234, 混在日付: '2020-01-02' },
        { 郵便番号: '1000001', 患者ID: '000124', 年齢: 41, 体重: 70, 受診日: '2020-12-31', 入院日: '2020-12-31', 生年月日: '1989-01-08', 記録日時: '2020-01-03 11:30:00', 送信日時: '2020-01-02T01:00:00Z', 同意: false, 退院日: '2021-12-31', 点数: 34, 金額: 12345678, 混在日付: '2020-01-03' },
        { 郵便番号: '0600000', 患者ID: '100125', 年齢: 7, 体重: 55.25, 受診日: '2021-02-28', 入院日: '2021-02-28', 生年月日: '2019-05-01', 記録日時: '2020-01-04 09:15:30', 送信日時: '2020-01-03 10:00:00', 同意: true, 退院日: '1999-11-11', 点数: 5, 金額: 999, 混在日付: '2020-01-02' },
        { 郵便番号: '0010001', 患者ID: '000123', 年齢: -1, 体重: 0.5, 受診日: '2020-01-02', 入院日: '2020-01-02', 生年月日: '2019-04-30', 記録日時: '2020-01-05 00:00:00', 送信日時: '2020-01-02T10:00:00+09:00', 同意: true, 退院日: '2020-01-02', 点数: 12, 金額: 1234, 混在日付: '2020-01-03' },
      ]);
    });

    it('counts what a changed type would lose before it is applied', async () => {
      const engine = await loaded;
      const typing = await inferTyping(engine, 'kinds');
      const edited = typing.map((c) =>
        c.column === '検査値' ? { ...c, target: 'BIGINT' as const } : c.column === '送信日時' ? { ...c, target: 'TIMESTAMP' as const } : c,
      );
      const checked = await checkTyping(engine, 'kinds', edited);
      const byName = Object.fromEntries(checked.map((c) => [c.column, c]));
      expect(byName['検査値'].failures).toBe(1);
      expect(byName['送信日時'].failures).toBe(Math.ceil((ROWS * 2) / 3)); // every value with an offset or Z
      expect(byName['生年月日']).toMatchObject({ failures: 0, eraDates: ROWS, checkedRows: ROWS });
      expect(checked.filter((c) => c.failures > 0).map((c) => c.column)).toEqual(['送信日時', '検査値']);

      await engine.exec(`CREATE TABLE edited AS SELECT * FROM kinds`);
      await engine.exec(applyTypingSql('edited', edited));
      const [nulls] = await engine.rows(`SELECT count(*) FILTER (検査値 IS NULL) AS n, count(*) FILTER (送信日時 IS NULL) AS z FROM edited`);
      expect(nulls).toEqual({ n: 1, z: 14 });
    });

    it('keeps the postal file codes as text and the flags as integers', async () => {
      const engine = await enginePromise;
      await loadCsv(engine, { table: 'postal', fileName: '13TOKYO.CSV', bytes: fixture(POSTAL) });
      const typing = await inferTyping(engine, 'postal');
      expect(typing.map((c) => c.target)).toEqual([
        'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR',
        'BIGINT', 'BIGINT', 'BIGINT', 'BIGINT', 'BIGINT', 'BIGINT',
      ]);
      expect(typing[2].reason).toEqual({ key: 'load.typing.fixedWidthCode', params: { width: 7 } });
      // Old postal codes: "100  " and "16307" are equally wide as written.
      expect(typing[1].reason).toEqual({ key: 'load.typing.fixedWidthCode', params: { width: 5 } });
    });

    it('checks a systematic sample of large tables', async () => {
      const engine = await enginePromise;
      await engine.exec(`CREATE TABLE many AS SELECT CAST(i AS VARCHAR) AS n, CASE WHEN i = 501 THEN 'x' ELSE CAST(i AS VARCHAR) END AS m FROM range(1000) r(i)`);
      const sampled = await inferTyping(engine, 'many', { sampleRows: 100 });
      expect(sampled.map((c) => [c.target, c.checkedRows])).toEqual([['BIGINT', 100], ['BIGINT', 100]]);
      // The sample (every 10th row) misses row 501; the full check finds it.
      const [, m] = await checkTyping(engine, 'many', sampled);
      expect(m).toMatchObject({ failures: 1, checkedRows: 1000 });
      expect(await engine.rows(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__tokumei_typing_sample%'`)).toEqual([{ n: 0 }]);
    });
  });
}

describe('typing is identical on every host', () => {
  it('gives the same suggestions in DuckDB-WASM and native DuckDB', async () => {
    const results = [];
    for (const host of ENGINE_HOSTS) {
      const engine = await host.create();
      try {
        await loadCsv(engine, { table: 'kinds', fileName: 'kinds.csv', bytes: utf8(csv()) });
        results.push(await inferTyping(engine, 'kinds'));
      } finally {
        engine.close();
      }
    }
    expect(results[1]).toEqual(results[0]);
  });
});

void ident;
