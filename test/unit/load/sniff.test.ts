import { describe, expect, it } from 'vitest';
import { sniffCsv } from '../../../src/core/load/sniff.ts';
import { decodeToUtf8 } from '../../../src/core/load/decode.ts';
import { COVID_UTF8_BOM, fixture, POSTAL } from './fixtures.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('sniffCsv', () => {
  it('finds no header in the postal file and names its 15 columns column1..column15', () => {
    const dialect = sniffCsv(text(decodeToUtf8(fixture(POSTAL), 'shift_jis')), { complete: true });
    expect(dialect).toEqual({
      delimiter: ',',
      quote: '"',
      hasHeader: false,
      columns: Array.from({ length: 15 }, (_, i) => `column${i + 1}`),
    });
  });

  it('finds the Japanese header of the COVID-19 list', () => {
    const dialect = sniffCsv(text(decodeToUtf8(fixture(COVID_UTF8_BOM), 'utf-8')), { complete: true });
    expect(dialect.hasHeader).toBe(true);
    expect(dialect.columns.slice(0, 5)).toEqual(['No', '全国地方公共団体コード', '都道府県名', '市区町村名', '公表_年月日']);
    expect(dialect.columns).toHaveLength(16);
  });

  it.each([
    ['comma', ',', 'id,name,age\n1,山田,30\n2,佐藤,41\n'],
    ['tab', '\t', 'id\tname\tage\n1\t山田, 太郎\t30\n2\t佐藤, 花子\t41\n'],
    ['semicolon', ';', 'id;price;note\n1;1,5;a,b\n2;2,5;c,d\n'],
    ['pipe', '|', 'id|name|age\n1|山田|30\n2|佐藤|41\n'],
  ])('detects the %s delimiter', (_, delimiter, csv) => {
    const dialect = sniffCsv(csv, { complete: true });
    expect(dialect.delimiter).toBe(delimiter);
    expect(dialect.columns).toHaveLength(3);
  });

  it('does not split quoted fields at embedded delimiters or line breaks', () => {
    const csv = 'id,住所,備考\r\n1,"東京都千代田区1,2,3","一行目\r\n二行目, 続き"\r\n2,"大阪府","""引用"""\r\n';
    expect(sniffCsv(csv, { complete: true })).toEqual({ delimiter: ',', quote: '"', hasHeader: true, columns: ['id', '住所', '備考'] });
  });

  it('ignores a record cut off at the end of a partial sample', () => {
    const csv = 'a;b;c\n1;2;3\n4;5;6\n7;8';
    expect(sniffCsv(csv, { complete: false }).columns).toEqual(['a', 'b', 'c']);
  });

  it('treats a header above numbers and dates as a header', () => {
    expect(sniffCsv('患者ID,生年月日,体重\n1,1980-01-02,60.5\n2,1975-03-04,70\n', { complete: true }).hasHeader).toBe(true);
  });

  it('treats a first row shaped like the rest as data', () => {
    expect(sniffCsv('1,1980-01-02,60.5\n2,1975-03-04,70\n3,1990-05-06,55\n', { complete: true }).hasHeader).toBe(false);
    expect(sniffCsv('東京都,千代田区\n東京都,中央区\n東京都,港区\n', { complete: true }).hasHeader).toBe(false);
  });

  it('treats unique names above repeating values as a header', () => {
    expect(sniffCsv('性別,地域\n男,東京\n女,東京\n男,大阪\n', { complete: true }).hasHeader).toBe(true);
  });

  it('fills blank header names and makes repeats unique, case-insensitively', () => {
    const dialect = sniffCsv('ID,,id,名前,名前\n1,2,3,a,b\n', { complete: true, hasHeader: true });
    expect(dialect.columns).toEqual(['ID', 'column2', 'id_2', '名前', '名前_2']);
  });

  it('names columns beyond a short header (rows ending in a delimiter)', () => {
    const dialect = sniffCsv('名前,値\n山田,1,\n佐藤,2,\n', { complete: true });
    expect(dialect.columns).toEqual(['名前', '値', 'column3']);
  });

  it('follows the caller where told', () => {
    const csv = 'a;b\n1;2\n';
    expect(sniffCsv(csv, { complete: true, delimiter: ',', hasHeader: false })).toEqual({
      delimiter: ',',
      quote: '"',
      hasHeader: false,
      columns: ['column1'],
    });
  });

  it('returns no columns for text without records', () => {
    expect(sniffCsv('\n\r\n\n', { complete: true }).columns).toEqual([]);
  });
});
