import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident } from '../sql/quote.ts';
import { csvError } from './csv-error.ts';
import { decodeToUtf8 } from './decode.ts';
import { guessEncoding, hasUtf8Bom } from './encoding.ts';
import { HEAD_BYTES, detectFormat } from './format.ts';
import { gunzip } from './gunzip.ts';
import { createRawTableSql } from './raw-sql.ts';
import { sniffCsv } from './sniff.ts';
import type { CsvDialect, EncodingGuess, LoadReport, TextEncoding } from './types.ts';

export interface LoadCsvOptions {
  /** Table to create (see tableNameFromFile). */
  table: string;
  /** The user's file name; only used to name the temporary file DuckDB reads. */
  fileName: string;
  /** The file as read. With the async DuckDB-WASM API it may be transferred (detached). */
  bytes: Uint8Array;
  /** Override the detected encoding. */
  encoding?: TextEncoding;
  /** Override the detected delimiter and/or header. */
  dialect?: { delimiter?: string; hasHeader?: boolean };
  /** Replace an existing table of that name. */
  replace?: boolean;
}

/** How much decoded text the dialect sniffer looks at. */
const SNIFF_BYTES = 512 * 1024;

function sampleText(utf8: Uint8Array): { text: string; complete: boolean } {
  if (utf8.length <= SNIFF_BYTES) return { text: new TextDecoder().decode(utf8), complete: true };
  const cut = utf8.lastIndexOf(0x0a, SNIFF_BYTES) + 1 || SNIFF_BYTES;
  return { text: new TextDecoder().decode(utf8.subarray(0, cut), { stream: true }), complete: false };
}

let registered = 0;

/** A name safe for every host's file registry (the native host writes it to disk). */
function registeredName(fileName: string): string {
  const ascii = fileName.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9_-]+/g, '_').slice(-40);
  return `tokumei-load-${++registered}-${ascii}.csv`;
}

/**
 * A CSV file's bytes into a raw table of VARCHAR columns:
 * detect → (gunzip) → encoding (guessed or given) → UTF-8 → sniff → read_csv.
 * Types are not applied here: call inferTyping, let the user review, then applyTypingSql.
 * The registered file is dropped again whatever happens.
 */
export async function loadCsv(engine: SqlEngine, options: LoadCsvOptions): Promise<LoadReport> {
  const inputBytes = options.bytes.length;
  let bytes = options.bytes;
  let format = detectFormat(bytes.subarray(0, HEAD_BYTES));
  const gzip = format === 'gzip';
  if (gzip) {
    bytes = await gunzip(bytes);
    format = detectFormat(bytes.subarray(0, HEAD_BYTES));
  }
  if (format !== 'csv') throw new TokumeiError('load.notCsv', { format: format === 'gzip' ? 'gzip' : format });

  const encoding: EncodingGuess = options.encoding
    ? { encoding: options.encoding, hadBom: options.encoding === 'utf-8' && hasUtf8Bom(bytes), confidence: 'sure', alternatives: [] }
    : guessEncoding(bytes);
  let utf8 = decodeToUtf8(bytes, encoding.encoding);
  // A trailing Ctrl-Z (old DOS end-of-file mark) would otherwise become a one-field row.
  if (utf8[utf8.length - 1] === 0x1a) utf8 = utf8.subarray(0, -1);

  const { text, complete } = sampleText(utf8);
  const dialect: CsvDialect = sniffCsv(text, { ...options.dialect, complete });
  if (dialect.columns.length === 0) throw new TokumeiError('load.empty');

  const file = registeredName(options.fileName);
  await engine.registerFile(file, utf8);
  try {
    await engine.exec(createRawTableSql(options.table, file, dialect, dialect.columns, { replace: options.replace }));
  } catch (e) {
    throw csvError(e) ?? e;
  } finally {
    await engine.dropFile(file);
  }
  const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM ${ident(options.table)}`);
  return { table: options.table, format: 'csv', encoding, dialect, gzip, bytes: inputBytes, rows: Number(n), typing: [] };
}
