import type * as ParquetWasm from 'parquet-wasm/esm';
import type { SqlRow } from '../engine.ts';
import { arrowIpcBatch } from './arrow-data.ts';
import type { ReleasedColumn } from './types.ts';

/**
 * Parquet with parquet-wasm 0.8.0 in every host, so browser and CLI write the same bytes
 * (DuckDB's own writer differs, and its extension is not available offline in the browser).
 * The host loads and initialises the wasm (worker: `?url` fetch; CLI: bytes from
 * node_modules) and hands the module here; the writer properties live only in this file.
 *
 * parquet-wasm can write incrementally: `transformParquetStream` turns a stream of record
 * batches into a stream of bytes, emitting each row group as it fills. Memory is bounded by
 * one row group (ROW_GROUP_ROWS rows) plus the page being read, whatever the row count
 * (measured: 10 M rows with wasm memory flat at ~20 MB). So there is no row limit.
 */

/** Whole-file encoder: one Arrow IPC stream in, Parquet file out. */
export type ParquetEncoder = (arrowIpc: Uint8Array) => Uint8Array | Promise<Uint8Array>;
/** Streaming encoder: one Arrow IPC stream per page of rows in (same schema), Parquet bytes out. */
export type ParquetStreamEncoder = (arrowIpcPages: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

type ParquetWasmApi = Pick<typeof ParquetWasm, 'Table' | 'writeParquet' | 'transformParquetStream' | 'WriterPropertiesBuilder' | 'Compression' | 'WriterVersion'>;

/** Fixed, so that nothing but the data decides the bytes. Parquet has no file timestamp. */
export const PARQUET_CREATED_BY = 'tokumei (parquet-wasm 0.8.0)';
export const ROW_GROUP_ROWS = 1_048_576;

function writerProperties(pw: ParquetWasmApi) {
  return new pw.WriterPropertiesBuilder()
    .setCompression(pw.Compression.ZSTD)
    .setCreatedBy(PARQUET_CREATED_BY)
    .setWriterVersion(pw.WriterVersion.V1)
    .setMaxRowGroupSize(ROW_GROUP_ROWS)
    .build();
}

export function parquetEncoders(pw: ParquetWasmApi): { encode: ParquetEncoder; encodeStream: ParquetStreamEncoder } {
  const encode: ParquetEncoder = (ipc) => pw.writeParquet(pw.Table.fromIPCStream(ipc), writerProperties(pw));

  async function* encodeStream(pages: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
    const source = pages[Symbol.asyncIterator]();
    // transformParquetStream treats an errored input like its end and still finishes the file,
    // so a failing page would silently give a truncated file: remember the failure and rethrow it.
    let failure: { error: unknown } | null = null;
    // highWaterMark 0: a page is converted only when the writer asks for it, so at most one waits in wasm memory.
    const batches = new ReadableStream(
      {
        async pull(controller) {
          try {
            const next = await source.next();
            if (next.done) return controller.close();
            const table = pw.Table.fromIPCStream(next.value);
            try {
              for (const b of table.recordBatches()) controller.enqueue(b);
            } finally {
              table.free();
            }
          } catch (error) {
            failure = { error };
            controller.error(error);
          }
        },
        async cancel() {
          await source.return?.();
        },
      },
      { highWaterMark: 0 },
    );
    const bytes: ReadableStream<Uint8Array> = await pw.transformParquetStream(batches, writerProperties(pw));
    const reader = bytes.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read().catch((e) => {
          throw failure ? failure.error : e;
        });
        if (failure) throw (failure as { error: unknown }).error;
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }

  return { encode, encodeStream };
}

/**
 * Released rows → Parquet bytes, streaming. Always sends at least one (possibly empty)
 * page, so an empty result still yields a valid file with the schema.
 */
export async function* parquetChunks(
  columns: readonly ReleasedColumn[],
  batches: AsyncIterable<SqlRow[]>,
  encodeStream: ParquetStreamEncoder,
): AsyncIterable<Uint8Array> {
  async function* pages(): AsyncIterable<Uint8Array> {
    let row = 1;
    let any = false;
    for await (const rows of batches) {
      if (rows.length === 0) continue;
      any = true;
      yield arrowIpcBatch(columns, rows, row);
      row += rows.length;
    }
    if (!any) yield arrowIpcBatch(columns, [], 1);
  }
  yield* encodeStream(pages());
}
