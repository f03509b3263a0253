import initParquet, * as parquetWasm from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { parquetEncoders, type ParquetEncoder, type ParquetStreamEncoder } from '../../src/core/release/parquet-encode.ts';

/**
 * The worker's Parquet writer. Same module and .wasm as parquet.ts (the reader) uses:
 * wasm-bindgen's init returns the existing instance when one is already loaded, so reading
 * and writing share one wasm instance. The writer properties live in core
 * (parquet-encode.ts), shared with the CLI, so both hosts write identical bytes.
 */

let ready: Promise<ReturnType<typeof parquetEncoders>> | null = null;

function load(): Promise<ReturnType<typeof parquetEncoders>> {
  ready ??= initParquet({ module_or_path: parquetWasmUrl }).then(() => parquetEncoders(parquetWasm));
  return ready;
}

export const encodeParquet: ParquetEncoder = async (ipc) => (await load()).encode(ipc);

export const encodeParquetStream: ParquetStreamEncoder = async function* (pages) {
  yield* (await load()).encodeStream(pages);
};
