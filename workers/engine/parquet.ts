import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | null = null;

/** Parquet → Arrow IPC stream with parquet-wasm (DuckDB's parquet extension would be a network fetch). */
export async function parquetToIPC(bytes: Uint8Array): Promise<Uint8Array> {
  ready ??= initParquet({ module_or_path: parquetWasmUrl });
  await ready;
  return readParquet(bytes).intoIPCStream();
}
