import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import * as nodeBuild from 'parquet-wasm/node';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { arrowIpcBatch } from '../../../src/core/release/arrow-data.ts';
import { openReleasedRows } from '../../../src/core/release/data-export.ts';
import { parquetChunks, parquetEncoders, PARQUET_CREATED_BY } from '../../../src/core/release/parquet-encode.ts';
import type { ReleasedColumn } from '../../../src/core/release/types.ts';
import { encodeParquet, encodeParquetStream } from '../../../src/cli/parquet-write.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { NativeEngine } from '../../../src/cli/native-engine.ts';
import { collect, fingerprint, pages } from './helpers.ts';

const cols: ReleasedColumn[] = [
  { name: '氏名', type: 'VARCHAR' },
  { name: '年齢', type: 'INTEGER' },
  { name: 'ID', type: 'BIGINT' },
  { name: '体重', type: 'DOUBLE' },
  { name: '初診', type: 'BOOLEAN' },
  { name: '受診日', type: 'DATE' },
  { name: '用量', type: 'DECIMAL(6,2)' },
];
const rows = Array.from({ length: 5000 }, (_, i) => ({
  氏名: i % 13 ? `患者${i % 211}` : null,
  年齢: i % 7 ? i % 100 : null,
  ID: String(2n ** 62n + BigInt(i)),
  体重: i % 5 ? i / 3 : null,
  初診: i % 3 ? i % 2 === 0 : null,
  受診日: `2024-${String(1 + (i % 12)).padStart(2, '0')}-15`,
  用量: i % 4 ? `${i % 10}.50` : null,
}));

describe('arrowIpcBatch', () => {
  it('uses the schema from the column types and keeps every value, NULLs and 64-bit integers included', () => {
    const table = tableFromIPC(arrowIpcBatch(cols, rows));
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['氏名:Utf8', '年齢:Int32', 'ID:Int64', '体重:Float64', '初診:Bool', '受診日:Utf8', '用量:Utf8']);
    expect(table.numRows).toBe(rows.length);
    for (const i of [0, 1, 7, 13, 4999]) {
      const r = table.get(i)!.toJSON();
      expect({ ...r, ID: String(r.ID) }).toEqual(rows[i]);
    }
    const empty = tableFromIPC(arrowIpcBatch(cols, []));
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.length).toBe(cols.length);
  });

  it('refuses a value that does not fit its column, naming row and column', () => {
    for (const [col, value] of [[cols[1], 2 ** 31], [cols[2], '12x'], [cols[2], String(2n ** 63n)], [cols[3], '1.5'], [cols[4], 1]] as const) {
      try {
        arrowIpcBatch([col], [{ x: 0 }, { [col.name]: value }], 11);
        expect.unreachable();
      } catch (e) {
        expect(isTokumeiError(e) && e.key).toBe('releaseBytes.data.badValue');
        expect(isTokumeiError(e) && e.params.row).toBe(12);
        expect(isTokumeiError(e) && e.params.column).toBe(col.name);
      }
    }
  });
});

describe('Parquet writer (parquet-wasm 0.8.0)', () => {
  it('streams the same bytes as the whole-file writer, for any page size, and the same as parquet-wasm’s node build', async () => {
    const streamed = await collect(parquetChunks(cols, pages(rows, 700), encodeParquetStream));
    const other = await collect(parquetChunks(cols, pages(rows, 5000), encodeParquetStream));
    const whole = await encodeParquet(arrowIpcBatch(cols, rows));
    // The browser worker runs the esm build (the CLI's too); the node build is separate glue around the same .wasm.
    const node = parquetEncoders(nodeBuild as unknown as Parameters<typeof parquetEncoders>[0]);
    const viaNodeBuild = await collect(parquetChunks(cols, pages(rows, 700), node.encodeStream));
    expect(fingerprint(other)).toBe(fingerprint(streamed));
    expect(fingerprint(whole)).toBe(fingerprint(streamed));
    expect(fingerprint(viaNodeBuild)).toBe(fingerprint(streamed));
    expect(new TextDecoder().decode(streamed.subarray(0, 4))).toBe('PAR1');
  });

  it('fails instead of writing a truncated file when a later page cannot be encoded', async () => {
    // parquet-wasm ends the file quietly when its input stream errors; the encoder must surface the error.
    const broken = [...rows.slice(0, 1500), { ...rows[1500], 年齢: 'x' }];
    const err = await collect(parquetChunks(cols, pages(broken, 700), encodeParquetStream)).catch((e) => e);
    expect(isTokumeiError(err) && err.key).toBe('releaseBytes.data.badValue');
    expect(isTokumeiError(err) && err.params.row).toBe(1501);
  });
});

