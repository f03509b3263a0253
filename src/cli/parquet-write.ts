import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as parquetWasm from 'parquet-wasm/esm';
import { parquetEncoders, type ParquetEncoder, type ParquetStreamEncoder } from '../core/release/parquet-encode.ts';

/**
 * The CLI's Parquet writer: the very module the browser worker uses (parquet-wasm's esm
 * build, same .wasm bytes), initialised from node_modules instead of fetched by URL, so a
 * package released here is byte-identical to one released in the browser.
 */

const require = createRequire(import.meta.url);
let encoders: ReturnType<typeof parquetEncoders> | null = null;

function load(): ReturnType<typeof parquetEncoders> {
  if (!encoders) {
    parquetWasm.initSync({ module: readFileSync(require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')) });
    encoders = parquetEncoders(parquetWasm);
  }
  return encoders;
}

export const encodeParquet: ParquetEncoder = (ipc) => load().encode(ipc);
export const encodeParquetStream: ParquetStreamEncoder = (pages) => load().encodeStream(pages);
