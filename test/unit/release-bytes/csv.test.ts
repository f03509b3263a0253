import { describe, expect, it, afterAll } from 'vitest';
import { csvChunks } from '../../../src/core/release/csv.ts';
import type { ReleasedColumn } from '../../../src/core/release/types.ts';
import type { SqlRow } from '../../../src/core/engine.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { collect, pages } from './helpers.ts';

const cols: ReleasedColumn[] = [
  { name: '年齢', type: 'INTEGER' },
  { name: 'メモ', type: 'VARCHAR' },
  { name: '値', type: 'DOUBLE' },
  { name: 'ID', type: 'BIGINT' },
  { name: '受診日', type: 'DATE' },
  { name: '済', type: 'BOOLEAN' },
];
const utf8 = new TextDecoder();

async function csvText(columns: ReleasedColumn[], rows: SqlRow[], size = 2): Promise<string> {
  const bytes = await collect(csvChunks(columns, pages(rows, size), { encoding: 'utf8-bom' }));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return utf8.decode(bytes.subarray(3));
}

describe('csvChunks', () => {
  it('writes a header, RFC 4180 quoting and CRLF after every row; NULL and the empty string stay distinct', async () => {
    const text = await csvText(cols, [
      { 年齢: 40, メモ: 'a,b', 値: 1.5, ID: '9007199254740993', 受診日: '2024-04-01', 済: true },
      { 年齢: null, メモ: 'say "hi"\nline 2', 値: null, ID: null, 受診日: null, 済: false },
      { 年齢: -5, メモ: '', 値: 0.1, ID: '-12', 受診日: '2024-04-02', 済: null },
    ]);
    expect(text).toBe(
      '年齢,メモ,値,ID,受診日,済\r\n' +
        '40,"a,b",1.5,9007199254740993,2024-04-01,true\r\n' +
        ',"say ""hi""\nline 2",,,,false\r\n' +
        '-5,"",0.1,-12,2024-04-02,\r\n',
    );
  });

  it('prints numbers canonically (shortest round-trip digits, the language fixes them)', async () => {
    const values = [0.1 + 0.2, 1e21, 1e-7, -0, 123456789.125, 2 ** 53, NaN, Infinity, -Infinity, 5e-324];
    const text = await csvText([{ name: 'x', type: 'DOUBLE' }], values.map((x) => ({ x })));
    expect(text.split('\r\n').slice(1, -1)).toEqual(['0.30000000000000004', '1e+21', '1e-7', '0', '123456789.125', '9007199254740992', 'NaN', 'Infinity', '-Infinity', '5e-324']);
    // …and they read back as exactly the same doubles.
    text.split('\r\n').slice(1, -1).forEach((line, i) => expect(Object.is(Number(line), values[i]) || Object.is(values[i], -0)).toBe(true));
  });

  it('neutralizes formula-like text cells and column names, but not numeric columns', async () => {
    const risky = ['=1+1', '+81-3-1234', '-5', '@SUM(A1)', '\tx', '\rx', "'ok", 'a=b'];
    const text = await csvText(
      [{ name: 'n', type: 'INTEGER' }, { name: 'd', type: 'DECIMAL(10,2)' }, { name: 't', type: 'VARCHAR' }, { name: '=cmd', type: 'VARCHAR' }],
      risky.map((t, i) => ({ n: -i, d: `-${i}.50`, t, '=cmd': null })),
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toBe("n,d,t,'=cmd");
    expect(lines.slice(1, -1)).toEqual([
      "0,-0.50,'=1+1,",
      "-1,-1.50,'+81-3-1234,",
      "-2,-2.50,'-5,",
      "-3,-3.50,'@SUM(A1),",
      "-4,-4.50,'\tx,",
      `-5,-5.50,"'\rx",`,
      "-6,-6.50,'ok,",
      '-7,-7.50,a=b,',
    ]);
  });

  it('emits chunks of about 64 KiB, never the whole file at once', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ 年齢: i, メモ: `患者メモ${i}`, 値: i / 7, ID: String(i), 受診日: '2024-01-01', 済: i % 2 === 0 }));
    const sizes: number[] = [];
    for await (const c of csvChunks(cols, pages(rows, 5000), { encoding: 'utf8-bom' })) sizes.push(c.length);
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024);
    expect(Math.min(...sizes.slice(0, -1))).toBeGreaterThan(60 * 1024);
  });

  it('writes CP932 that decodes back, and names row and column of an unmappable character', async () => {
    const rows = [
      { 年齢: 70, メモ: '①髙橋様 ㈱病院～', 値: 1, ID: '1', 受診日: '2024-01-01', 済: true },
      { 年齢: 71, メモ: '波ダッシュ〜', 値: 2, ID: '2', 受診日: '2024-01-02', 済: true },
    ];
    const ok = await collect(csvChunks(cols, pages(rows.slice(0, 1), 1), { encoding: 'cp932' }));
    expect(ok[0]).not.toBe(0xef); // no BOM in CP932
    expect(new TextDecoder('shift_jis').decode(ok)).toBe('年齢,メモ,値,ID,受診日,済\r\n70,①髙橋様 ㈱病院～,1,1,2024-01-01,true\r\n');
    const err = await collect(csvChunks(cols, pages(rows, 1), { encoding: 'cp932' })).catch((e) => e);
    expect(isTokumeiError(err) && err.key).toBe('releaseBytes.csv.unmappableCell');
    expect(isTokumeiError(err) && err.params).toEqual({ row: 2, column: 'メモ', char: '〜', codePoint: 'U+301C' });
    const header = await collect(csvChunks([{ name: 'α😷', type: 'VARCHAR' }], pages([], 1), { encoding: 'cp932' })).catch((e) => e);
    expect(isTokumeiError(header) && header.key).toBe('releaseBytes.csv.unmappableHeader');
  });
});

for (const host of ENGINE_HOSTS) {
  describe(`CSV reads back through DuckDB: ${host.name}`, () => {
    const engine = host.create();
    afterAll(async () => (await engine).close());
    // allow_quoted_nulls = false: DuckDB otherwise reads "" as NULL too; the CSV itself keeps them apart.
    it('keeps text with quotes, commas, line breaks and Japanese intact', async () => {
      const e = await engine;
      const values = ['山田 太郎', 'a,b', 'say "hi"', 'two\r\nlines', '', null, 'x'];
      const bytes = await collect(csvChunks([{ name: '備考', type: 'VARCHAR' }], pages(values.map((v) => ({ 備考: v })), 3), { encoding: 'utf8-bom' }));
      await e.registerFile('rb-csv.csv', bytes);
      const rows = await e.rows(`SELECT "備考" FROM read_csv('rb-csv.csv', header = true, all_varchar = true, quote = '"', escape = '"', allow_quoted_nulls = false)`);
      expect(rows.map((r) => r['備考'])).toEqual(values);
      await e.dropFile('rb-csv.csv');
    });
  });
}