/** The browser's own way to load Parquet (workers/engine: parquet-wasm → Arrow IPC → DuckDB insert). */
function loadParquetIntoWasm(e: SqlEngine, name: string, parquet: Uint8Array): void {
  const ipc = nodeBuild.readParquet(parquet).intoIPCStream();
  (e as unknown as { conn: { insertArrowFromIPCStream(b: Uint8Array, o: { name: string; create: boolean }): void } }).conn.insertArrowFromIPCStream(ipc, { name, create: true });
}

describe('released rows → Parquet, read back by DuckDB in both hosts', () => {
  const engines: { name: string; e: SqlEngine & { close(): void } }[] = [];
  beforeAll(async () => {
    for (const host of ENGINE_HOSTS) {
      const e = await host.create();
      await e.exec(`CREATE TABLE src AS SELECT i AS 番号, '患者' || (i % 37) AS 氏名, CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 90)::INTEGER END AS 年齢,
        i / 8.0 AS 体重, (9007199254740993 + i)::BIGINT AS 大きいID, DATE '2024-04-01' + (i % 365)::INTEGER AS 受診日,
        (i % 1000 / 100)::DECIMAL(6,2) AS 用量, i % 2 = 0 AS 初診 FROM range(3000) t(i)`);
      engines.push({ name: host.name, e });
    }
  });
  afterAll(() => engines.forEach(({ e }) => e.close()));

  it('writes identical Parquet bytes in every host and DuckDB reads back exactly the released values', async () => {
    const files: Uint8Array[] = [];
    for (const { e } of engines) {
      const released = await openReleasedRows(e, 'SELECT * FROM src', { seed: 'pq', pageRows: 400 });
      files.push(await collect(parquetChunks(released.columns, released.batches(), encodeParquetStream)));
      await released.dispose();
    }
    expect(fingerprint(files[1])).toBe(fingerprint(files[0]));

    const asText = `SELECT CAST(番号 AS VARCHAR) AS a, 氏名 AS b, CAST(年齢 AS VARCHAR) AS c, CAST(体重 AS VARCHAR) AS d,
      CAST(大きいID AS VARCHAR) AS e, CAST(受診日 AS VARCHAR) AS f, CAST(用量 AS VARCHAR) AS g, CAST(初診 AS VARCHAR) AS h FROM`;
    for (const { name, e } of engines) {
      const expected = await e.rows(`${asText} src ORDER BY 番号`);
      if (e instanceof NativeEngine) {
        await e.registerFile('rb.parquet', files[0]);
        const types = await e.rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('rb.parquet'))`);
        expect(types.map((t) => `${t.column_name}:${t.column_type}`)).toEqual(['番号:BIGINT', '氏名:VARCHAR', '年齢:INTEGER', '体重:DOUBLE', '大きいID:BIGINT', '受診日:VARCHAR', '用量:VARCHAR', '初診:BOOLEAN']);
        expect(await e.rows(`${asText} read_parquet('rb.parquet') ORDER BY 番号`), name).toEqual(expected);
        const [meta] = await e.rows(`SELECT created_by, num_rows FROM parquet_file_metadata('rb.parquet')`);
        expect(meta).toEqual({ created_by: PARQUET_CREATED_BY, num_rows: 3000 });
        await e.dropFile('rb.parquet');
      } else {
        loadParquetIntoWasm(e, 'rb_parquet', files[0]);
        expect(await e.rows(`${asText} rb_parquet ORDER BY 番号`), name).toEqual(expected);
      }
    }
  });

  it('writes a valid file with the schema for an empty result', async () => {
    const { e } = engines.find(({ e }) => e instanceof NativeEngine)!;
    const released = await openReleasedRows(e, 'SELECT * FROM src WHERE false', { seed: 's' });
    const bytes = await collect(parquetChunks(released.columns, released.batches(), encodeParquetStream));
    await released.dispose();
    await e.registerFile('empty.parquet', bytes);
    expect(await e.rows(`SELECT count(*) AS n FROM read_parquet('empty.parquet')`)).toEqual([{ n: 0 }]);
    expect((await e.rows(`DESCRIBE SELECT * FROM read_parquet('empty.parquet')`)).map((r) => r.column_name)).toEqual(['番号', '氏名', '年齢', '体重', '大きいID', '受診日', '用量', '初診']);
  });
});
