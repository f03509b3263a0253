import type { WasmEngine } from './wasm-engine.ts';
import type { LoadOptions, LoadProgress } from './sources.ts';
import type { LoadReport } from '../../src/core/load/types.ts';
import { TokumeiError } from '../../src/core/errors.ts';
import { ident } from '../../src/core/sql/quote.ts';
import { detectFormat, gunzip, loadCsv, tableNameFromFile, HEAD_BYTES } from '../../src/core/load/index.ts';
import { typeTable } from '../../src/core/load/type-table.ts';
import { parquetToIPC } from './parquet.ts';
import { naiveTimestamps } from './naive-timestamps.ts';

/** Read a File in chunks so a progress bar can move while big files come in. */
async function readAll(file: File, signal: AbortSignal, progress: (f: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  for (;;) {
    if (signal.aborted) {
      await reader.cancel();
      throw new TokumeiError('engine.cancelled');
    }
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.byteLength;
    progress(file.size ? at / file.size : 1);
  }
  return at === out.byteLength ? out : out.subarray(0, at);
}

function checkAbort(signal: AbortSignal): void {
  if (signal.aborted) throw new TokumeiError('engine.cancelled');
}

/**
 * One file into one workspace table: read → detect → (gunzip) → CSV via the core
 * load pipeline (text first, then reviewed casts) or Parquet/Arrow as Arrow IPC.
 * The new table always gets a fresh name, and on any failure it is dropped again,
 * so a bad file never disturbs what the workspace already holds.
 */
export async function loadBytes(
  engine: WasmEngine,
  file: File,
  options: LoadOptions,
  existing: string[],
  signal: AbortSignal,
  onProgress?: (p: LoadProgress) => void,
): Promise<LoadReport> {
  const report = (phase: LoadProgress['phase'], fraction: number | null) => onProgress?.({ phase, fraction, fileName: file.name });
  report('reading', 0);
  let bytes = await readAll(file, signal, (f) => report('reading', f));
  checkAbort(signal);
  const table = tableNameFromFile(options.table ?? file.name, existing);
  try {
    return await loadInto(engine, file, bytes, table, options, signal, report);
  } catch (e) {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(table)}`).catch(() => undefined);
    throw e;
  }
}

async function loadInto(
  engine: WasmEngine,
  file: File,
  bytes: Uint8Array,
  table: string,
  options: LoadOptions,
  signal: AbortSignal,
  report: (phase: LoadProgress['phase'], fraction: number | null) => void,
): Promise<LoadReport> {
  let format = detectFormat(bytes.subarray(0, HEAD_BYTES));
  let gzip = false;
  if (format === 'gzip') {
    report('decoding', null);
    bytes = await gunzip(bytes);
    gzip = true;
    format = detectFormat(bytes.subarray(0, HEAD_BYTES));
  }
  checkAbort(signal);
  if (format === 'parquet' || format === 'arrow') {
    report('loading', null);
    const ipc = format === 'parquet' ? await parquetToIPC(bytes) : bytes;
    await engine.insertArrowIPC(table, naiveTimestamps(ipc).ipc);
    const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM ${ident(table)}`);
    return { table, format, gzip, bytes: file.size, rows: Number(n), typing: [] };
  }
  report('decoding', null);
  const loaded = await loadCsv(engine, {
    table,
    fileName: `${table}.csv`,
    bytes,
    encoding: options.encoding,
    dialect: options.delimiter || options.hasHeader !== undefined ? { delimiter: options.delimiter, hasHeader: options.hasHeader } : undefined,
  });
  checkAbort(signal);
  report('typing', null);
  const typing = await typeTable(engine, table, loaded.rows);
  return { ...loaded, gzip: gzip || loaded.gzip, bytes: file.size, typing };
}
