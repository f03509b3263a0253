import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { openReleasedRows } from '../../../src/core/release/data-export.ts';
import { csvChunks, type CsvEncoding } from '../../../src/core/release/csv.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { collect, fingerprint } from './helpers.ts';

type Engine = SqlEngine & { close(): void };
const N = 2500;
// Japanese names, every value kind, NULLs, a BIGINT beyond 2^53, exact duplicates (rows ≥ 2490 repeat 2490).
const SOURCE = `
  SELECT k AS 番号,
         '患者' || (k % 37) AS 氏名,
         CASE WHEN k % 11 = 0 THEN NULL ELSE (k % 90)::INTEGER END AS 年齢,
         k / 8.0 AS 体重,
         (9007199254740993 + k)::BIGINT AS 大きいID,
         (DATE '2024-04-01' + (k % 365)::INTEGER) AS 受診日,
         TIMESTAMP '2024-04-01 09:30:00' + INTERVAL (k) MINUTE AS 受付時刻,
         to_timestamp(1711897200 + k * 3600) AS 記録時刻, -- 2024-04-01 00:00+09 plus k hours, without ICU
         (k % 1000 / 100)::DECIMAL(6,2) AS 用量,
         k % 2 = 0 AS 初診
  FROM (SELECT CASE WHEN i >= 2490 THEN 2490 ELSE i END AS k FROM range(${N}) t(i))`;

async function csvOf(e: SqlEngine, sql: string, seed: string, pageRows: number, encoding: CsvEncoding = 'utf8-bom') {
  const released = await openReleasedRows(e, sql, { seed, pageRows });
  try {
    const bytes = await collect(csvChunks(released.columns, released.batches(), { encoding }));
    return { released, bytes, text: new TextDecoder().decode(bytes.subarray(3)) };
  } finally {
    await released.dispose();
  }
}
const firstColumn = (text: string) => text.split('\r\n').slice(1, -1).map((l) => Number(l.split(',')[0]));

describe('openReleasedRows + csvChunks on both engines', () => {
  const engines: Engine[] = [];
  beforeAll(async () => {
    for (const host of ENGINE_HOSTS) {
      const e = await host.create();
      await e.exec(`CREATE TABLE src AS ${SOURCE}`);
      engines.push(e);
    }
  });
  afterAll(() => engines.forEach((e) => e.close()));

  it('gives byte-identical CSV in every host', async () => {
    const outs: { bytes: Uint8Array }[] = [];
    for (const e of engines) outs.push(await csvOf(e, 'SELECT * FROM src', 'seed-1', 300));
    expect(outs.map((o) => fingerprint(o.bytes))).toEqual(outs.map(() => fingerprint(outs[0].bytes)));
    const cp932: string[] = [];
    for (const e of engines) cp932.push(fingerprint((await csvOf(e, 'SELECT * FROM src', 'seed-1', 300, 'cp932')).bytes));
    expect(new Set(cp932).size).toBe(1);
  });

  it('describes the columns with their DuckDB types and writes exact text for BIGINT, DATE, TIMESTAMP, TIMESTAMPTZ, DECIMAL', async () => {
    for (const e of engines) {
      const { released, text } = await csvOf(e, 'SELECT * FROM src WHERE 番号 = 5', 's', 10);
      expect(released.columns).toEqual([
        { name: '番号', type: 'BIGINT' },
        { name: '氏名', type: 'VARCHAR' },
        { name: '年齢', type: 'INTEGER' },
        { name: '体重', type: 'DOUBLE' },
        { name: '大きいID', type: 'BIGINT' },
        { name: '受診日', type: 'DATE' },
        { name: '受付時刻', type: 'TIMESTAMP' },
        { name: '記録時刻', type: 'TIMESTAMP WITH TIME ZONE' },
        { name: '用量', type: 'DECIMAL(6,2)' },
        { name: '初診', type: 'BOOLEAN' },
      ]);
      expect(released.rows).toBe(1);
      expect(text).toBe(
        '番号,氏名,年齢,体重,大きいID,受診日,受付時刻,記録時刻,用量,初診\r\n' +
          '5,患者5,5,0.625,9007199254740998,2024-04-06,2024-04-01 09:35:00,2024-03-31 20:00:00+00,0.05,false\r\n',
      );
    }
  });

  it('shuffles rows by seed: not the source order, a new order for a new seed, the same order for the same seed', async () => {
    const e = engines[0];
    const a = await csvOf(e, 'SELECT * FROM src', 'seed-1', 300);
    const b = await csvOf(e, 'SELECT * FROM src', 'seed-2', 300);
    const again = await csvOf(e, 'SELECT * FROM src', 'seed-1', 1000);
    const orderA = firstColumn(a.text);
    const orderB = firstColumn(b.text);
    expect(orderA).toHaveLength(N);
    const sourceOrder = Array.from({ length: N }, (_, i) => Math.min(i, 2490));
    expect([...orderA].sort((x, y) => x - y)).toEqual(sourceOrder);
    const inPlace = (o: number[]) => o.filter((v, i) => v === sourceOrder[i]).length;
    expect(inPlace(orderA)).toBeLessThan(20);
    expect(orderA.filter((v, i) => v === orderB[i]).length).toBeLessThan(20);
    expect(fingerprint(again.bytes)).toBe(fingerprint(a.bytes)); // page size does not matter either
  });

  it('depends on the released content only, not on the order the source delivers it in', async () => {
    for (const e of engines) {
      const asc = await csvOf(e, 'SELECT * FROM src ORDER BY 番号', 'seed-1', 500);
      const desc = await csvOf(e, 'SELECT * FROM src ORDER BY 番号 DESC, 氏名', 'seed-1', 500);
      expect(fingerprint(desc.bytes)).toBe(fingerprint(asc.bytes));
    }
  });

  it('pages without gaps or repeats and drops its temporary table', async () => {
    for (const e of engines) {
      const released = await openReleasedRows(e, 'SELECT 番号, 氏名 FROM src', { seed: 'p', pageRows: 333 });
      const sizes: number[] = [];
      const seen: number[] = [];
      for await (const page of released.batches()) {
        sizes.push(page.length);
        for (const r of page) seen.push(r['番号'] as number);
      }
      expect(sizes).toEqual([...Array(7).fill(333), N - 7 * 333]);
      expect(seen.length).toBe(N);
      const temp = async () => (await e.rows(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__tokumei_release_%'`))[0].n;
      expect(await temp()).toBe(1);
      await released.dispose();
      expect(await temp()).toBe(0);
    }
  });

  it('handles an empty result and a column named like its row counter', async () => {
    for (const e of engines) {
      const empty = await csvOf(e, 'SELECT * FROM src WHERE false', 's', 10);
      expect(empty.released.rows).toBe(0);
      expect(empty.text).toBe('番号,氏名,年齢,体重,大きいID,受診日,受付時刻,記録時刻,用量,初診\r\n');
      const clash = await csvOf(e, 'SELECT 番号 AS __tokumei_row FROM src WHERE 番号 < 3', 's', 10);
      expect(clash.text.split('\r\n').slice(1, -1).sort()).toEqual(['0', '1', '2']);
    }
  });
});
