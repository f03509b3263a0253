import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SqlEngine } from '../core/engine.ts';
import { TokumeiError } from '../core/errors.ts';
import {
  detectFormat,
  HEAD_BYTES,
  loadCsv,
  typeTable,
  tableNameFromFile,
  type ColumnTyping,
  type CsvDialect,
  type EncodingGuess,
  type SourceFormat,
  type TextEncoding,
} from '../core/load/index.ts';
import { ident, str } from '../core/sql/quote.ts';

export interface LoadFileOptions {
  encoding?: TextEncoding;
  delimiter?: string;
}

export interface LoadedFile {
  table: string;
  format: SourceFormat;
  rows: number;
  gzip: boolean;
  encoding?: EncodingGuess;
  dialect?: CsvDialect;
  /** The types applied to a CSV's columns, with their reasons. */
  typing: ColumnTyping[];
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The CLI's one door from a file on disk to a typed DuckDB table, through the same load
 * pipeline as the browser (detect → decode → sniff → raw table → inferred types).
 * Parquet is read by native DuckDB directly from its path.
 */
export async function loadFile(engine: SqlEngine, path: string, opts: LoadFileOptions = {}): Promise<LoadedFile> {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new TokumeiError('cli.error.fileNotFound', { path });
  }
  if (!isFile) throw new TokumeiError('cli.error.notAFile', { path });

  const table = tableNameFromFile(basename(path), []);
  let head: Uint8Array;
  try {
    head = readHead(path);
  } catch (e) {
    throw new TokumeiError('cli.error.readFailed', { path, detail: (e as Error).message }, { cause: e });
  }
  const format = detectFormat(head);

  if (format === 'parquet') {
    try {
      await engine.exec(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM read_parquet(${str(path)})`);
    } catch (e) {
      throw new TokumeiError('cli.error.loadFailed', { path, detail: (e as Error).message }, { cause: e });
    }
    const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM ${ident(table)}`);
    return { table, format, rows: Number(n), gzip: false, typing: [] };
  }
  if (format === 'arrow') throw new TokumeiError('cli.error.arrowUnsupported');

  const bytes = readFileSync(path);
  const report = await loadCsv(engine, {
    table,
    fileName: basename(path),
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    encoding: opts.encoding,
    dialect: opts.delimiter === undefined ? undefined : { delimiter: opts.delimiter },
    replace: true,
  });
  const typing = await typeTable(engine, table, report.rows);
  return { table, format: report.format, rows: report.rows, gzip: report.gzip, encoding: report.encoding, dialect: report.dialect, typing };
}
