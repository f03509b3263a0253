import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { loadCsv } from '../../../src/core/load/load-csv.ts';
import { ident } from '../../../src/core/sql/quote.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { COVID_CP932, COVID_EUCJP, COVID_GZIP, COVID_UTF8_BOM, fixture, POSTAL, tokumeiError, utf8 } from './fixtures.ts';

let tables = 0;
const nextTable = () => `t${++tables}`;

async function load(engine: SqlEngine, bytes: Uint8Array, extra: Partial<Parameters<typeof loadCsv>[1]> = {}) {
  const table = nextTable();
  const report = await loadCsv(engine, { table, fileName: `${table}.csv`, bytes, ...extra });
  return { table, report };
}

/** Every cell of a table as text, in row order (for comparing whole tables). */
async function content(engine: SqlEngine, table: string) {
  return engine.rows(`SELECT * FROM ${ident(table)} ORDER BY rowid`);
}

for (const host of ENGINE_HOSTS) {
  describe(`loadCsv: ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());

    it('loads the Shift_JIS postal file as 4087 rows of 15 text columns', async () => {
      const engine = await enginePromise;
      const { table, report } = await load(engine, fixture(POSTAL));
      expect(report).toMatchObject({
        table,
        format: 'csv',
        gzip: false,
        bytes: 489_473,
        rows: 4087,
        encoding: { encoding: 'shift_jis', hadBom: false, confidence: 'sure', alternatives: [] },
        dialect: { delimiter: ',', quote: '"', hasHeader: false },
      });
      expect(report.dialect?.columns).toHaveLength(15);
      const types = await engine.rows(`SELECT DISTINCT data_type AS t FROM duckdb_columns() WHERE table_name = '${table}'`);
      expect(types).toEqual([{ t: 'VARCHAR' }]);
      const [kojimachi] = await engine.rows(`SELECT * FROM ${ident(table)} WHERE column3 = '1020083'`);
      expect(kojimachi).toEqual({
        column1: '13101', column2: '102  ', column3: '1020083', column4: 'ﾄｳｷｮｳﾄ', column5: 'ﾁﾖﾀﾞｸ', column6: 'ｺｳｼﾞﾏﾁ',
        column7: '東京都', column8: '千代田区', column9: '麹町', column10: '0', column11: '0', column12: '1', column13: '0', column14: '0', column15: '0',
      });
    });

    it('keeps codes exactly as written (leading zeros, padding)', async () => {
      const engine = await enginePromise;
      const { table } = await load(engine, utf8('郵便番号,旧番号,患者ID\n0010001,"001  ",000123\n1000001,"100  ",000124\n'));
      expect(await content(engine, table)).toEqual([
        { 郵便番号: '0010001', 旧番号: '001  ', 患者ID: '000123' },
        { 郵便番号: '1000001', 旧番号: '100  ', 患者ID: '000124' },
      ]);
    });

    it('loads the same data identically from UTF-8+BOM, CP932, EUC-JP and gzip', async () => {
      const engine = await enginePromise;
      const loaded = await Promise.all([COVID_UTF8_BOM, COVID_CP932, COVID_EUCJP, COVID_GZIP].map((f) => load(engine, fixture(f))));
      const [first, ...rest] = await Promise.all(loaded.map(({ table }) => content(engine, table)));
      expect(first).toHaveLength(500);
      expect(first[452]).toMatchObject({ No: '453', 公表_年月日: '2020-03-31', 患者_居住地: '―', 患者_年代: '60代', 退院済フラグ: '1' });
      for (const other of rest) expect(other).toEqual(first);
      expect(loaded.map(({ report }) => [report.encoding?.encoding, report.gzip])).toEqual([
        ['utf-8', false], ['shift_jis', false], ['euc-jp', false], ['utf-8', true],
      ]);
    });

    it.each([
      ['tab', 'id\t名前\t住所\n1\t山田\t東京都, 千代田区\n2\t佐藤\t大阪府\n'],
      ['semicolon', 'id;名前;住所\n1;山田;東京都, 千代田区\n2;佐藤;大阪府\n'],
      ['pipe', 'id|名前|住所\n1|山田|東京都, 千代田区\n2|佐藤|大阪府\n'],
    ])('reads %s-separated files', async (_, csv) => {
      const engine = await enginePromise;
      const { table } = await load(engine, utf8(csv));
      expect(await content(engine, table)).toEqual([
        { id: '1', 名前: '山田', 住所: '東京都, 千代田区' },
        { id: '2', 名前: '佐藤', 住所: '大阪府' },
      ]);
    });

    it('reads quoted fields with delimiters, quotes and line breaks', async () => {
      const engine = await enginePromise;
      const { table, report } = await load(engine, utf8('id,備考\r\n1,"a,b"\r\n2,"一行目\r\n二行目"\r\n3,"""引用"""\r\n4,\r\n5,""\r\n'));
      expect(report.rows).toBe(5);
      expect(await content(engine, table)).toEqual([
        { id: '1', 備考: 'a,b' },
        { id: '2', 備考: '一行目\r\n二行目' },
        { id: '3', 備考: '"引用"' },
        { id: '4', 備考: null },
        { id: '5', 備考: null },
      ]);
    });

    it('quotes awkward table and column names', async () => {
      const engine = await enginePromise;
      const table = `患者"一覧'${nextTable()}`;
      await loadCsv(engine, { table, fileName: `../../${table}.csv`, bytes: utf8(`a'b,"c""d",名 前\n1,2,3\n`) });
      expect(await content(engine, table)).toEqual([{ "a'b": '1', 'c"d': '2', '名 前': '3' }]);
    });

    it('applies an encoding and dialect chosen by the user', async () => {
      const engine = await enginePromise;
      const { report } = await load(engine, fixture(COVID_CP932), { encoding: 'shift_jis', dialect: { hasHeader: false } });
      expect(report.rows).toBe(501);
      expect(report.encoding).toEqual({ encoding: 'shift_jis', hadBom: false, confidence: 'sure', alternatives: [] });
      expect(report.dialect?.columns[0]).toBe('column1');
    });

    it('drops a trailing Ctrl-Z', async () => {
      const engine = await enginePromise;
      const { report } = await load(engine, utf8('a,b\r\n1,2\r\n\u001a'));
      expect(report.rows).toBe(1);
    });

    it('loads a header-only file as an empty table', async () => {
      const engine = await enginePromise;
      const { report } = await load(engine, utf8('名前,年齢\n'));
      expect(report.rows).toBe(0);
      expect(report.dialect?.columns).toEqual(['名前', '年齢']);
    });

    it.each([
      ['an empty file', new Uint8Array(0), 'load.empty', {}],
      ['only line breaks', utf8('\r\n\r\n'), 'load.empty', {}],
      ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'load.binary', {}],
      ['a Parquet file', utf8('PAR1\u0015\u0004\u0015'), 'load.notCsv', { format: 'parquet' }],
    ])('refuses %s', async (_, bytes, key, params) => {
      const engine = await enginePromise;
      expect(await tokumeiError(() => load(engine, bytes))).toEqual({ key, params });
    });

    it('refuses a truncated gzip file', async () => {
      const engine = await enginePromise;
      const gz = fixture(COVID_GZIP);
      expect((await tokumeiError(() => load(engine, gz.subarray(0, gz.length - 100)))).key).toBe('load.gzipTruncated');
    });

    it('names the line of an unterminated quote', async () => {
      const engine = await enginePromise;
      const err = await tokumeiError(() => load(engine, utf8('id,備考\n1,ok\n2,"開いたまま\n3,x\n')));
      expect(err).toEqual({ key: 'load.csvUnterminatedQuote', params: { line: 3 } });
    });

    it('names the line and counts of a row with too many fields', async () => {
      const engine = await enginePromise;
      const err = await tokumeiError(() => load(engine, utf8('id,名前\n1,山田\n2,佐藤\n3,鈴木,余分\n4,田中\n')));
      expect(err).toEqual({ key: 'load.csvColumnCount', params: { line: 4, expected: 2, found: 3 } });
    });

    it('names the line of a row with too few fields', async () => {
      const engine = await enginePromise;
      const err = await tokumeiError(() => load(engine, utf8('id,名前,年齢\n1,山田,30\n2,佐藤,41\n3,鈴木,52\n4\n')));
      expect(err).toEqual({ key: 'load.csvColumnCount', params: { line: 5, expected: 3, found: 1 } });
    });

    it('passes on the reason for other CSV errors', async () => {
      const engine = await enginePromise;
      const err = await tokumeiError(() => load(engine, utf8(`a,b\n1,${'x'.repeat(2_100_000)}\n`)));
      expect(err.key).toBe('load.csvMalformed');
      expect(err.params.line).toBe(2);
      expect(String(err.params.detail)).toMatch(/^Maximum line size of \d+ bytes exceeded/);
    });

    it('reports bytes that do not fit the chosen encoding', async () => {
      const engine = await enginePromise;
      const err = await tokumeiError(() => load(engine, fixture(POSTAL), { encoding: 'utf-8' }));
      expect(err.key).toBe('load.decodeFailed');
      expect(err.params).toMatchObject({ encoding: 'utf-8', line: 1 });
    });

    it('leaves no table behind when the CSV is broken', async () => {
      const engine = await enginePromise;
      const table = nextTable();
      await expect(loadCsv(engine, { table, fileName: 'x.csv', bytes: utf8('a,b\n1,"2\n') })).rejects.toThrow();
      expect(await engine.rows(`SELECT table_name FROM duckdb_tables() WHERE table_name = '${table}'`)).toEqual([]);
    });
  });
}
